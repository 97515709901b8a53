// Reading a JSON Schema the way the editor needs it: which subschemas apply at a YAML path
// (through $ref, allOf/anyOf/oneOf, properties, items), which keys are allowed there, which
// enum values with which descriptions. Pure: the schema is passed in; titles and descriptions
// come back in the active language (schema-text.ts).
import { schemaText } from '../schema-text';
import type { PathSegment } from './ast';

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  markdownDescription?: string;
  enum?: unknown[];
  const?: unknown;
  enumDescriptions?: string[];
  markdownEnumDescriptions?: string[];
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema | JsonSchema[];
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  then?: JsonSchema;
  else?: JsonSchema;
  required?: string[];
  default?: unknown;
  examples?: unknown[];
  deprecated?: boolean;
  [key: string]: unknown;
}

function resolveRef(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#')) return undefined; // only local references: no network, no files
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node && typeof node === 'object' ? (node as JsonSchema) : undefined;
}

/** The schema and everything it combines with ($ref, allOf, anyOf, oneOf, then/else), flattened. */
export function expand(root: JsonSchema, schema: JsonSchema | undefined, seen = new Set<JsonSchema>()): JsonSchema[] {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return [];
  seen.add(schema);
  const out: JsonSchema[] = [schema];
  if (schema.$ref) out.push(...expand(root, resolveRef(root, schema.$ref), seen));
  for (const list of [schema.allOf, schema.anyOf, schema.oneOf]) for (const s of list ?? []) out.push(...expand(root, s, seen));
  out.push(...expand(root, schema.then, seen), ...expand(root, schema.else, seen));
  return out;
}

function step(root: JsonSchema, schemas: JsonSchema[], segment: PathSegment): JsonSchema[] {
  const next: JsonSchema[] = [];
  for (const s of schemas) {
    if (typeof segment === 'number') {
      if (Array.isArray(s.items)) next.push(...expand(root, s.items[segment] ?? s.items[s.items.length - 1]));
      else if (s.items) next.push(...expand(root, s.items));
      continue;
    }
    const prop = s.properties?.[segment];
    if (prop) {
      next.push(...expand(root, prop));
      continue;
    }
    for (const [pattern, sub] of Object.entries(s.patternProperties ?? {})) {
      try {
        if (new RegExp(pattern, 'u').test(segment)) next.push(...expand(root, sub));
      } catch {
        /* a pattern JS cannot compile applies to nothing here */
      }
    }
    if (typeof s.additionalProperties === 'object') next.push(...expand(root, s.additionalProperties));
  }
  return next;
}

/** Every (flattened) subschema that applies at `path`. */
export function schemasAt(root: JsonSchema, path: readonly PathSegment[]): JsonSchema[] {
  let schemas = expand(root, root);
  for (const segment of path) {
    schemas = step(root, schemas, segment);
    if (schemas.length === 0) break;
  }
  return schemas;
}

export interface SchemaDoc {
  title?: string;
  /** Markdown. */
  description?: string;
}

/** Title and description of what lives at `path` (markdownDescription preferred). */
export function docAt(root: JsonSchema, path: readonly PathSegment[]): SchemaDoc {
  const schemas = schemasAt(root, path);
  const title = schemas.find((s) => s.title)?.title;
  const described = schemas.find((s) => s.markdownDescription || s.description);
  return { title: schemaText(title), description: schemaText(described?.markdownDescription ?? described?.description) };
}

export interface PropertyInfo {
  name: string;
  schema: JsonSchema;
  required: boolean;
  doc: SchemaDoc;
}

export function propertiesAt(root: JsonSchema, path: readonly PathSegment[]): PropertyInfo[] {
  const schemas = schemasAt(root, path);
  const required = new Set(schemas.flatMap((s) => s.required ?? []));
  const byName = new Map<string, PropertyInfo>();
  for (const s of schemas) {
    for (const [name, sub] of Object.entries(s.properties ?? {})) {
      if (byName.has(name)) continue;
      const doc = docAt(root, [...path, name]);
      byName.set(name, { name, schema: sub, required: required.has(name), doc });
    }
  }
  return [...byName.values()];
}

export interface EnumValue {
  value: unknown;
  /** Markdown. */
  description?: string;
}

/** Enum (and const) values allowed at `path`, with their descriptions. */
export function enumValuesAt(root: JsonSchema, path: readonly PathSegment[]): EnumValue[] {
  const out: EnumValue[] = [];
  const seen = new Set<string>();
  for (const s of schemasAt(root, path)) {
    const values = s.enum ?? (s.const !== undefined ? [s.const] : []);
    values.forEach((value, i) => {
      const key = JSON.stringify(value);
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ value, description: schemaText(s.markdownEnumDescriptions?.[i] ?? s.enumDescriptions?.[i]) });
    });
  }
  return out;
}

export function typesAt(root: JsonSchema, path: readonly PathSegment[]): Set<string> {
  const types = new Set<string>();
  for (const s of schemasAt(root, path)) for (const t of [s.type ?? []].flat()) types.add(t);
  return types;
}

// The titles and descriptions of the JSON Schemas (schemas/*.schema.json) in the active
// language, for schema findings, hovers and completions. The schema's English text is the
// source and the l10n key, as for every other message: the French is in
// l10n/bundle.l10n.fr.json, and test/unit/l10n-coverage.test.ts fails when a title,
// description or enum description of a schema has no French entry (or when an entry is no
// longer used), so that the schemas stay the one place where this text is written.
import * as l10n from '@vscode/l10n';

/** The schema keywords whose text is shown to users (and therefore translated). */
const TEXT_KEYWORDS = ['title', 'description', 'markdownDescription'] as const;
const TEXT_LIST_KEYWORDS = ['enumDescriptions', 'markdownEnumDescriptions'] as const;

/** `text` (a schema title or description) in the active language; English when untranslated. */
export function schemaText(text: string): string;
export function schemaText(text: string | undefined): string | undefined;
export function schemaText(text: string | undefined): string | undefined {
  // No arguments: l10n.t leaves "{...}" in the text alone (runbook placeholders are quoted in it).
  return text === undefined || text === '' ? text : l10n.t(text);
}

/** Every user-facing text of a schema (titles, descriptions, enum descriptions), in document order. */
export function schemaTexts(schema: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if ((TEXT_KEYWORDS as readonly string[]).includes(key) && typeof value === 'string') out.push(value);
      else if ((TEXT_LIST_KEYWORDS as readonly string[]).includes(key) && Array.isArray(value)) out.push(...value.filter((v): v is string => typeof v === 'string'));
      // `properties` maps names to schemas: a property named "title" is a schema, not a text.
      else if (key === 'properties' && typeof value === 'object' && value !== null) Object.values(value).forEach(walk);
      else if (key !== 'examples' && key !== 'default' && key !== 'enum' && key !== 'const') walk(value);
    }
  };
  walk(schema);
  return out;
}

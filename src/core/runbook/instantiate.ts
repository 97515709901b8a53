// "New runbook from template": a shipped runbook becomes the admin's own copy, with the values of
// their inventory written in place of the placeholders, the front matter pointing at that
// inventory and server, and every checklist box empty. Everything else is the template's bytes:
// line breaks, spacing, comments of the front matter, unresolvable placeholders (left for the
// admin, with the reason reported).
import * as l10n from '@vscode/l10n';
import { isMap, isScalar, parseDocument, Scalar, visit } from 'yaml';
import type { Pair } from 'yaml';
import { indexLines, dominantLineEnding } from './lines';
import { frontMatterLineCount } from './front-matter';
import { listSteps, toggleStep } from './checklist';
import { findPlaceholders, resolvePlaceholder } from './placeholders';
import type { PlaceholderContext } from './placeholders';

export interface TemplateOptions extends PlaceholderContext {
  /** The license server the new runbook works on (front matter `server:`). */
  serverName: string;
  /** Path of the inventory relative to the new runbook's folder, with `/` (front matter `inventory:`). */
  inventoryPath: string;
}

export interface PlaceholderUse {
  name: string;
  /** How many times it occurs in the template. */
  count: number;
}

export interface InstantiatedRunbook {
  text: string;
  /** Placeholders replaced by their value. */
  filled: (PlaceholderUse & { value: string })[];
  /** Placeholders left as they are, with the reason. */
  unresolved: (PlaceholderUse & { reason: string })[];
  /** Ticked steps of the template that are now unticked. */
  stepsReset: number;
  /**
   * Set when the template's front matter is not valid YAML (or `inventory:`/`server:` hold
   * something other than a plain value): the front matter is then kept as it is.
   */
  frontMatterProblem?: string;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Writes `instantiateTemplate`'s result; see the file comment. Never throws. */
export function instantiateTemplate(templateText: string, options: TemplateOptions): InstantiatedRunbook {
  const context: PlaceholderContext = { ...options };
  const filled = new Map<string, PlaceholderUse & { value: string }>();
  const unresolved = new Map<string, PlaceholderUse & { reason: string }>();
  const valueOf = (name: string): string | undefined => {
    const known = filled.get(name) ?? unresolved.get(name);
    if (known) {
      known.count++;
      return 'value' in known ? known.value : undefined;
    }
    const r = resolvePlaceholder(name, context);
    if (r.resolved) filled.set(name, { name, count: 1, value: r.value });
    else unresolved.set(name, { name, count: 1, reason: r.reason });
    return r.resolved ? r.value : undefined;
  };

  const from = templateText.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines = indexLines(templateText, from);
  const fmLines = frontMatterLineCount(templateText, lines);
  const bodyStart = fmLines === 0 ? from : fmLines < lines.starts.length ? lines.starts[fmLines] : templateText.length;

  const edits: Edit[] = [];
  let frontMatterProblem: string | undefined;
  if (fmLines === 0) {
    // No front matter: give the runbook one, so that it knows its inventory and server.
    const eol = dominantLineEnding(templateText);
    const yaml = `inventory: ${yamlString(options.inventoryPath)}${eol}server: ${yamlString(options.serverName)}${eol}`;
    edits.push({ start: from, end: from, text: `---${eol}${yaml}---${eol}` });
  } else {
    const yamlStart = lines.starts[1];
    const yamlEnd = lines.starts[fmLines - 1];
    const result = frontMatterEdits(templateText.slice(yamlStart, yamlEnd), yamlStart, options, valueOf, dominantLineEnding(templateText));
    if (typeof result === 'string') frontMatterProblem = result;
    else edits.push(...result);
  }

  for (const p of findPlaceholders(templateText.slice(bodyStart))) {
    const value = valueOf(p.name);
    if (value !== undefined) edits.push({ start: bodyStart + p.offset, end: bodyStart + p.offset + p.length, text: value });
  }

  let text = applyEdits(templateText, edits);
  // Unticking only replaces the box character, so the other steps' offsets stay valid.
  let stepsReset = 0;
  for (const step of listSteps(text)) {
    if (!step.checked) continue;
    text = toggleStep(text, step.offset, false);
    stepsReset++;
  }
  return { text, filled: [...filled.values()], unresolved: [...unresolved.values()], stepsReset, frontMatterProblem };
}

function applyEdits(text: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/**
 * Edits (offsets in the whole file) that set `inventory:` and `server:` and fill the placeholders
 * of the other front matter values; or why the front matter cannot be edited.
 */
function frontMatterEdits(
  yamlText: string,
  offset: number,
  options: TemplateOptions,
  valueOf: (name: string) => string | undefined,
  eol: string,
): Edit[] | string {
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return l10n.t('The front matter is not valid YAML: {0}', doc.errors[0].message.split('\n')[0]);
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) return l10n.t('The front matter is not a list of keys and values.');
  const edits: Edit[] = [];
  const linked = new Map<string, string>([
    ['inventory', options.inventoryPath],
    ['server', options.serverName],
  ]);
  const setValues = new Set<unknown>();
  const missing: string[] = [];
  for (const [key, value] of linked) {
    const pair = contents?.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<Scalar, unknown> | undefined;
    if (!pair) {
      missing.push(`${key}: ${yamlString(value)}${eol}`);
      continue;
    }
    const node = pair.value;
    if (node === null || node === undefined || (isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1])) {
      // `key:` with nothing after it: write the value after the colon.
      const keyEnd = pair.key.range?.[1] ?? 0;
      const colon = yamlText.indexOf(':', keyEnd);
      edits.push({ start: offset + colon + 1, end: offset + colon + 1, text: ` ${yamlString(value)}` });
    } else if (isScalar(node) && node.range && node.type !== Scalar.BLOCK_FOLDED && node.type !== Scalar.BLOCK_LITERAL) {
      edits.push({ start: offset + node.range[0], end: offset + node.range[1], text: scalarSource(value, node.type) });
    } else {
      return l10n.t("The front matter's {0} is not a single value.", `${key}:`);
    }
    setValues.add(node);
  }
  if (missing.length > 0) edits.push({ start: offset + yamlText.length, end: offset + yamlText.length, text: missing.join('') });

  // Placeholders in the other values (a title naming the server, say), in each value's own quoting.
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || setValues.has(node) || !node.range || typeof node.value !== 'string') return;
      const [start, end] = node.range;
      const inside: Edit[] = [];
      let unsafe = false;
      for (const p of findPlaceholders(yamlText.slice(start, end))) {
        const value = valueOf(p.name);
        if (value === undefined) continue;
        if (node.type === Scalar.PLAIN && /[:#'"{}[\],&*!|>%@`]|^\s|\s$/.test(value)) unsafe = true;
        inside.push({ start: offset + start + p.offset, end: offset + start + p.offset + p.length, text: inScalar(value, node.type) });
      }
      if (!unsafe) {
        edits.push(...inside);
        return;
      }
      // A plain scalar that the value would cut short (": ", " #"…) is rewritten double-quoted.
      let whole = node.value;
      for (const p of findPlaceholders(whole).reverse()) {
        const value = resolvedValue(p.name);
        if (value !== undefined) whole = whole.slice(0, p.offset) + value + whole.slice(p.offset + p.length);
      }
      edits.push({ start: offset + start, end: offset + end, text: JSON.stringify(whole) });
    },
  });
  return edits;

  function resolvedValue(name: string): string | undefined {
    const r = resolvePlaceholder(name, options);
    return r.resolved ? r.value : undefined;
  }
}

/** `value` written inside a scalar of the given style, where a placeholder was. */
function inScalar(value: string, type: Scalar.Type | undefined): string {
  if (type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value).slice(1, -1);
  if (type === Scalar.QUOTE_SINGLE) return value.replace(/'/g, "''");
  return value;
}

/** A whole scalar holding `value`, in the style it had (plain only when it stays a string). */
function scalarSource(value: string, type: Scalar.Type | undefined): string {
  if (type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  if (type === Scalar.PLAIN) return yamlString(value);
  return JSON.stringify(value);
}

/** `value` as a YAML string: plain when that reads back as the same string, else double-quoted. */
function yamlString(value: string): string {
  if (/^[A-Za-z0-9_.][A-Za-z0-9_./\\-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|y|n|~|[0-9._-]+|[-+]?\.(inf|nan))$/i.test(value)) return value;
  return JSON.stringify(value);
}

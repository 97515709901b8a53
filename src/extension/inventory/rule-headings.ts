// The rules documented in docs/rules.md, read from its headings (no `vscode` import: unit-tested).
export interface RuleHeading {
  id: string;
  title: string;
  /** 0-based line of the heading in docs/rules.md. */
  line: number;
}

const RULE_ID = /\b([A-Z]{2,}[0-9]{3})\b/;

/** Headings (`#`…`####`) that name a rule id, e.g. `## RDS101 — License Server ID format`. */
export function ruleHeadings(markdown: string): RuleHeading[] {
  const rules: RuleHeading[] = [];
  const seen = new Set<string>();
  let fence = false;
  markdown.split(/\r?\n/).forEach((text, line) => {
    if (/^\s*(```|~~~)/.test(text)) fence = !fence;
    if (fence) return;
    const heading = /^#{1,4}\s+(.*)$/.exec(text);
    const id = heading && RULE_ID.exec(heading[1]);
    if (!heading || !id || seen.has(id[1])) return;
    seen.add(id[1]);
    const title = heading[1]
      .replace(/<a [^>]*><\/a>/g, '')
      .replace(/[`*]/g, '')
      .replace(id[1], '')
      .replace(/^[\s:—–-]+/, '')
      .trim();
    rules.push({ id: id[1], title, line });
  });
  return rules;
}

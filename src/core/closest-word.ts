// "Did you mean ...?": the known word closest to a misspelt one (unknown keys and values of an
// inventory, unknown placeholders of a runbook), or none when nothing is close enough to be a
// typo rather than another word.

/**
 * Edit distance counting an insertion, a deletion, a substitution or a swap of two adjacent
 * characters as one edit (optimal string alignment): `nmae` is one typo away from `name`.
 * Short strings only (keys, values, placeholder names).
 */
export function editDistance(a: string, b: string): number {
  // rows[i][j]: distance between the first i characters of a and the first j of b.
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length][b.length];
}

/**
 * The candidate closest to `word`, ignoring case, when it is at most a third of the word's
 * length away (at least 1): `serverID` → `serverId`, `licensServers` → `licenseServers`,
 * `nmae` → `name`.
 */
export function closestWord(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

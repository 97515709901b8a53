// Windows Server / RDS CAL versions: the one place that knows their names, their order and
// how users may write them (2022, "2012 R2", 2012R2, "WS2019"...).
// Facts: ../shared/reference/rds-licensing-facts.md §3.2.

export const WINDOWS_VERSIONS = ['2008', '2008 R2', '2012', '2012 R2', '2016', '2019', '2022', '2025'] as const;
export type WindowsVersion = (typeof WINDOWS_VERSIONS)[number];

/** Canonical version from what a user wrote (number or string), or undefined if unknown. */
export function normalizeVersion(value: unknown): WindowsVersion | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  const compact = String(value).toUpperCase().replace(/^(WINDOWS\s*SERVER|WS)\s*/, '').replace(/\s+/g, '');
  const m = /^(\d{4})(R2)?$/.exec(compact);
  if (!m) return undefined;
  const candidate = m[2] ? `${m[1]} R2` : m[1];
  return (WINDOWS_VERSIONS as readonly string[]).includes(candidate) ? (candidate as WindowsVersion) : undefined;
}

/** Position in release order (2008 = 0). */
export function versionRank(v: WindowsVersion): number {
  return WINDOWS_VERSIONS.indexOf(v);
}

// CAL version compatibility: the one place that knows which CALs serve which session hosts and
// which license servers can hold which CALs.
// Facts: ../shared/reference/rds-licensing-facts.md §3.2 (WSD-CAL for 2016–2025, SUP-NOLS for
// 2008–2019; "(yes)" cells follow the stated rule). A later CAL serves an earlier host, never
// the reverse; a license server holds CALs of its own version or earlier. 2012 CALs cover
// 2012 R2 hosts, and 2008 R2 CALs cover 2008 hosts: versions are compared by family.
import { normalizeVersion, WindowsVersion } from './versions';

/** Version families for licensing: an R2 release is licensed by the CALs of its base release. */
const FAMILY_RANK: Record<WindowsVersion, number> = {
  '2008': 0,
  '2008 R2': 0,
  '2012': 1,
  '2012 R2': 1,
  '2016': 2,
  '2019': 3,
  '2022': 4,
  '2025': 5,
};

export function licensingRank(version: WindowsVersion): number {
  return FAMILY_RANK[version];
}

/** True when CALs of `calVersion` can serve a session host running `hostOs`. */
export function calServesHost(calVersion: WindowsVersion, hostOs: WindowsVersion): boolean {
  return licensingRank(calVersion) >= licensingRank(hostOs);
}

/** True when a license server running `serverOs` can hold and issue CALs of `calVersion`. */
export function serverHoldsCal(serverOs: WindowsVersion, calVersion: WindowsVersion): boolean {
  return licensingRank(serverOs) >= licensingRank(calVersion);
}

/** Oldest CAL version that serves a host running `hostOs` (for messages). */
export function minimumCalFor(hostOs: WindowsVersion): WindowsVersion {
  return hostOs === '2012 R2' ? '2012' : hostOs === '2008' ? '2008 R2' : hostOs;
}

/** Convenience for rules working on values as written. */
export function parseVersion(value: unknown): WindowsVersion | undefined {
  return normalizeVersion(value);
}

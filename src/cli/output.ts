// Writes a report file atomically: a temporary file next to it, then a rename, so a reader (a
// CI step uploading SARIF) never sees half a report, and a failed run leaves the old one intact.
// The one implementation is atomic-write.ts (shared with `rdslic runbook fmt`).
export { writeFileAtomically } from './atomic-write';

// Asks the runner (test/ext/run.js) for a screenshot of the workbench as it is now, for a
// person to look at (`--screenshots DIR`); resolves once the runner has taken it (or, without
// --screenshots, acknowledged it).
import { askRunner } from './runner-request';

export function screenshot(name: string, timeoutMs = 15_000): Promise<void> {
  return askRunner(`screenshot ${name}`, name, timeoutMs);
}

import { runSuite } from '../../lib/mocha-runner';

export function run(): Promise<void> {
  return runSuite(__dirname);
}

// Where rdslic's home and rule documentation live, from package.json (one source of truth).
import pkg from '../../package.json';
import { VERSION } from '../core/version';

export { VERSION };

/** The project's web address: package.json `homepage`, else its repository without `.git`. */
export const PROJECT_URL: string = ((pkg as { homepage?: string }).homepage ?? pkg.repository.url)
  .replace(/^git\+/, '')
  .replace(/\.git$/, '');

/** The documentation of one rule in docs/rules.md (one `#rds101`-style anchor per rule). */
export function ruleHelpUri(ruleId: string): string {
  return `${PROJECT_URL}/blob/main/docs/rules.md#${ruleId.toLowerCase()}`;
}

// The runbooks shipped with the extension (runbooks/<lang>/*.runbook.md in the extension's
// folder, packaged in the VSIX): the templates of "New runbook from template".
import * as vscode from 'vscode';
import { parseRunbook } from '../../core/runbook';

export interface RunbookTemplate {
  uri: vscode.Uri;
  /** `en` or `fr`: the folder it is shipped in. */
  lang: string;
  /** File name, e.g. `activate-license-server.runbook.md`. */
  fileName: string;
  /** The front matter's title (the file name when it has none). */
  title: string;
  summary?: string;
}

const LANGS = ['en', 'fr'];

/** `fr`, `fr-CA`… → `fr`; anything else → `en` (the languages runbooks are shipped in). */
export function templateLanguage(uiLanguage: string): string {
  const primary = uiLanguage.toLowerCase().split(/[-_]/)[0];
  return LANGS.includes(primary) ? primary : 'en';
}

/** The shipped templates, the UI language's first, each language in file name order. */
export async function listTemplates(extensionUri: vscode.Uri, uiLanguage: string): Promise<RunbookTemplate[]> {
  const first = templateLanguage(uiLanguage);
  const order = [first, ...LANGS.filter((l) => l !== first)];
  const templates: RunbookTemplate[] = [];
  for (const lang of order) {
    const folder = vscode.Uri.joinPath(extensionUri, 'runbooks', lang);
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(folder);
    } catch {
      continue;
    }
    const names = entries.filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.runbook.md')).map(([name]) => name).sort();
    for (const fileName of names) {
      const uri = vscode.Uri.joinPath(folder, fileName);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const data = parseRunbook(text).frontMatter?.data as Record<string, unknown> | undefined;
      const title = typeof data?.title === 'string' ? data.title : fileName;
      const summary = typeof data?.summary === 'string' ? data.summary : undefined;
      templates.push({ uri, lang, fileName, title, summary });
    }
  }
  return templates;
}

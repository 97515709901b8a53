// "New Inventory from Template": an unsaved `*.rdslic.yaml` document next to the workspace's
// files (an untitled document with a path: saving writes it there without a dialog), so the
// language server checks it from the first keystroke.
import * as os from 'os';
import * as vscode from 'vscode';
import { TEMPLATES, todayIso, type InventoryTemplate } from './templates';

export interface NewInventoryArgs {
  /** Template id (`site`, `empty`); asked with a quick pick when absent. */
  template?: string;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** `<folder>/<name>.rdslic.yaml`, or `<name>-2.rdslic.yaml`... when taken on disk or open. */
async function freeTarget(folder: vscode.Uri, name: string): Promise<vscode.Uri> {
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.path));
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(folder, `${n === 1 ? name : `${name}-${n}`}.rdslic.yaml`);
    if (!open.has(candidate.path) && !(await exists(candidate))) return candidate;
  }
}

async function pickTemplate(): Promise<InventoryTemplate | undefined> {
  const picked = await vscode.window.showQuickPick(
    TEMPLATES.map((t) => ({ label: t.label, detail: t.detail, template: t })),
    { title: vscode.l10n.t('New RDS licensing inventory'), placeHolder: vscode.l10n.t('Choose a template') },
  );
  return picked?.template;
}

export async function newInventoryFromTemplate(args?: NewInventoryArgs): Promise<vscode.TextEditor | undefined> {
  let template: InventoryTemplate | undefined;
  if (args?.template) {
    template = TEMPLATES.find((t) => t.id === args.template);
    if (!template) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Unknown inventory template "{0}".', args.template));
      return undefined;
    }
  } else {
    template = await pickTemplate();
    if (!template) return undefined;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
  const target = (await freeTarget(folder, template.fileName)).with({ scheme: 'untitled' });
  const doc = await vscode.workspace.openTextDocument(target);
  const editor = await vscode.window.showTextDocument(doc);
  await editor.edit((b) => b.insert(new vscode.Position(0, 0), template.text(todayIso())));
  if (doc.languageId !== 'yaml') await vscode.languages.setTextDocumentLanguage(doc, 'yaml');
  return editor;
}

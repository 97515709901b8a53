// "Show Rule Documentation": a quick pick of the rules documented in docs/rules.md (shipped in
// the VSIX), then that file opened at the rule's heading with its Markdown preview beside it.
// The list is read from the document's headings, so it never drifts from the documentation.
import * as vscode from 'vscode';
import { ruleHeadings, type RuleHeading } from './rule-headings';

export async function showRuleDocumentation(
  context: vscode.ExtensionContext,
  ruleId?: string,
): Promise<vscode.TextEditor | undefined> {
  const docUri = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md');
  let doc: vscode.TextDocument;
  try {
    doc = await vscode.workspace.openTextDocument(docUri);
  } catch {
    void vscode.window.showErrorMessage(vscode.l10n.t('The rule documentation (docs/rules.md) is missing from the extension.'));
    return undefined;
  }
  const rules = ruleHeadings(doc.getText());
  let rule: RuleHeading | undefined;
  if (typeof ruleId === 'string') {
    rule = rules.find((r) => r.id.toLowerCase() === ruleId.toLowerCase());
    if (!rule) {
      void vscode.window.showWarningMessage(vscode.l10n.t('No documentation for rule {0}.', ruleId));
      return undefined;
    }
  } else {
    const picked = await vscode.window.showQuickPick(
      rules.map((r) => ({ label: r.id, description: r.title, rule: r })),
      { title: vscode.l10n.t('rdslic rules'), placeHolder: vscode.l10n.t('Rule id or words of its title'), matchOnDescription: true },
    );
    if (!picked) return undefined;
    rule = picked.rule;
  }
  const at = new vscode.Range(rule.line, 0, rule.line, 0);
  const editor = await vscode.window.showTextDocument(doc, { selection: at, preview: true });
  editor.revealRange(at, vscode.TextEditorRevealType.AtTop);
  // The preview follows the editor's scroll position (markdown.preview.scrollPreviewWithEditor).
  await vscode.commands.executeCommand('markdown.showPreviewToSide', docUri);
  return editor;
}

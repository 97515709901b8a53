// Whether the Red Hat YAML extension (redhat.vscode-yaml, which runs yaml-language-server)
// already reports YAML syntax problems in inventories: installed, enabled, and its
// `yaml.validate` setting not off. The language server is told (its `reportYamlSyntax`
// setting), so that a duplicate key or an unclosed quote is not listed twice in Problems.
import * as vscode from 'vscode';

export const RED_HAT_YAML = 'redhat.vscode-yaml';

export function yamlSyntaxReportedElsewhere(): boolean {
  if (!vscode.extensions.getExtension(RED_HAT_YAML)) return false;
  return vscode.workspace.getConfiguration('yaml').get<boolean>('validate', true) !== false;
}

/** Calls `listener` with the new answer whenever it changes (extension installed, enabled, setting). */
export function onDidChangeYamlSyntaxReported(listener: (reported: boolean) => void): vscode.Disposable {
  let last = yamlSyntaxReportedElsewhere();
  const check = () => {
    const now = yamlSyntaxReportedElsewhere();
    if (now === last) return;
    last = now;
    listener(now);
  };
  return vscode.Disposable.from(
    vscode.extensions.onDidChange(check),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('yaml.validate')) check();
    }),
  );
}

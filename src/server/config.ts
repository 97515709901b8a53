// Rule settings for a file: the `.rdslic.yaml` files the CLI reads (same loader, same
// resolution, so the editor shows what CI shows), then the editor's `rdslic.rules` setting on
// top (what a user sets in the editor wins in the editor).
import { ConfigLoader } from '../core/config';
import type { RuleSetting } from '../core/config/types';
import { editorRuleSettings } from '../core/config/editor-settings';

export type { RuleSetting };
export type RuleSettings = Record<string, RuleSetting>;

export interface EditorSettings {
  rules?: RuleSettings;
  /**
   * False when another YAML language server (yaml-language-server, which the Red Hat YAML
   * extension runs) already reports the YAML parser's errors and warnings: the editor then
   * leaves those out, so that no problem is shown twice. Default true.
   */
  reportYamlSyntax?: boolean;
}

export interface FileSettings {
  rules: RuleSettings;
  /** The config's `ignore` covers the file: the editor reports nothing for it, as CI would. */
  ignored: boolean;
}

/** Keeps only well-formed entries of what the client sent (it may send anything). */
export function sanitizeSettings(raw: unknown): EditorSettings {
  const rules = editorRuleSettings(raw && typeof raw === 'object' ? (raw as { rules?: unknown }).rules : undefined);
  const reportYamlSyntax = raw && typeof raw === 'object' ? (raw as { reportYamlSyntax?: unknown }).reportYamlSyntax !== false : true;
  return { rules, reportYamlSyntax };
}

export class RuleConfig {
  private editor: EditorSettings = sanitizeSettings(undefined);
  private readonly loader = new ConfigLoader();

  setEditorSettings(settings: EditorSettings): void {
    this.editor = settings;
  }

  /** Changes whenever the editor settings do (to tell whether what was shown is still right). */
  get editorKey(): string {
    return JSON.stringify(this.editor);
  }

  /** See EditorSettings.reportYamlSyntax. */
  get reportsYamlSyntax(): boolean {
    return this.editor.reportYamlSyntax !== false;
  }

  /** Forget what was read from config files (one of them changed on disk). */
  invalidate(): void {
    this.loader.clear();
  }

  /** Settings for an inventory; `filePath` undefined for documents not on disk (untitled). */
  forFile(filePath: string | undefined): FileSettings {
    const fromFiles = filePath ? this.loader.forFile(filePath) : { rules: {}, ignored: false };
    return { rules: { ...fromFiles.rules, ...(this.editor.rules ?? {}) }, ignored: fromFiles.ignored };
  }
}

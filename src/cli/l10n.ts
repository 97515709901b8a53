// Language of the CLI's messages, shared by every command: `--lang en|fr`, else the locale
// environment (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them). The French bundle is
// imported, so it ships inside dist/cli.js and needs no file next to it at run time.
import * as l10n from '@vscode/l10n';
import frenchBundle from '../../l10n/bundle.l10n.fr.json';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** The language the locale environment asks for; English when it names no language we have. */
export function languageFromEnvironment(env: NodeJS.ProcessEnv = process.env): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^fr([_.@-]|$)/i.test(locale) ? 'fr' : 'en';
}

/** The language a `--lang xx` or `--lang=xx` option names (before any `--`); none when absent or not one we have. */
export function languageFromArgs(args: readonly string[]): Language | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') return undefined;
    const value = arg === '--lang' ? args[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value !== undefined) return isLanguage(value) ? value : undefined;
  }
  return undefined;
}

/** Makes `l10n.t` answer in `language` for the rest of the process. */
export function configureLanguage(language: Language): void {
  // English is the source text: an empty bundle makes l10n.t return it unchanged (and undoes an
  // earlier French choice, e.g. LANG=fr_FR with --lang en).
  l10n.config({ contents: language === 'fr' ? (frenchBundle as Record<string, string>) : {} });
}

// Fence info strings ↔ notebook language ids. The ids are VS Code's (`powershell`, `bat`,
// `shellscript`), so a cell gets the right highlighting and kernel; the info string itself is
// never rewritten unless the user changes the cell's language.

const LANGUAGE_BY_INFO_WORD: Record<string, string> = {
  powershell: 'powershell',
  pwsh: 'powershell',
  ps1: 'powershell',
  ps: 'powershell',
  posh: 'powershell',
  cmd: 'bat',
  bat: 'bat',
  batch: 'bat',
  shell: 'shellscript',
  sh: 'shellscript',
  bash: 'shellscript',
  zsh: 'shellscript',
  shellscript: 'shellscript',
};

/** How a cell of each language is fenced when the serializer writes it. */
const INFO_WORD_BY_LANGUAGE: Record<string, string> = {
  powershell: 'powershell',
  bat: 'cmd',
  shellscript: 'sh',
  plaintext: '',
};

/** Language id used for a fence without an info string. */
export const PLAIN_TEXT = 'plaintext';

/**
 * The notebook language id of a fence info string: its first word, mapped for the shells
 * (`pwsh`, `ps1` → `powershell`; `cmd`, `bat` → `bat`; `sh`, `bash`, `shell` → `shellscript`),
 * lower-cased otherwise (`YAML` → `yaml`); `plaintext` when there is no info string.
 */
export function languageOfInfo(info: string): string {
  const word = firstWord(info).toLowerCase();
  if (word === '') return PLAIN_TEXT;
  return LANGUAGE_BY_INFO_WORD[word] ?? word;
}

/** The info-string word written for a cell of language `language` (`bat` → `cmd`, …). */
export function infoWordOfLanguage(language: string | undefined): string {
  if (language === undefined) return '';
  return INFO_WORD_BY_LANGUAGE[language] ?? language;
}

/** The first whitespace-separated word of an info string. */
export function firstWord(info: string): string {
  const trimmed = info.trim();
  const match = /^[^ \t]+/.exec(trimmed);
  return match ? match[0] : '';
}

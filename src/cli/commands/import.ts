// `rdslic import wmi FILE... [--server NAME] [--organization NAME] [--out FILE] [--into FILE]`
import fs from 'node:fs';
import * as l10n from '@vscode/l10n';
import { buildInventory, decodeText, readWmiJson, renderInventory } from '../../core/import';
import type { ImportMessage } from '../../core/import';
import { mergeInventory } from '../../core/import/merge';
import { EXIT_OK, EXIT_USAGE, printUsageError } from '../exit';
import { handleCommonOptions, parseCommandArgs } from '../common-options';
import { writeFileAtomically } from '../output';

function help(): string {
  return l10n.t(`Usage: rdslic import wmi FILE... [options]

Builds an inventory (format v1) from the JSON of the RDS licensing WMI classes:
scripts/Export-RdsLicensing.ps1 output, or Get-CimInstance / Get-WmiObject
Win32_TSLicenseKeyPack | Select-Object ... | ConvertTo-Json (PowerShell 5.1 or 7),
Win32_TSLicenseServer, Win32_TerminalServiceSetting. Built-in and temporary packs are
left out. What WMI cannot know is marked with "# TODO:" comments.

Options:
  --server NAME        name of the license server the key packs come from
                       (needed when the export does not say)
  --organization NAME  organization name (default: TODO, or the AD domain)
  --out FILE           write the inventory to FILE instead of stdout
  --into FILE          merge into this existing inventory (keeps its comments and
                       order; writes back to FILE unless --out is given)
  --lang <en|fr>       language of the messages and of the TODO comments
  -h, --help           show this help

Exit codes: 0 inventory written (an empty export next to useful ones is only a
warning), 2 usage error, unreadable or invalid file, or nothing to import.`);
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('import', args, {
    server: { type: 'string' },
    organization: { type: 'string' },
    out: { type: 'string' },
    into: { type: 'string' },
  } as const);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const done = handleCommonOptions('import', values, help);
  if (done !== undefined) return done;
  const [source, ...files] = positionals;
  if (source !== 'wmi') return printUsageError(l10n.t("import: expected the source 'wmi', e.g. rdslic import wmi export.json"));
  if (files.length === 0) return printUsageError(l10n.t('import wmi: no file given. Run scripts/Export-RdsLicensing.ps1 on the license server and pass its JSON.'));

  const collections = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (e) {
      return printUsageError(l10n.t('cannot read {0}: {1}', file, (e as NodeJS.ErrnoException).code ?? String(e)));
    }
    collections.push(readWmiJson(decodeText(bytes).text, file));
  }
  const result = buildInventory(collections, { server: values.server, organization: values.organization });
  for (const m of result.messages) process.stderr.write(formatMessage(m) + '\n');
  if (result.messages.some((m) => m.severity === 'error')) return EXIT_USAGE;

  if (values.into !== undefined) {
    let existing: string;
    try {
      existing = decodeText(fs.readFileSync(values.into)).text;
    } catch (e) {
      return printUsageError(l10n.t('cannot read {0}: {1}', values.into, (e as NodeJS.ErrnoException).code ?? String(e)));
    }
    const merged = mergeInventory(existing, result.inventory, result.todos);
    for (const e of merged.errors) process.stderr.write(`${values.into}:${e}\n`);
    if (merged.text === undefined) return EXIT_USAGE;
    for (const n of merged.notes) process.stderr.write(`${values.into}: ${n}\n`);
    for (const c of merged.changes) process.stderr.write(`${values.into}: ${c}\n`);
    if (merged.changes.length === 0) process.stderr.write(l10n.t('{0}: already up to date', values.into) + '\n');
    writeFileAtomically(values.out ?? values.into, merged.text);
    return EXIT_OK;
  }

  const header = [
    l10n.t('Imported by `rdslic import wmi` from {0}.', files.join(', ')),
    l10n.t('Complete every TODO, then check with `rdslic lint`.'),
  ].join('\n');
  const text = renderInventory(result.inventory, result.todos, header);
  if (values.out !== undefined) writeFileAtomically(values.out, text);
  else process.stdout.write(text);
  return EXIT_OK;
}

function formatMessage(m: ImportMessage): string {
  const where = m.file ? (m.line !== undefined ? `${m.file}:${m.line}:${m.column ?? 1}: ` : `${m.file}: `) : 'rdslic: ';
  const level = m.severity === 'info' ? '' : `${m.severity === 'error' ? l10n.t('error') : l10n.t('warning')}: `;
  return `${where}${level}${m.message}`;
}

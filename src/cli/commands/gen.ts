// `rdslic gen hosts [paths...] [--host NAME] [--out FILE]`: the PowerShell that configures the
// session hosts' licensing mode and license servers from the inventory.
import * as l10n from '@vscode/l10n';
import { parseInventory } from '../../core/inventory/parse';
import { generateHostsScript } from '../../core/gen/hosts';
import { EXIT_OK, EXIT_USAGE, printUsageError } from '../exit';
import { readInventoryInputs } from '../inventory-inputs';
import { handleCommonOptions, parseCommandArgs } from '../common-options';
import { writeFileAtomically } from '../output';

function help(): string {
  return l10n.t(`Usage: rdslic gen hosts [options] [paths...]

Writes a PowerShell script that sets each session host's licensing mode and license servers
as the inventory records them: the policy registry values (configuredBy gpo, registry or
wmi) or Set-RDLicenseConfiguration (configuredBy broker). The script compares before it sets
and supports -WhatIf. License servers the inventory does not list, or lists as lost or
decommissioned, are left out with a warning on stderr. A path is an inventory or a folder
(default: the current folder).

Options:
      --host <name>   only this session host (FQDN or short name)
      --out <file>    write the script to a file instead of standard output
      --lang <en|fr>  language of the messages
  -h, --help          show this help`);
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('gen', args, {
    host: { type: 'string' },
    out: { type: 'string', short: 'o' },
  } as const);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const done = handleCommonOptions('gen', values, help);
  if (done !== undefined) return done;
  const [what, ...paths] = positionals;
  if (what !== 'hosts') return printUsageError(l10n.t("gen: expected 'hosts', e.g. rdslic gen hosts site.rdslic.yaml"));

  const { inputs, problems } = readInventoryInputs(paths, process.cwd());
  for (const p of problems) process.stderr.write(`rdslic: ${p}\n`);
  if (problems.length > 0 || inputs.length === 0) return EXIT_USAGE;

  const parsedInputs = [];
  for (const input of inputs) {
    const parsedInventory = parseInventory(input.text);
    if (!parsedInventory.checkable) {
      const first = parsedInventory.findings[0];
      process.stderr.write(`${input.file}:${(first?.range.start.line ?? 0) + 1}: ${first?.message ?? l10n.t('not an inventory')}\n`);
      return EXIT_USAGE;
    }
    parsedInputs.push({ file: input.file, inventory: parsedInventory.inventory });
  }
  const result = generateHostsScript(parsedInputs, values.host);
  for (const n of result.notes) process.stderr.write(`${n}\n`);
  if (result.hosts.length === 0) {
    return printUsageError(
      values.host !== undefined
        ? l10n.t("gen hosts: no session host named '{0}' with a licensing mode or license servers to set.", values.host)
        : l10n.t('gen hosts: no session host with a licensing mode or license servers to set.'),
    );
  }
  if (values.out !== undefined) writeFileAtomically(values.out, result.script);
  else process.stdout.write(result.script);
  return EXIT_OK;
}

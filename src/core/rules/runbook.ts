// RDS6xx: runbooks (*.runbook.md), their {{...}} placeholders and the inventory their front
// matter links to. The checks are
// in src/core/runbook/lint.ts (a runbook is Markdown, not an inventory); the identifiers written
// in a runbook get the identifier and security rules (RDS101-RDS104, RDS501) as in an inventory.
import type { RuleDoc } from './types';

export const RUNBOOK_RULES: RuleDoc[] = [
  {
    id: 'RDS601',
    family: 'runbook',
    defaultSeverity: 'error',
    title: 'Runbook front matter is not valid YAML',
    description: 'The front matter of a runbook (between the first two "---" lines) cannot be read as YAML.',
    rationale:
      'The front matter names the inventory and the license server whose values the runbook uses; when it cannot be read, the placeholders, the template values and the checks of the linked inventory are lost. The notebook keeps the text as it is.',
    fix: 'Correct the YAML at the position shown; put values that hold ": " in quotes.',
    example: '---\ntitle: Step 1: activate the license server   # ": " inside a value: quote it\nlang: en\n---',
  },
  {
    id: 'RDS602',
    family: 'runbook',
    defaultSeverity: 'warning',
    title: 'Runbook front matter does not match the runbook schema',
    description:
      'The front matter of a runbook does not match schemas/runbook.schema.json: title and lang are required, lang is en or fr, applies-to lists Windows Server versions, inventory is a relative path of a *.rdslic.yaml file and server a host name (or a {{...}} placeholder).',
    rationale:
      'The Runbooks view, "New runbook from template" and the language of a runbook are read from these keys; an absolute or misspelled inventory path only works on the machine it was written on.',
    fix: 'Apply the quick fix when one is offered, or correct the key as the message says (see runbooks/README.md). Quote placeholders: server: "{{server.name}}" (without quotes, braces are a YAML mapping).',
    example: '---\ntitle: Rebuild the license database\nlang: english      # en or fr\ninventory: C:/licensing/paris.rdslic.yaml   # relative to the runbook\n---',
  },
  {
    id: 'RDS603',
    family: 'runbook',
    defaultSeverity: 'error',
    title: "Runbook's inventory cannot be read",
    description:
      'The inventory named by the front matter (inventory:, relative to the runbook) does not exist, cannot be read, is not UTF-8 text or is not readable YAML. A template (server: still a {{...}} placeholder) is not checked for a missing inventory: "New runbook from template" sets the real path.',
    rationale:
      'A runbook followed during an incident takes the License Server ID, key pack IDs and agreement numbers from its inventory; a link that points nowhere is found in CI rather than on the phone with the Clearinghouse.',
    fix: 'Correct the path (relative to the runbook file, with "/"), or fix the inventory first (rdslic lint on it).',
    example: '---\ntitle: Recover lost CALs\nlang: en\ninventory: ../inventory/pari.rdslic.yaml   # no such file\nserver: LICSRV03.contoso.local\n---',
  },
  {
    id: 'RDS604',
    family: 'runbook',
    defaultSeverity: 'error',
    title: 'Runbook names a license server that is not in its inventory',
    description:
      "The front matter's server: is not the name of any licenseServers entry of the linked inventory (names are compared without case and without a final dot). A {{...}} placeholder is not checked; a server: without inventory: is RDS605.",
    rationale:
      'The {{server.*}} and {{pack.*}} values of the runbook come from that entry: with a name the inventory does not know, the runbook is about a server nobody recorded (a renamed server, a typo), and its IDs cannot be filled in or checked.',
    fix: 'Write the server name exactly as in licenseServers[].name of the inventory (the message lists them), or add the server to the inventory.',
    example: '---\ntitle: Migrate CALs\nlang: en\ninventory: ../inventory/paris.rdslic.yaml\nserver: LICSRV3.contoso.local   # the inventory has LICSRV03.contoso.local\n---',
  },
  {
    id: 'RDS605',
    family: 'runbook',
    defaultSeverity: 'warning',
    title: 'Runbook names a license server but no inventory',
    description: "The front matter has server: (a name or a {{...}} placeholder) but no inventory: key, so there is no inventory to look the server up in.",
    rationale:
      'The server is only meaningful in an inventory: without inventory: the name is never checked (RDS604 cannot run), the {{server.*}} and {{pack.*}} placeholders stay empty, and "New runbook from template" has no inventory to fill them from. It is usually an inventory: line deleted or misspelled (that one is also SCHEMA001 in RDS602).',
    fix: 'Add inventory: with the path of the *.rdslic.yaml file, relative to the runbook (or remove server: from a runbook that is not about one license server).',
    example: '---\ntitle: Rebuild the license database\nlang: en\nserver: LICSRV03.contoso.local   # which inventory is it in?\n---',
  },
  {
    id: 'RDS606',
    family: 'runbook',
    defaultSeverity: 'warning',
    title: 'Unknown placeholder in a runbook',
    description:
      'A {{...}} placeholder written in a runbook (prose, code blocks, front matter values, notebook cells) whose name is not one of the placeholders of runbooks/README.md, e.g. {{server.bogus}} or {{server.serverID}}; the message suggests the closest known placeholder. The {{...}} that stands for the whole value of inventory: or server: in a template is not checked: "New runbook from template" replaces it.',
    rationale:
      'An unknown placeholder is never filled in: its hover has no value, "New runbook from template" leaves the braces in the copied runbook, and the admin reads {{server.servrId}} instead of the License Server ID in the middle of an activation or of a call to the Clearinghouse. It is nearly always a typo or a value the inventory does not have.',
    fix: 'Correct the name (the quick fix applies the suggested placeholder), using the table of runbooks/README.md; for a value the inventory does not hold, write it out or leave a note for the admin instead of a placeholder.',
    example: '---\ntitle: "Activate {{server.nmae}}"   # {{server.name}}, misspelt\nlang: en\ninventory: ../inventory/paris.rdslic.yaml\nserver: LICSRV03.contoso.local\n---',
  },
];

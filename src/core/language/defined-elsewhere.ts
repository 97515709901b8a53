// A host or migration naming a license server that this inventory does not list, but another
// inventory file of the workspace does. `rdslic lint` checks each file on its own, so the
// finding (RDS302, RDS306) stands, as in CI; the editor adds where the server is defined
// (the diagnostic's related information) and does not offer to add a second copy of it.
import * as l10n from '@vscode/l10n';
import type { DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { Finding, FixHint } from '../findings';
import type { ServerDefinition, ServerNameIndex } from './server-index';

/** The server name of a fix hint (a finding's, or a diagnostic's `data`) that would add a server stub. */
export function unknownServerName(fix: unknown): string | undefined {
  const hint = fix && typeof fix === 'object' ? (fix as FixHint) : undefined;
  return hint?.kind === 'addServerStub' && typeof hint.name === 'string' && hint.name ? hint.name : undefined;
}

export function refersToUnknownServer(finding: Finding): boolean {
  return unknownServerName(finding.fix) !== undefined;
}

/** Where `name` is defined in inventory files other than `uri`. */
export function definitionsElsewhere(index: ServerNameIndex, uri: string, name: string): ServerDefinition[] {
  return index.definitions(name).filter((d) => d.uri !== uri);
}

/** Related information for a finding of the file `uri`: the definitions of its server elsewhere. */
export function definedElsewhereInformation(index: ServerNameIndex, uri: string, finding: Finding): DiagnosticRelatedInformation[] | undefined {
  const name = unknownServerName(finding.fix);
  if (!name) return undefined;
  const elsewhere = definitionsElsewhere(index, uri, name);
  if (elsewhere.length === 0) return undefined;
  return elsewhere.map((d) => ({
    location: { uri: d.uri, range: d.range },
    message: l10n.t('{0} is defined in another inventory file; each file is checked on its own, as rdslic lint does.', d.name),
  }));
}

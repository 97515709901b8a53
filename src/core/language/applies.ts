// Which documents are inventories: `*.rdslic.yaml` / `*.rdslic.yml`, or any YAML file whose
// top level says `kind: RdsLicensingInventory`. Other YAML is left alone entirely.

const INVENTORY_NAME = /\.rdslic\.ya?ml$/i;
const YAML_NAME = /\.ya?ml$/i;
// Top-level key only: no indentation. Quotes and a trailing comment are allowed.
const KIND_LINE = /^kind[ \t]*:[ \t]*(["']?)RdsLicensingInventory\1[ \t]*(#.*)?\r?$/m;

/** Path or URI without query/fragment. */
function basename(pathOrUri: string): string {
  const clean = pathOrUri.replace(/[?#].*$/, '');
  return clean.slice(Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\')) + 1);
}

function decoded(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri; // a malformed escape: judge the name as written
  }
}

export function hasInventoryName(pathOrUri: string): boolean {
  return INVENTORY_NAME.test(basename(decoded(pathOrUri)));
}

export function isYamlName(pathOrUri: string): boolean {
  return YAML_NAME.test(basename(decoded(pathOrUri)));
}

export function hasInventoryKind(text: string): boolean {
  return KIND_LINE.test(text);
}

/** The config file `.rdslic.yaml` is not an inventory even though its name ends so. */
export function isConfigName(pathOrUri: string): boolean {
  return /^\.rdslic\.ya?ml$/i.test(basename(pathOrUri));
}

/**
 * `languageId`: what the editor says the document is. A YAML document with no YAML name (an
 * untitled editor, `untitled:Untitled-1`, set to YAML) is an inventory by its kind line too.
 */
export function isInventory(pathOrUri: string, text: string, languageId?: string): boolean {
  if (isConfigName(pathOrUri)) return hasInventoryKind(text);
  return hasInventoryName(pathOrUri) || ((isYamlName(pathOrUri) || languageId === 'yaml') && hasInventoryKind(text));
}

const RUNBOOK_NAME = /\.runbook\.md$/i;

/** Runbooks are `*.runbook.md` (a notebook cell's URI has its notebook's path, so it matches too). */
export function hasRunbookName(pathOrUri: string): boolean {
  return RUNBOOK_NAME.test(basename(decoded(pathOrUri)));
}

// Identifiers shared by package.json contributions and the code that registers them.
export const NOTEBOOK_TYPE = 'rdslic-runbook';
export const CONTROLLER_ID = 'rdslic-runbook-runner';
export const RENDERER_ID = 'rdslic.runbook-checklist';
export const RUNBOOKS_VIEW_ID = 'rdslic.runbooks';
export const RUNBOOK_GLOB = '**/*.runbook.md';

export const COMMANDS = {
  openAsRunbook: 'rdslic.runbook.openAsRunbook',
  reopenAsText: 'rdslic.runbook.reopenAsText',
  toggleStep: 'rdslic.runbook.toggleStep',
  revealFirstOpenStep: 'rdslic.runbook.revealFirstOpenStep',
  revealStep: 'rdslic.runbook.revealStep',
  refreshRunbooks: 'rdslic.runbook.refresh',
  newFromTemplate: 'rdslic.runbook.newFromTemplate',
  insertInventoryValue: 'rdslic.runbook.insertInventoryValue',
} as const;

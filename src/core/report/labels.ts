// Words the report shows for the values of the format, shared by the Markdown and HTML forms.
import * as l10n from '@vscode/l10n';
import type { Severity } from '../findings';
import type { CalTotal } from './totals';

export function typeLabel(type: string): string {
  if (type === 'perUser') return l10n.t('per user');
  if (type === 'perDevice') return l10n.t('per device');
  return l10n.t('unknown type');
}

export function modeLabel(mode: string): string {
  if (mode === 'perUser') return l10n.t('Per User (4)');
  if (mode === 'perDevice') return l10n.t('Per Device (2)');
  if (mode === 'notConfigured') return l10n.t('Not configured (5)');
  return l10n.t('not recorded');
}

/** A license server's `status` in the report's language; a value outside the schema as written. */
export function statusLabel(status: string | undefined): string {
  if (status === undefined) return l10n.t('status not recorded');
  if (status === 'active') return l10n.t('active');
  if (status === 'decommissioned') return l10n.t('decommissioned');
  if (status === 'lost') return l10n.t('lost');
  if (status === 'reinstalled') return l10n.t('reinstalled');
  return status;
}

export function versionLabel(version: string): string {
  return version === '?' ? l10n.t('unknown version') : version;
}

/** "14 / 20", "14 of the 20 known / 40", or "—" when no pack says. */
export function issuedLabel(t: Pick<CalTotal, 'issued' | 'issuedOf' | 'quantity'>): string {
  if (t.issuedOf === 0) return '—';
  if (t.issuedOf === t.quantity) return `${t.issued} / ${t.quantity}`;
  return l10n.t('{0} / {1} (known for {2} of {3})', t.issued, t.issuedOf, t.issuedOf, t.quantity);
}

export function daysLeftLabel(days: number): string {
  if (days === -1) return l10n.t('ended 1 day ago');
  if (days < 0) return l10n.t('ended {0} days ago', -days);
  if (days === 0) return l10n.t('ends today');
  if (days === 1) return l10n.t('1 day left');
  return l10n.t('{0} days left', days);
}

/** "2 errors, 1 warning, 1 info (rdslic lint).", each count with its own plural. */
export function findingCountsLabel(counts: Record<Severity, number>): string {
  const parts = [
    counts.error === 1 ? l10n.t('1 error') : l10n.t('{0} errors', counts.error),
    counts.warning === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', counts.warning),
    counts.info === 1 ? l10n.t('1 info') : l10n.t('{0} infos', counts.info),
  ];
  return l10n.t('{0} (rdslic lint).', parts.join(', '));
}

// `rdslic report`: totals (shared with hovers and the status bar), Markdown and HTML forms.
export * from './totals';
export { buildReport } from './build';
export { maskSecrets, maskTail } from '../domain/secrets';
export type { FindingsSummary, PackRow, ReportData, ReportInput, RuleCount } from './build';
export { renderMarkdown } from './markdown';
export { renderHtml, renderChart, escapeHtml } from './html';
export type { HtmlOptions } from './html';

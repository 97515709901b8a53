// `rdslic report`: totals (shared with hovers and the status bar), Markdown and HTML forms.
export * from './totals';
export { buildReport, maskSecrets, maskTail } from './build';
export type { FindingsSummary, PackRow, ReportData, ReportInput, RuleCount } from './build';
export { renderMarkdown } from './markdown';
export { renderHtml, renderChart, escapeHtml } from './html';
export type { HtmlOptions } from './html';

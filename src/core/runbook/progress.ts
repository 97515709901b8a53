// Checklist progress of a parsed runbook: per cell (what a cell status bar shows) and per
// document (front matter excluded; code cells hold no steps).
import { countSteps, listSteps, type Progress, type Step } from './checklist';
import type { RunbookCell, RunbookDocument } from './document';

/** Steps of one cell: those of a Markdown cell's source; none in a code cell. */
export function cellSteps(cell: RunbookCell): Step[] {
  return cell.kind === 'markdown' ? listSteps(cell.source, { frontMatter: false }) : [];
}

/** Done/total of one cell. */
export function cellProgress(cell: RunbookCell): Progress {
  return cell.kind === 'markdown' ? countSteps(cell.source, { frontMatter: false }) : { done: 0, total: 0 };
}

/** Done/total of a whole runbook: the sum over its cells. */
export function documentProgress(doc: RunbookDocument): Progress {
  let done = 0;
  let total = 0;
  for (const cell of doc.cells) {
    const p = cellProgress(cell);
    done += p.done;
    total += p.total;
  }
  return { done, total };
}

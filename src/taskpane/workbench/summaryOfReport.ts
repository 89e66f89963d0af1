/** What the renderer's report means to the user: the summary the feedback area shows. */
import type { ApplyReport } from '../../host/applyReport';
import { strings } from '../strings';
import type { ActionSummary } from './types';

export function summaryOfReport(report: ApplyReport): ActionSummary {
  return {
    sheetsCreated: report.sheetsCreated,
    sheetsReplaced: report.sheetsReplaced,
    ratingsKept: report.ratingsKept,
    ratingsUnplaced: report.ratingsUnplaced,
    unplacedSheet: report.unplacedSheet,
    warnings: [
      ...report.renamed.map((r) => strings.summary.renamed(r.wanted, r.name)),
      ...report.keptAside.map((k) => strings.summary.keptAside(k.was, k.now)),
      ...report.warnings,
    ],
  };
}

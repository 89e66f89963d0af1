/** What the renderer's report means to the user: the summary the feedback area shows. */
import type { ApplyReport } from '../../host/applyReport';
import { strings } from '../strings';
import type { ActionSummary } from './types';

export function summaryOfReport(report: ApplyReport): ActionSummary {
  return {
    sheetsCreated: report.sheetsCreated,
    sheetsReplaced: report.sheetsReplaced,
    // Only the ratings region counts as ratings; other entries (coverage levels) are told apart.
    ratingsKept: report.keptByRegion.ratings ?? 0,
    otherEntriesKept: report.ratingsKept - (report.keptByRegion.ratings ?? 0),
    ratingsUnplaced: report.ratingsUnplaced,
    unplacedSheet: report.unplacedSheet,
    warnings: [
      ...report.renamed.map((r) => strings.summary.renamed(r.wanted, r.name)),
      ...report.keptAside.map((k) => strings.summary.keptAside(k.was, k.now)),
      ...report.warnings,
    ],
  };
}

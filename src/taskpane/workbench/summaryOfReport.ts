/** What the renderer's report means to the user: the summary the feedback area shows. */
import type { ApplyReport } from '../../host/applyReport';
import type { UndoReport } from '../../host/undo/undoLastAction';
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
    undoable: report.undoable,
    warnings: [
      ...report.renamed.map((r) => strings.summary.renamed(r.wanted, r.name)),
      ...report.keptAside.map((k) => strings.summary.keptAside(k.was, k.now)),
      ...report.warnings,
    ],
  };
}

/** What an undo did, as the feedback area tells it. */
export function summaryOfUndo(report: UndoReport): ActionSummary {
  const notes = [strings.undo.undone(report.title)];
  if (report.restored.length) notes.push(strings.undo.restored(report.restored));
  if (report.removed.length) notes.push(strings.undo.removed(report.removed));
  if (report.ratingsMoved && report.unplacedSheet) notes.push(strings.undo.moved(report.ratingsMoved, report.unplacedSheet));
  return {
    sheetsCreated: [],
    sheetsReplaced: [],
    ratingsKept: 0,
    ratingsUnplaced: 0,
    notes,
    warnings: [...report.keptAside.map((k) => strings.undo.keptAside(k.was, k.now)), ...report.warnings],
  };
}

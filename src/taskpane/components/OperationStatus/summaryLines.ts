/** The sentences that report what an action changed: sheets, then ratings. */
import { strings } from '../../strings';
import type { ActionSummary } from '../../workbench/types';

export function summaryLines(summary: ActionSummary): string[] {
  const lines: string[] = [...(summary.notes ?? [])];
  if (summary.grid)
    lines.push(
      summary.grid.added
        ? strings.summary.gridAdded(summary.grid.sheet, summary.grid.shared)
        : strings.summary.gridUpdated(summary.grid.sheet, summary.grid.others),
    );
  if (summary.sheetsCreated.length) lines.push(strings.summary.created(summary.sheetsCreated));
  if (summary.sheetsReplaced.length) lines.push(strings.summary.replaced(summary.sheetsReplaced));
  if (summary.ratingsKept > 0) lines.push(strings.summary.ratingsKept(summary.ratingsKept));
  if (summary.otherEntriesKept) lines.push(strings.summary.otherEntriesKept(summary.otherEntriesKept));
  if (summary.ratingsUnplaced > 0) {
    lines.push(strings.summary.ratingsUnplaced(summary.ratingsUnplaced));
    if (summary.unplacedSheet) lines.push(strings.summary.unplacedSheet(summary.unplacedSheet));
  }
  lines.push(...(summary.facts ?? []));
  if (!lines.length) lines.push(strings.summary.nothingChanged);
  return lines;
}

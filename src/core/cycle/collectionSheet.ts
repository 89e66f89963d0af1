/**
 * The master's "Collection" sheet: the report of the latest collection, one
 * table per section (returned, missing, refused, placed, not placed, people
 * changed, conflicts), rebuilt by each collect. What came back earlier and who
 * gave each rating stay in the registry's cycle records.
 */
import type { CycleIdentity } from './identity';
import type { CollectPlan } from './merge';
import { reportSections, type FieldName } from './collectReport';
import type { SheetPlan } from '../layouts/plan';
import { SheetBuilder } from '../layouts/sheetBuilder';

export const COLLECTION_SHEET_NAME = 'Collection';

export function collectionSheet(plan: CollectPlan, identity: CycleIdentity, name?: FieldName): SheetPlan {
  const b = new SheetBuilder(COLLECTION_SHEET_NAME, 'collection');
  b.cell(0, 0, `Collection of returned workbooks: cycle "${identity.label}"`);
  b.style({ row: 0, col: 0, rows: 1, cols: 1 }, 'title');
  const at = plan.records.returned[plan.records.returned.length - 1]?.collectedAt ?? '';
  b.cell(1, 0, `Cycle ${identity.cycleId}, split ${identity.writtenAt}${at ? `; last collected ${at}` : ''}. Rebuilt by each collect.`);
  b.style({ row: 1, col: 0, rows: 1, cols: 1 }, 'note');
  let row = 3;
  for (const s of reportSections(plan, name)) {
    b.cell(row, 0, s.title);
    b.style({ row, col: 0, rows: 1, cols: 1 }, 'group');
    row++;
    if (s.advice) {
      b.cell(row, 0, s.advice);
      b.style({ row, col: 0, rows: 1, cols: 1 }, 'note');
      row++;
    }
    if (s.rows.length) {
      b.row(row, 0, s.header);
      b.style({ row, col: 0, rows: 1, cols: s.header.length }, 'header');
      b.block(row + 1, 0, s.rows);
      row += s.rows.length + 1;
    }
    if (s.more) b.cell(row++, 0, s.more);
    row++;
  }
  [34, 22, 22, 16, 30, 16, 40].forEach((w, i) => b.width(i, w));
  return b.plan;
}

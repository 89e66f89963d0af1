/**
 * The "Changes" sheet: the ratings now (live, from the grid through the data
 * sheet) against a snapshot (plain values): who changed, by how much, per
 * person and per manager. Taken just before a calibration meeting, the
 * snapshot makes this the meeting's before/after; from an earlier pack, the
 * change since the last cycle.
 *
 * Change cell: IFERROR(value now - INDEX(values, MATCH(INDEX(snapshot codes,
 * snapshot row) & "", codes, 0)), "") - blank where either side is not rated.
 */
import type { SheetPlan } from '../../layouts/plan';
import { cellRef, columnLetters, rectRef } from '../../layouts/a1';
import type { RatingMatrix } from '../ratingMatrix';
import type { RatingSnapshot } from '../snapshot';
import type { SnapshotComparison } from '../compareSnapshot';
import { managerLabel } from '../managerGroups';
import { personLabel } from '../ratingMatrix';
import type { DataRefs } from './dataSheet';
import type { SnapshotRefs } from './snapshotSheet';
import { exactCriterion, formula, SheetCanvas } from './sheetCanvas';
import { CALIBRATION_COLORS, divergingHeatmap, levelStep } from '../../layouts/heatmap';
import type { ChartPlan } from '../../layouts/plan';
import { CHART_PALETTE } from '../../layouts/chartPalette';
import { beforeAfterDistribution } from '../compareSnapshot';

export interface ChangesSheetLayout {
  /** The before/after distribution: the "Before" row and the "Now" row, counts from column 1, level by level. */
  beforeAfter: { beforeRow: number; nowRow: number; firstCol: number };
  managers: { firstRow: number; rows: number };
  people: { firstRow: number; rows: number; changedCol: number; netCol: number; firstChangeCol: number };
}

export interface ChangesSheetInput {
  name: string;
  now: RatingMatrix;
  snapshot: RatingSnapshot;
  comparison: SnapshotComparison;
  data: DataRefs;
  snapshotRefs: SnapshotRefs;
}

export function changesSheet(input: ChangesSheetInput): { sheet: SheetPlan; layout: ChangesSheetLayout } {
  const { name, now, snapshot, comparison, data, snapshotRefs } = input;
  const canvas = new SheetCanvas();
  const C = now.competencies.length;
  const G = comparison.managers.length;
  const P = now.people.length;
  const d = data.layout;
  let row = 0;
  const note = (text: string) => {
    canvas.set(row, 0, text);
    canvas.style({ row: row++, col: 0, rows: 1, cols: 1 }, 'cal-note');
  };

  canvas.set(row, 0, `Changes since "${snapshot.cycle}"${snapshot.taken ? ` (${snapshot.taken})` : ''}`);
  canvas.style({ row: row++, col: 0, rows: 1, cols: 1 }, 'cal-title');
  note(
    `Change: the level value now minus the level value in the snapshot "${snapshot.cycle}". Positive: rated higher now. Blank: not rated then or now, or not in the snapshot.`,
  );
  note(
    'Compared: ratings present both then and now. Changed: of those, the ones that moved. Net: the sum of the changes. Live: it follows the grid.',
  );
  row++;

  // By person first in the formulas (the manager table sums it), laid out below the manager table.
  const managerHeader = row + 1;
  const managerFirst = managerHeader + 1;
  const personHeader = managerFirst + G + 2;
  const personFirst = personHeader + 1;
  const col = { id: 0, name: 1, manager: 2, snapshotRow: 3, compared: 4, changed: 5, net: 6, first: 7 };
  const compared = rectRef({ row: personFirst, col: col.compared, rows: Math.max(1, P), cols: 1 }, true);
  const changed = rectRef({ row: personFirst, col: col.changed, rows: Math.max(1, P), cols: 1 }, true);
  const net = rectRef({ row: personFirst, col: col.net, rows: Math.max(1, P), cols: 1 }, true);
  const managers = rectRef({ row: personFirst, col: col.manager, rows: Math.max(1, P), cols: 1 }, true);

  canvas.set(row, 0, 'By manager (teams as they are now)');
  canvas.style({ row, col: 0, rows: 1, cols: 1 }, 'cal-section');
  canvas.setRow(managerHeader, 0, ['Manager', 'Compared', 'Changed', 'Net change', 'Mean change']);
  canvas.style({ row: managerHeader, col: 0, rows: 1, cols: 5 }, 'cal-header');
  comparison.managers.forEach((m, g) => {
    const r = managerFirst + g;
    const criterion = exactCriterion(m.manager, `$A${r + 1}`);
    canvas.set(r, 0, m.manager);
    canvas.set(r, 1, formula(`SUMIF(${managers},${criterion},${compared})`, m.compared));
    canvas.set(r, 2, formula(`SUMIF(${managers},${criterion},${changed})`, m.changed));
    canvas.set(r, 3, formula(`SUMIF(${managers},${criterion},${net})`, m.net));
    canvas.set(r, 4, formula(`IF(${cellRef(r, 1)}=0,"",${cellRef(r, 3)}/${cellRef(r, 1)})`, m.meanChange));
  });
  canvas.style({ row: managerFirst, col: 0, rows: G, cols: 1 }, 'cal-text');
  canvas.style({ row: managerFirst, col: 1, rows: G, cols: 2 }, 'cal-count');
  canvas.style({ row: managerFirst, col: 3, rows: G, cols: 2 }, 'cal-signed');

  canvas.set(personHeader - 1, 0, 'By person');
  canvas.style({ row: personHeader - 1, col: 0, rows: 1, cols: 1 }, 'cal-section');
  canvas.setRow(personHeader, 0, [
    'Id',
    'Name',
    'Manager',
    'Snapshot row',
    'Compared',
    'Changed',
    'Net change',
    ...now.competencies.map((c) => c.name),
  ]);
  canvas.style({ row: personHeader, col: 0, rows: 1, cols: col.first + C }, 'cal-header');
  const codeOf = `${data.levelCodes}`;
  const valueOf = `${data.levelCodeValues}`;
  comparison.people.forEach((pc, i) => {
    const r = personFirst + i;
    const p = now.people[pc.person];
    const snapRow = cellRef(r, col.snapshotRow, false).replace(/^([A-Z]+)/, '$$$1');
    canvas.set(r, col.id, formula(data.cell(i, d.idCol), p.id));
    canvas.set(r, col.name, formula(data.cell(i, d.nameCol), personLabel(p)));
    canvas.set(r, col.manager, formula(data.cell(i, d.managerCol), managerLabel(p.manager)));
    canvas.set(
      r,
      col.snapshotRow,
      formula(`IFERROR(MATCH(${cellRef(r, col.id)},${snapshotRefs.ids},0),"")`, pc.snapshotRow === null ? null : pc.snapshotRow + 1),
    );
    const changeRow = `${cellRef(r, col.first)}:${cellRef(r, col.first + C - 1)}`;
    canvas.set(r, col.compared, formula(`COUNT(${changeRow})`, pc.compared));
    canvas.set(r, col.changed, formula(`COUNTIF(${changeRow},">0")+COUNTIF(${changeRow},"<0")`, pc.changed));
    canvas.set(r, col.net, formula(`SUM(${changeRow})`, pc.net));
    comparison.snapshotColumn.forEach((sc, c) => {
      if (sc === null) return; // not in the snapshot: nothing to compare
      const nowValue = data.cell(i, d.valueCol + c);
      canvas.set(
        r,
        col.first + c,
        formula(
          `IFERROR(${nowValue}-INDEX(${valueOf},MATCH(INDEX(${snapshotRefs.codes(sc)},${snapRow})&"",${codeOf},0)),"")`,
          pc.changes[c],
        ),
      );
    });
  });
  if (P) {
    canvas.style({ row: personFirst, col: 0, rows: P, cols: 3 }, 'cal-text');
    canvas.style({ row: personFirst, col: col.snapshotRow, rows: P, cols: 3 }, 'cal-count');
    canvas.style({ row: personFirst, col: col.net, rows: P, cols: 1 }, 'cal-signed');
    canvas.style({ row: personFirst, col: col.first, rows: P, cols: C }, 'cal-signed');
    canvas.conditionalFormats.push(
      divergingHeatmap({ row: personFirst, col: col.first, rows: P, cols: C }, levelStep(now.scale), CALIBRATION_COLORS),
      {
        kind: 'formula',
        range: { row: personFirst, col: 0, rows: P, cols: 2 },
        formula: `$${columnLetters(col.changed)}${personFirst + 1}>0`,
        style: { bold: true },
      },
    );
  }
  let after = personFirst + P + 1;
  const missing = now.competencies.filter((_, c) => comparison.snapshotColumn[c] === null).map((c) => c.name);
  if (missing.length) {
    canvas.set(after++, 0, `Not in the snapshot, so not compared: ${missing.join(', ')}.`);
  }
  if (comparison.left.length) {
    const shown = comparison.left.slice(0, 30).map((p) => (p.name && p.name !== p.id ? `${p.id} (${p.name})` : p.id));
    const more = comparison.left.length > 30 ? ` and ${comparison.left.length - 30} more` : '';
    canvas.set(after++, 0, `In the snapshot but not in the grid now (${comparison.left.length}): ${shown.join(', ')}${more}.`);
  }
  const beforeAfter = beforeAfterTable(canvas, after + 1, input);
  canvas.width(0, 12);
  canvas.width(1, 22);
  canvas.width(2, 22);
  for (let c = 3; c < col.first + C; c++) canvas.width(c, 10);
  return {
    sheet: canvas.toSheet(name, 'calibration', { charts: [beforeAfter.chart] }),
    layout: {
      beforeAfter: beforeAfter.rows,
      managers: { firstRow: managerFirst, rows: G },
      people: { firstRow: personFirst, rows: P, changedCol: col.changed, netCol: col.net, firstChangeCol: col.first },
    },
  };
}

/**
 * Before and after: ratings per level in the snapshot and now, on the
 * competencies both have, as counts and shares, with a chart of the shares.
 * This is the meeting's record when the snapshot was taken just before it.
 */
function beforeAfterTable(
  canvas: SheetCanvas,
  top: number,
  input: ChangesSheetInput,
): { rows: ChangesSheetLayout['beforeAfter']; chart: ChartPlan } {
  const { now, snapshot, comparison, data, snapshotRefs } = input;
  const levels = now.scale.levels;
  const K = levels.length;
  const pairs = comparison.snapshotColumn.map((sc, c) => ({ sc, c })).filter((x): x is { sc: number; c: number } => x.sc !== null);
  const { before, now: nowCounts } = beforeAfterDistribution(now, snapshot, comparison);
  canvas.set(top, 0, 'Before and after: ratings per level');
  canvas.style({ row: top, col: 0, rows: 1, cols: 1 }, 'cal-section');
  canvas.set(
    top + 1,
    0,
    `Before: the snapshot "${snapshot.cycle}". Now: the grid, live. Only competencies both have; shares of each row's ratings.`,
  );
  canvas.style({ row: top + 1, col: 0, rows: 1, cols: 1 }, 'cal-note');
  const header = top + 2;
  const countCol = 1;
  const shareCol = countCol + K + 1;
  canvas.setRow(header, 0, ['', ...levels.map((l) => l.code), 'Ratings (n)', ...levels.map((l) => `${l.code} share`)]);
  canvas.style({ row: header, col: 0, rows: 1, cols: shareCol + K }, 'cal-header');
  const beforeRow = header + 1;
  const nowRow = header + 2;
  canvas.set(beforeRow, 0, 'Before');
  canvas.set(nowRow, 0, 'Now');
  levels.forEach((l, k) => {
    const criterion = exactCriterion(l.code, cellRef(header, countCol + k, true));
    const beforeFormula = pairs.length ? pairs.map(({ sc }) => `COUNTIF(${snapshotRefs.codes(sc)},${criterion})`).join('+') : '0';
    canvas.set(beforeRow, countCol + k, formula(beforeFormula, before[k]));
    const nowFormula = pairs.length ? pairs.map(({ c }) => `COUNTIF(${data.values(c)},${l.value})`).join('+') : '0';
    canvas.set(nowRow, countCol + k, formula(nowFormula, nowCounts[k]));
  });
  for (const [r, counts] of [
    [beforeRow, before],
    [nowRow, nowCounts],
  ] as const) {
    const n = counts.reduce((a, b) => a + b, 0);
    const nCell = cellRef(r, countCol + K);
    canvas.set(r, countCol + K, formula(`SUM(${cellRef(r, countCol)}:${cellRef(r, countCol + K - 1)})`, n));
    counts.forEach((x, k) =>
      canvas.set(r, shareCol + k, formula(`IF(${nCell}=0,"",${cellRef(r, countCol + k)}/${nCell})`, n ? x / n : null)),
    );
  }
  canvas.style({ row: beforeRow, col: 0, rows: 2, cols: 1 }, 'cal-label');
  canvas.style({ row: beforeRow, col: countCol, rows: 2, cols: K + 1 }, 'cal-count');
  canvas.style({ row: beforeRow, col: shareCol, rows: 2, cols: K }, 'cal-percent');
  const chart: ChartPlan = {
    id: 'changes-before-after',
    kind: 'clusteredColumn',
    title: 'Ratings per level, before and now',
    anchor: { row: nowRow + 2, col: 0, rows: 18, cols: 8 },
    categories: { row: header, col: countCol, rows: 1, cols: K },
    series: [
      { name: 'Before', values: { row: beforeRow, col: shareCol, rows: 1, cols: K }, color: CHART_PALETTE.expected },
      { name: 'Now', values: { row: nowRow, col: shareCol, rows: 1, cols: K }, color: CHART_PALETTE.actual },
    ],
    axisTitles: { category: 'Level', value: 'Share of ratings' },
    valueFormat: '0%',
  };
  return { rows: { beforeRow, nowRow, firstCol: countCol }, chart };
}

/**
 * The team assessment grid: a roster (id, name, role, manager) by
 * competencies. People pick a level in each rating cell from a dropdown of the
 * competency's scale; the grid looks up each person's targets from their role,
 * computes gaps, meets %, total shortfall and readiness for the next role, and
 * above the ratings, per competency, how many people reach a coverage level.
 *
 * Blocks, left to right: person, summary, ratings (input), targets, gaps,
 * rating values (numbers the scoring formulas share). Every formula carries
 * core's value for it as `result`, so a file shows the right numbers before
 * any recalculation.
 */
import type { FrameworkModel } from '../framework/model';
import type { Competency, Role } from '../framework/schema';
import type { Roster } from '../roster';
import { CompetencyError, listForHumans } from '../problems';
import { coverage, levelGap, meets, readiness, totalShortfall, type LevelValue } from '../scoring';
import type { PlanCell, Rect, SheetPlan } from './plan';
import { cellRef, columnLetters, sheetRef } from './a1';
import { GridFormulas, COVERAGE_FLAGS, READY_WORDS, type FormulaMode, type ScaleRefs } from './formulas';
import { DEFAULT_READINESS_THRESHOLD, GRID_HEADER_LABELS, GRID_KEYS, GRID_SHAPE, gridColumns, type GridReadiness } from './gridShape';
import { gapHeatmap, levelCodeHeatmap, levelValueHeatmap } from './heatmap';
import type { MatrixGeometry } from './matrix';
import { scaleRuns } from './competencyOrder';
import { SheetBuilder } from './sheetBuilder';
import { flattenRowFormulas } from '../flatText';
import { STYLE } from './styles';
import { CHART_PALETTE } from './chartPalette';
import { sheetTitle } from './sheetTitles';
import type { TargetTableGeometry } from './targetTable';

/** Where everything in a grid is: for the calibration sheet, readGrid, and tests. Rows and columns 0-based. */
export interface GridGeometry {
  sheetName: string;
  frameworkId: string;
  formulas: FormulaMode;
  headerRow: number;
  keyRow: number;
  firstPersonRow: number;
  personCount: number;
  /** Person ids in row order. */
  personIds: string[];
  coverageLevelRow: number;
  coverageRow: number;
  flagRow: number;
  ratedRow: number;
  idCol: number;
  nameCol: number;
  roleCol: number;
  managerCol: number;
  meetsCol: number;
  shortfallCol: number;
  /** Next-role readiness: which rule, and its columns (undefined where the mode leaves them out). */
  readiness: GridReadiness;
  nextRoleCol?: number;
  readinessCol?: number;
  /** Tolerant grids: "Ready" / "Not yet". */
  readyCol?: number;
  blockingCol?: number;
  /** Tolerant grids: the editable threshold cell (a share, e.g. 0.8). */
  readinessThresholdCell?: { row: number; col: number };
  roleNumberCol: number;
  nextRoleNumberCol?: number;
  /** Competency ids in column order; index j is the same competency in every block. */
  competencyIds: string[];
  scaleIds: string[];
  ratingCols: number[];
  targetCols: number[];
  gapCols: number[];
  /** Numeric rating values (blank when not rated): what statistics should read. */
  valueCols: number[];
  /** The blocks over the person rows. */
  ratings: Rect;
  targets: Rect;
  gaps: Rect;
  values: Rect;
  /** Performance and potential (plain numbers 1..steps), where the roster had those columns. */
  performanceCol?: number;
  potentialCol?: number;
  /** A pooled sheet of several grids (calibration/pooledGrids.ts), in a grid's shape; never set on a grid. */
  pooled?: boolean;
}

export interface GridLayout {
  sheet: SheetPlan;
  geometry: GridGeometry;
}

export interface GridOptions {
  sheetName: string;
  /** The roles of the workbook, framework order; a person's next role is the next in this list. */
  roles: readonly Role[];
  matrix: MatrixGeometry;
  targets: TargetTableGeometry;
  scaleRefs: (scaleId: string) => ScaleRefs;
  formulas: GridFormulas;
  /** Coverage level code per competency id (kept from an earlier grid); otherwise a default per scale. */
  coverageLevels?: ReadonlyMap<string, string>;
  /** Next-role readiness: 'strict' (default), 'tolerant' (needs `targets.floorsRef`) or 'none'. */
  readiness?: GridReadiness;
  /** Tolerant readiness: the share of the next role's targets to meet, 0..1; 0.8 by default. */
  readinessThreshold?: number;
}

/** The person, summary and helper columns, as named in GRID_KEYS and GRID_HEADER_LABELS. */
const SUMMARY_COLUMNS = [
  'id',
  'name',
  'role',
  'manager',
  'meets',
  'shortfall',
  'nextRole',
  'readiness',
  'ready',
  'blocking',
  'roleNumber',
  'nextRoleNumber',
] as const;

/** Where a tolerant grid's threshold sits: above the Readiness column, its label to the left. */
const THRESHOLD_ROW = GRID_SHAPE.ratedRow;

/** The default coverage level: one below the top of the scale (the top of a scale of one or two). */
export function defaultCoverageLevel(levels: readonly { code: string }[]): string {
  return levels[levels.length >= 3 ? levels.length - 2 : levels.length - 1].code;
}

const S = GRID_SHAPE;

export function gridLayout(model: FrameworkModel, roster: Roster, options: GridOptions): GridLayout {
  const { sheetName, roles, matrix, formulas: f } = options;
  const mode = options.readiness ?? 'strict';
  const C = gridColumns(mode);
  const threshold = options.readinessThreshold ?? DEFAULT_READINESS_THRESHOLD;
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new CompetencyError(
      'invalid-argument',
      `the readiness threshold must be a share from 0 to 1 (e.g. 0.8 for 80%), not ${threshold}`,
    );
  }
  if (mode === 'tolerant' && !options.targets.floorsRef) throw new Error('gridLayout: tolerant readiness needs the target floors table');
  const competencies: Competency[] = matrix.competencyIds.map((id) => model.competency(id));
  const n = competencies.length;
  const people = roster.people;
  const P = people.length;
  const first = S.firstPersonRow;
  const last = first + P - 1;
  const ratingCol0 = C.firstRatingCol;
  const targetCol0 = ratingCol0 + n;
  const gapCol0 = targetCol0 + n;
  const valueCol0 = gapCol0 + n;
  const endCol = valueCol0 + n; // the framework key sits here
  // Performance and potential, only when the roster has them: after the framework key, so no other column moves.
  const axisFields = (['performance', 'potential'] as const).filter((k) => roster[k]);
  const axisCol = (k: 'performance' | 'potential') => (axisFields.includes(k) ? endCol + 1 + axisFields.indexOf(k) : undefined);
  const scales = competencies.map((c) => model.scaleOf(c));
  const refs = competencies.map((c) => options.scaleRefs(c.scale));
  const roleIndex = new Map(roles.map((r, i) => [r.id, i]));
  const L = (col: number) => columnLetters(col);
  const rowRange = (col0: number, r: number) => `$${L(col0)}${r}:$${L(col0 + n - 1)}${r}`;
  const colRange = (col: number) => `${L(col)}$${first + 1}:${L(col)}$${last + 1}`;

  const b = new SheetBuilder(sheetName, 'grid');

  // Title and how to read the grid.
  b.cell(S.titleRow, 0, sheetTitle('grid', model.name));
  b.style({ row: S.titleRow, col: 0, rows: 1, cols: 1 }, STYLE.title);
  b.cell(
    S.noteRow,
    0,
    'Pick a level in each rating cell; blank = not rated (never zero). Gap = rating − target: negative is a shortfall, 0 meets, positive exceeds.' +
      (mode === 'none'
        ? ''
        : ' Readiness: share of the next role’s required competencies met (not rated counts as not met); Blocking: how many are not met yet.') +
      (mode === 'tolerant'
        ? ' Ready (tolerant): readiness at or above the threshold above it, and none more than one level short or not rated.'
        : ''),
  );
  b.style({ row: S.noteRow, col: 0, rows: 1, cols: 1 }, STYLE.note);

  // Per-competency team figures, above the ratings.
  const coverageLevels = competencies.map((c, j) => {
    const kept = options.coverageLevels?.get(c.id);
    const level = kept !== undefined ? scales[j].tryParse(kept) : undefined;
    return level ? level.code : defaultCoverageLevel(scales[j].levels);
  });
  const columnValues: LevelValue[][] = competencies.map((c) => people.map((p) => p.ratings.get(c.id)?.value ?? null));
  const coverageCounts = competencies.map((_, j) => coverage(columnValues[j], scales[j].byCode(coverageLevels[j])!.value));
  const labels: [number, string][] = [
    [S.coverageLevelRow, 'Coverage level (pick one per competency) →'],
    [S.coverageRow, 'People at or above the coverage level →'],
    [S.flagRow, 'Single point of expertise, or none →'],
    [S.ratedRow, 'People rated →'],
  ];
  for (const [row, text] of labels) b.cell(row, C.role, text);
  b.style({ row: S.coverageLevelRow, col: C.role, rows: 4, cols: 1 }, STYLE.group);
  const thresholdCell = C.readiness !== undefined && mode === 'tolerant' ? { row: THRESHOLD_ROW, col: C.readiness } : undefined;
  if (thresholdCell) {
    b.cell(thresholdCell.row, thresholdCell.col - 1, 'Ready at readiness ≥');
    b.style({ row: thresholdCell.row, col: thresholdCell.col - 1, rows: 1, cols: 1 }, STYLE.label);
    b.cell(thresholdCell.row, thresholdCell.col, threshold);
    b.style({ ...thresholdCell, rows: 1, cols: 1 }, STYLE.inputPercent);
  }
  b.row(S.coverageLevelRow, ratingCol0, coverageLevels);
  b.style({ row: S.coverageLevelRow, col: ratingCol0, rows: 1, cols: n }, STYLE.input);
  const levelCell = (j: number) => cellRef(S.coverageLevelRow, ratingCol0 + j);
  const coverageCell = (j: number) => cellRef(S.coverageRow, ratingCol0 + j);
  b.row(
    S.coverageRow,
    ratingCol0,
    competencies.map((_, j) => ({
      formula: f.coverage(colRange(ratingCol0 + j), colRange(valueCol0 + j), levelCell(j), refs[j]),
      result: P ? coverageCounts[j] : 0,
    })),
  );
  b.row(
    S.flagRow,
    ratingCol0,
    competencies.map((_, j) => ({
      formula: f.coverageFlag(coverageCell(j)),
      result: coverageCounts[j] === 0 ? COVERAGE_FLAGS.none : coverageCounts[j] === 1 ? COVERAGE_FLAGS.single : '',
    })),
  );
  b.row(
    S.ratedRow,
    ratingCol0,
    competencies.map((_, j) => ({ formula: f.rated(colRange(valueCol0 + j)), result: columnValues[j].filter((v) => v !== null).length })),
  );
  b.style({ row: S.coverageRow, col: ratingCol0, rows: 3, cols: n }, STYLE.code);
  const flags: Rect = { row: S.flagRow, col: ratingCol0, rows: 1, cols: n };
  const flagCell = cellRef(S.flagRow, ratingCol0);
  b.format(
    { kind: 'formula', range: flags, formula: `${flagCell}="${COVERAGE_FLAGS.single}"`, style: { fill: 'FFEB9C' } },
    { kind: 'formula', range: flags, formula: `${flagCell}="${COVERAGE_FLAGS.none}"`, style: { fill: 'FFC7CE' } },
  );

  // Block headings, header, and the hidden key row.
  const blocks: [number, number, string][] = [
    [C.id, 4, 'Person'],
    [C.meets, (C.blocking ?? C.shortfall) - C.meets + 1, 'Summary'],
    [ratingCol0, n, 'Ratings: pick a level'],
    [targetCol0, n, 'Targets for the person’s role'],
    [gapCol0, n, 'Gap = rating − target'],
    [valueCol0, n, 'Rating values (used by the formulas)'],
  ];
  for (const [col, cols, text] of blocks) {
    b.cell(S.headingRow, col, text);
    b.merge({ row: S.headingRow, col, rows: 1, cols });
    b.style({ row: S.headingRow, col, rows: 1, cols }, STYLE.blockHeading);
  }
  const H = GRID_HEADER_LABELS;
  const names = competencies.map((c) => c.name);
  const K = GRID_KEYS;
  // The person, summary and helper columns this readiness mode has, in column order.
  const fixed = SUMMARY_COLUMNS.filter((k) => C[k] !== undefined).sort((a, b) => C[a]! - C[b]!);
  b.row(S.headerRow, 0, [...fixed.map((k) => H[k]), ...names, ...names, ...names, ...names]);
  b.style({ row: S.headerRow, col: 0, rows: 1, cols: ratingCol0 }, STYLE.header);
  b.style({ row: S.headerRow, col: ratingCol0, rows: 1, cols: 4 * n }, STYLE.headerRotated);
  b.rowHeight(S.headerRow, 130);
  const ids = competencies.map((c) => c.id);
  b.row(S.keyRow, 0, [
    ...fixed.map((k) => K[k]),
    ...ids.map((id) => K.rating + id),
    ...ids.map((id) => K.target + id),
    ...ids.map((id) => K.gap + id),
    ...ids.map((id) => K.value + id),
    K.framework + model.id,
  ]);
  b.style({ row: S.keyRow, col: 0, rows: 1, cols: endCol + 1 }, STYLE.key);
  b.rowHeight(S.keyRow, 12, true);
  for (const k of axisFields) {
    const col = axisCol(k)!;
    b.cell(S.headerRow, col, k === 'performance' ? 'Performance' : 'Potential');
    b.style({ row: S.headerRow, col, rows: 1, cols: 1 }, STYLE.header);
    b.cell(S.keyRow, col, K[k]);
    b.style({ row: S.keyRow, col, rows: 1, cols: 1 }, STYLE.key);
    b.width(col, 12);
  }

  // One row per person.
  const roleNames = options.targets.roleNamesRef;
  const targetValues = options.targets.valuesRef;
  const rows: PlanCell[][] = new Array(P);
  for (let i = 0; i < P; i++) {
    const person = people[i];
    const r = first + i + 1; // A1 row number
    const roleNo = `$${L(C.roleNumber)}${r}`;
    const ri = roleIndex.get(person.role.id);
    if (ri === undefined) {
      throw new CompetencyError(
        'invalid-roster',
        `row ${person.row}: ${person.id}'s role "${person.role.name}" is not among the workbook's roles (${listForHumans(
          roles.map((x) => x.name),
          'and',
        )})`,
      );
    }
    const next = roles[ri + 1];
    const ratingValues = columnValues.map((col) => col[i]);
    const targetLevels = competencies.map((c) => model.target(person.role, c));
    const targetValueList = targetLevels.map((t) => t?.value ?? null);
    const gapValues = ratingValues.map((v, j) => levelGap(v, targetValueList[j]));
    const met = meets(ratingValues, targetValueList);
    const ready =
      next && mode !== 'none'
        ? readiness(
            ratingValues,
            competencies.map((c) => model.target(next, c)?.value ?? null),
            { threshold },
          )
        : undefined;
    const valueRow = rowRange(valueCol0, r);
    const gapRow = rowRange(gapCol0, r);

    const cells: PlanCell[] = new Array(endCol);
    cells[C.id] = person.id;
    cells[C.name] = person.name;
    cells[C.role] = person.role.name;
    cells[C.manager] = person.manager || null;
    cells[C.meets] = { formula: f.meets(gapRow), result: met.share ?? '' };
    cells[C.shortfall] = { formula: f.totalShortfall(gapRow), result: totalShortfall(ratingValues, targetValueList) };
    cells[C.roleNumber] = { formula: f.roleNumber(`$${L(C.role)}${r}`, roleNames), result: ri + 1 };
    if (C.nextRole !== undefined && C.nextRoleNumber !== undefined && C.readiness !== undefined && C.blocking !== undefined) {
      const nextNo = `$${L(C.nextRoleNumber)}${r}`;
      cells[C.nextRole] = { formula: f.nextRole(nextNo, roleNames), result: next ? next.name : '' };
      const nextTargets = {
        values: targetValues,
        roleNames,
        nextRoleCell: `$${L(C.nextRole)}${r}`,
        floors: options.targets.floorsRef,
      };
      cells[C.readiness] = { formula: f.readiness(valueRow, nextTargets), result: ready?.share ?? '' };
      cells[C.blocking] = { formula: f.blocking(valueRow, nextTargets), result: ready ? ready.blocking.length : '' };
      cells[C.nextRoleNumber] = { formula: f.nextRoleNumber(roleNo, roles.length), result: next ? ri + 2 : '' };
      if (C.ready !== undefined && thresholdCell) {
        const readinessCell = `$${L(C.readiness)}${r}`;
        cells[C.ready] = {
          formula: f.readyTolerant(valueRow, nextTargets, readinessCell, cellRef(thresholdCell.row, thresholdCell.col, true)),
          result: !ready || ready.share === null ? '' : ready.readyTolerant ? READY_WORDS.ready : READY_WORDS.notYet,
        };
      }
    }
    for (let j = 0; j < n; j++) {
      const rating = person.ratings.get(competencies[j].id);
      const ratingCell = `${L(ratingCol0 + j)}${r}`;
      const targetCell = `${L(targetCol0 + j)}${r}`;
      const valueCell = `${L(valueCol0 + j)}${r}`;
      cells[ratingCol0 + j] = rating ? rating.code : null;
      cells[targetCol0 + j] = { formula: f.targetCode(matrix.targetsRef, j + 1, roleNo), result: targetLevels[j]?.code ?? '' };
      cells[gapCol0 + j] = { formula: f.gap(ratingCell, valueCell, targetCell, refs[j]), result: gapValues[j] ?? '' };
      cells[valueCol0 + j] = { formula: f.levelValue(ratingCell, refs[j]), result: ratingValues[j] ?? '' };
    }
    if (axisFields.length) cells[endCol] = null; // under the framework key
    for (const k of axisFields) cells[axisCol(k)!] = person[k] ?? null;
    flattenRowFormulas(cells);
    rows[i] = cells;
  }
  if (P) b.block(first, 0, rows);

  const block = (col: number): Rect => ({ row: first, col, rows: P, cols: n });
  const ratings = block(ratingCol0);
  const targets = block(targetCol0);
  const gaps = block(gapCol0);
  const values = block(valueCol0);
  b.style({ row: first, col: C.meets, rows: P, cols: 1 }, STYLE.percent);
  if (C.readiness !== undefined) b.style({ row: first, col: C.readiness, rows: P, cols: 1 }, STYLE.percent);
  if (C.ready !== undefined) {
    const readyRange: Rect = { row: first, col: C.ready, rows: P, cols: 1 };
    b.style(readyRange, STYLE.code);
    b.format({
      kind: 'formula',
      range: readyRange,
      formula: `${cellRef(first, C.ready)}="${READY_WORDS.ready}"`,
      style: { fill: 'C6EFCE' },
    });
  }

  // Dropdowns and heatmaps, one rule set per run of competencies on the same scale.
  b.validate(
    {
      range: { row: first, col: C.role, rows: P, cols: 1 },
      source: roleNames,
      title: 'Role',
      prompt: 'The person’s role: their targets follow it.',
      errorMessage: `Pick one of the roles: ${roles.map((r) => r.name).join(', ')}.`,
    },
    ['Pick one of the roles in the dropdown list.'],
  );
  for (const run of scaleRuns(competencies.map((competency) => ({ competency, categoryLabel: '' })))) {
    const scale = model.scale(run.scaleId);
    const cols = run.end - run.start;
    const at = (col0: number): Rect => ({ row: first, col: col0 + run.start, rows: P, cols });
    const levelsText = scale.levels.map((l) => l.code).join(', ');
    b.validate(
      {
        range: at(ratingCol0),
        source: refs[run.start].codes,
        title: scale.name,
        prompt: `Pick a level (${levelsText}); leave blank for not rated.`,
        errorMessage: `Use a level of ${scale.name}: ${levelsText}; or leave the cell blank for not rated.`,
      },
      [
        `Use one of the levels ${levelsText}, or leave the cell blank for not rated.`,
        'Use a level from the dropdown list, or leave the cell blank for not rated.',
      ],
    );
    b.validate(
      {
        range: { row: S.coverageLevelRow, col: ratingCol0 + run.start, rows: 1, cols },
        source: refs[run.start].codes,
        title: 'Coverage level',
        prompt: 'Count the people at or above this level.',
        errorMessage: `Use a level of ${scale.name}: ${levelsText}.`,
      },
      [`Use one of the levels ${levelsText}.`, 'Use a level from the dropdown list.'],
    );
    b.format(...levelCodeHeatmap(at(ratingCol0), scale));
    b.format(...levelCodeHeatmap(at(targetCol0), scale));
    b.format(gapHeatmap(at(gapCol0), scale));
    b.format(levelValueHeatmap(at(valueCol0), scale));
  }
  b.input({ id: 'ratings', range: ratings, rowKeys: people.map((p) => p.id), colKeys: ids });
  b.input({
    id: 'coverage-levels',
    range: { row: S.coverageLevelRow, col: ratingCol0, rows: 1, cols: n },
    rowKeys: ['coverage-level'],
    colKeys: ids,
  });

  // Widths: readable names, narrow level columns.
  const longestCode = Math.max(...scales.flatMap((s) => s.levels.map((l) => l.code.length)));
  const levelWidth = Math.max(7, Math.min(14, longestCode + 4));
  const widths: [number | undefined, number][] = [
    [C.id, 10],
    [C.name, 22],
    [C.role, 20],
    [C.manager, 18],
    [C.meets, 9],
    [C.shortfall, 10],
    [C.nextRole, 18],
    [C.readiness, 10],
    [C.ready, 10],
    [C.blocking, 9],
  ];
  for (const [col, w] of widths) if (col !== undefined) b.width(col, w);
  b.width(C.roleNumber, 6, true);
  if (C.nextRoleNumber !== undefined) b.width(C.nextRoleNumber, 6, true);
  for (let j = 0; j < n; j++) {
    b.width(ratingCol0 + j, levelWidth);
    b.width(targetCol0 + j, levelWidth);
    b.width(gapCol0 + j, 7);
    b.width(valueCol0 + j, 7);
  }
  // Under the people: coverage per competency as a chart of the coverage row, so it follows every rating.
  b.plan.charts = [
    {
      id: 'grid-coverage',
      kind: 'clusteredColumn',
      title: 'People at or above the coverage level, per competency',
      // Over the ratings and targets, never over a hidden helper column (a chart spanning one is drawn cut short).
      anchor: { row: last + 3, col: ratingCol0, rows: 20, cols: Math.max(8, Math.min(n + 4, 16)) },
      categories: { row: S.headerRow, col: ratingCol0, rows: 1, cols: n },
      series: [
        {
          name: 'People at or above the coverage level',
          values: { row: S.coverageRow, col: ratingCol0, rows: 1, cols: n },
          color: CHART_PALETTE.people,
        },
      ],
      axisTitles: { category: 'Competency', value: 'People' },
      valueFormat: '0',
      valueAxis: { min: 0 },
    },
  ];
  b.plan.freeze = { rows: first, cols: C.name + 1 };
  b.plan.printTitleRows = [S.headingRow, S.headerRow];
  b.plan.landscape = true;

  const cols = (col0: number) => Array.from({ length: n }, (_, j) => col0 + j);
  return {
    sheet: b.plan,
    geometry: {
      sheetName,
      frameworkId: model.id,
      formulas: f.mode,
      headerRow: S.headerRow,
      keyRow: S.keyRow,
      firstPersonRow: first,
      personCount: P,
      personIds: people.map((p) => p.id),
      coverageLevelRow: S.coverageLevelRow,
      coverageRow: S.coverageRow,
      flagRow: S.flagRow,
      ratedRow: S.ratedRow,
      idCol: C.id,
      nameCol: C.name,
      roleCol: C.role,
      managerCol: C.manager,
      meetsCol: C.meets,
      shortfallCol: C.shortfall,
      readiness: mode,
      nextRoleCol: C.nextRole,
      readinessCol: C.readiness,
      readyCol: C.ready,
      blockingCol: C.blocking,
      readinessThresholdCell: thresholdCell,
      ...(axisFields.length ? { performanceCol: axisCol('performance'), potentialCol: axisCol('potential') } : {}),
      roleNumberCol: C.roleNumber,
      nextRoleNumberCol: C.nextRoleNumber,
      competencyIds: ids,
      scaleIds: competencies.map((c) => c.scale),
      ratingCols: cols(ratingCol0),
      targetCols: cols(targetCol0),
      gapCols: cols(gapCol0),
      valueCols: cols(valueCol0),
      ratings,
      targets,
      gaps,
      values,
    },
  };
}

/** The absolute reference of a grid column over its person rows, e.g. for a calibration formula. */
export function gridColumnRef(geometry: GridGeometry, col: number): string {
  return sheetRef(geometry.sheetName, { row: geometry.firstPersonRow, col, rows: Math.max(1, geometry.personCount), cols: 1 });
}

/**
 * Recalculation stays linear in the grid: LibreOffice recalculates a 5,000 x
 * 40 calibration pack with the rater effect (per-person residuals against the
 * role x competency table, pooled SE, BH, shrinkage) against the same pack
 * with the rater effect's cells left out, i.e. the simple figures alone (the
 * rule the rater effect replaced), measured in the same run. A formula per
 * rating that scanned the whole grid would make the first quadratic (about
 * 10^10 cell reads) and the ratio would run into the hundreds.
 *
 * Each run is one soffice process with a fresh profile that recalculates
 * every formula on load (tests/support/libreoffice.ts), converting to xlsx;
 * the time of converting the grid alone is measured too and taken off both,
 * so start-up and loading the grid do not dilute the ratio.
 */
import ExcelJS from 'exceljs';
import { writeFileSync } from 'fs';
import { join } from 'path';
import type { LayoutPlan, PlanCell, SheetPlan } from '../src/core/layouts/plan';
import { calibrationPlan, type CalibrationPlan } from '../src/core/layouts/calibration';
import { ratingsFromGridRows } from '../src/core/calibration/ratingsFromGridRows';
import { renderPlan } from '../src/xlsx/renderPlan';
import { convert, libreOfficeWorkspace, sofficePath } from '../tests/support/libreoffice';
import { simpleGrid } from '../tests/calibration/grids';
import { plantedOrganisation, PLANTED_SCALE } from '../tests/calibration/planted/plantedOrganisation';
import { median, type BenchResult } from './harness';

const PEOPLE = Number(process.env.BENCH_RECALC_PEOPLE ?? 5000);
const COMPETENCIES = 40;
const RUNS = 3;
/** Issue 14's goal: the rater effect at most doubles a full recalculation. */
const GOAL = 2;

/** A copy of `sheet` with the cells `drop(row, col)` picks left empty. */
function withoutCells(sheet: SheetPlan, drop: (row: number, col: number) => boolean): SheetPlan {
  return {
    ...sheet,
    blocks: sheet.blocks.map((b) => ({
      ...b,
      cells: b.cells.map((cells, i) => cells.map((cell, j): PlanCell => (drop(b.row + i, b.col + j) ? null : cell))),
    })),
  };
}

/** The pack without the rater effect: its columns of the rater table and its helpers on the data sheet. */
export function simpleFiguresOnly(pack: CalibrationPlan): SheetPlan[] {
  const { raters } = pack.layout;
  const { firstManagerRow, managers, peopleRatedCol } = raters;
  const data = pack.plan.sheets.find((s) => s.name === pack.sheetNames.data)!;
  // The data sheet's own layout is not exported on the plan: its rater-effect helpers are the five
  // columns headed Role..Residual² and the expectation table to their right (headed Row, Role, ids).
  const header = data.blocks.flatMap((b) => (b.row <= 3 && 3 < b.row + b.cells.length ? [{ col: b.col, cells: b.cells[3 - b.row] }] : []));
  let firstEffectCol = Infinity;
  for (const h of header) h.cells.forEach((c, j) => c === 'Role' && (firstEffectCol = Math.min(firstEffectCol, h.col + j)));
  return pack.plan.sheets.map((s) => {
    if (s.name === pack.sheetNames.calibration)
      return withoutCells(s, (r, c) => r >= firstManagerRow - 1 && r < firstManagerRow + managers + 6 && c >= peopleRatedCol);
    if (s === data) return withoutCells(s, (r, c) => r > 3 && c >= firstEffectCol);
    return s;
  });
}

async function xlsx(sheets: SheetPlan[], styles: LayoutPlan['styles']): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  renderPlan(book, { title: 'recalc bench', sheets, names: [], styles });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Median wall time of a full LibreOffice load-recalculate-save of `file`. */
function recalcMs(soffice: string, file: string, dir: string): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { profile } = libreOfficeWorkspace();
    const t0 = process.hrtime.bigint();
    convert(soffice, profile, [file], 'xlsx', join(dir, `out-${i}`));
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

export async function run(): Promise<BenchResult[]> {
  const soffice = sofficePath();
  if (!soffice) {
    process.stderr.write('bench: LibreOffice (soffice) is not installed: skipping the recalculation bench (install libreoffice-calc)\n');
    return [];
  }
  const org = plantedOrganisation({ people: PEOPLE, seed: 14, competencies: COMPETENCIES });
  const ids = org.matrix.competencies.map((c) => c.id);
  const grid = simpleGrid('Team grid', ids, org.rows);
  const { matrix } = ratingsFromGridRows(grid.rows, grid.source, PLANTED_SCALE, org.matrix.competencies);
  const pack = calibrationPlan({ matrix, grid: grid.source });
  const { dir } = libreOfficeWorkspace();
  const files = {
    grid: await xlsx([grid.sheet], pack.plan.styles),
    full: await xlsx([grid.sheet, ...pack.plan.sheets], pack.plan.styles),
    simple: await xlsx([grid.sheet, ...simpleFiguresOnly(pack)], pack.plan.styles),
  };
  const ms: Record<keyof typeof files, number> = { grid: 0, full: 0, simple: 0 };
  for (const key of Object.keys(files) as (keyof typeof files)[]) {
    const path = join(dir, `${key}.xlsx`);
    writeFileSync(path, files[key]);
    ms[key] = recalcMs(soffice, path, dir);
  }
  const full = ms.full - ms.grid;
  const simple = ms.simple - ms.grid;
  const ratio = full / simple;
  return [
    { name: `LibreOffice load + save of the ${PEOPLE} x ${COMPETENCIES} grid alone (taken off both below)`, value: ms.grid, unit: 'ms' },
    {
      name: `LibreOffice full recalculation of the ${PEOPLE} x ${COMPETENCIES} calibration pack with the rater effect`,
      value: full,
      unit: 'ms',
      baseline: simple,
      ratio,
      goal: `ratio <= ${GOAL} (baseline: the same pack with the simple figures alone)`,
      pass: ratio <= GOAL,
    },
  ];
}

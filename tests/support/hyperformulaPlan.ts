/**
 * Loads layout-plan sheets into HyperFormula (GPL, tests only) and compares
 * what it computes with the results core wrote into the plan.
 */
import { HyperFormula, DetailedCellError, type RawCellContent } from 'hyperformula';
import { isFormula, type NamedRange, type PlanCell, type SheetPlan } from '../../src/core/layouts/plan';

export function toHyperFormulaCell(cell: PlanCell | undefined): RawCellContent {
  if (cell === undefined || cell === null) return null;
  if (isFormula(cell)) return `=${cell.formula}`;
  // A leading apostrophe keeps text as text, whatever it looks like ("3", "=x").
  if (typeof cell === 'string') return `'${cell}`;
  return cell;
}

export function sheetContent(sheet: SheetPlan): RawCellContent[][] {
  const rows: RawCellContent[][] = [];
  for (const block of sheet.blocks) {
    block.cells.forEach((cells, i) => {
      const r = (rows[block.row + i] ??= []);
      cells.forEach((c, j) => {
        while (r.length < block.col + j) r.push(null);
        r[block.col + j] = toHyperFormulaCell(c);
      });
    });
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

/** An engine over the plan's sheets, with the workbook's defined names when given. */
export function buildEngine(sheets: readonly SheetPlan[], names: readonly NamedRange[] = []): HyperFormula {
  const content: Record<string, RawCellContent[][]> = {};
  for (const s of sheets) content[s.name] = sheetContent(s);
  return HyperFormula.buildFromSheets(
    content,
    { licenseKey: 'gpl-v3', useArrayArithmetic: true },
    names.map((n) => ({ name: n.name, expression: `=${n.ref}` })),
  );
}

/** What HyperFormula computes in one cell (0-based row and column). */
export function cellValue(hf: HyperFormula, sheet: string, row: number, col: number): unknown {
  return hf.getCellValue({ sheet: hf.getSheetId(sheet)!, row, col });
}

export interface FormulaMismatch {
  at: string;
  formula: string;
  expected: unknown;
  actual: unknown;
}

/** Every formula cell of the sheets whose computed value differs from the plan's result. */
export function mismatches(
  hf: HyperFormula,
  sheets: readonly SheetPlan[],
  options: { tolerance?: number; skipRows?: (sheet: string, row: number) => boolean } = {},
): FormulaMismatch[] {
  const tolerance = options.tolerance ?? 1e-9;
  const out: FormulaMismatch[] = [];
  for (const s of sheets) {
    const sheet = hf.getSheetId(s.name)!;
    for (const block of s.blocks) {
      block.cells.forEach((cells, i) => {
        cells.forEach((c, j) => {
          if (!isFormula(c)) return;
          const row = block.row + i;
          if (options.skipRows?.(s.name, row)) return;
          const col = block.col + j;
          const value = hf.getCellValue({ sheet, row, col });
          const actual = value instanceof DetailedCellError ? value.value : value;
          if (!sameValue(actual, c.result, tolerance))
            out.push({ at: `${s.name}!R${row + 1}C${col + 1}`, formula: c.formula, expected: c.result, actual });
        });
      });
    }
  }
  return out;
}

export function sameValue(actual: unknown, expected: unknown, tolerance: number): boolean {
  if (typeof expected === 'number' && typeof actual === 'number')
    return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
  if ((expected === '' || expected === null || expected === undefined) && (actual === '' || actual === null)) return true;
  return actual === expected;
}

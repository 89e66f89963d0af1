/**
 * A sheet plan as readable text, for snapshots and debugging: one line per
 * row with its non-empty cells ("B4=Competency", "L10 ← =IF(...) → 2"), then
 * the validations, conditional formats, merges, freeze panes and inputs.
 */
import type { PlanCell, SheetPlan } from './plan';
import { isFormula } from './plan';
import { cellRef, rectRef } from './a1';

function show(cell: PlanCell): string {
  if (isFormula(cell)) return `=${cell.formula} → ${JSON.stringify(cell.result ?? null)}`;
  return JSON.stringify(cell);
}

export function sheetPlanText(sheet: SheetPlan, options: { maxRows?: number } = {}): string {
  const cells = new Map<number, Map<number, PlanCell>>();
  for (const b of sheet.blocks) {
    b.cells.forEach((line, i) =>
      line.forEach((c, j) => {
        if (c === null || c === undefined || c === '') return;
        const row = cells.get(b.row + i) ?? new Map<number, PlanCell>();
        row.set(b.col + j, c);
        cells.set(b.row + i, row);
      }),
    );
  }
  const out: string[] = [`sheet "${sheet.name}" (${sheet.kind})`];
  const rows = [...cells.keys()].sort((a, b) => a - b).slice(0, options.maxRows ?? Infinity);
  for (const r of rows) {
    const line = [...cells.get(r)!.entries()].sort((a, b) => a[0] - b[0]);
    out.push(...line.map(([c, v]) => `  ${cellRef(r, c)} ${show(v)}`));
  }
  for (const v of sheet.validations) out.push(`  dropdown ${rectRef(v.range)} from ${v.source}`);
  for (const f of sheet.conditionalFormats) {
    const what =
      f.kind === 'colorScale'
        ? `colour scale ${f.points.map((p) => `${p.kind}${p.value === undefined ? '' : ` ${p.value}`}:${p.color}`).join(' ')}`
        : f.kind === 'formula'
          ? `where ${f.formula} fill ${f.style.fill ?? '-'}`
          : `where cell ${f.operator} ${f.values.join(',')} fill ${f.style.fill ?? '-'}`;
    out.push(`  heatmap ${rectRef(f.range)}: ${what}`);
  }
  for (const m of sheet.merges ?? []) out.push(`  merge ${rectRef(m)}`);
  if (sheet.freeze) out.push(`  freeze ${sheet.freeze.rows} rows, ${sheet.freeze.cols} columns`);
  for (const w of sheet.columnWidths.filter((x) => x.hidden)) out.push(`  hidden column ${cellRef(0, w.col).replace(/\d+$/, '')}`);
  for (const h of (sheet.rowHeights ?? []).filter((x) => x.hidden)) out.push(`  hidden row ${h.row + 1}`);
  for (const i of sheet.inputs ?? [])
    out.push(`  input "${i.id}" ${rectRef(i.range)}: rows ${i.rowKeys.join(',')} × columns ${i.colKeys.join(',')}`);
  return out.join('\n');
}

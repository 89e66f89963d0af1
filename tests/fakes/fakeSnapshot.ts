/**
 * Everything the fake records about a workbook, as plain data that can be
 * compared deeply: every sheet in tab order with its id, visibility, cells,
 * formats, rules, dropdowns, merges, sizes, hidden rows and columns, panes,
 * print setup and charts, and every defined name. Used to prove that undo puts
 * a workbook back byte for byte as the fake holds it.
 */
import { FakeSheet, type ExcelFake } from './excelFake';
import { chartsOn } from './excelFakeCharts';

/** Maps and sets as sorted arrays, so equal contents compare equal whatever the insertion order. */
function plain(value: unknown): unknown {
  if (value instanceof Map)
    return [...value.entries()].map(([k, v]) => [k, plain(v)]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  if (value instanceof Set) return [...value].map(plain).sort();
  if (Array.isArray(value)) return value.map(plain);
  // A chart's data names its sheet; the sheet itself is snapshotted on its own.
  if (value instanceof FakeSheet) return { sheet: value.name, id: value.id };
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = plain(v);
    return out;
  }
  return value;
}

function sheetSnapshot(sheet: FakeSheet): Record<string, unknown> {
  // The back-reference to the workbook and the index of formula cells (derived from the cells) are left out.
  const { workbook: _wb, formulaCells: _index, rows, ...rest } = sheet;
  const cells = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([r, line]) => [r, line.map((c) => (c ? plain(c) : null))]);
  return { ...(plain(rest) as object), position: sheet.position, cells, charts: plain(chartsOn(sheet)) };
}

export interface WorkbookSnapshot {
  sheets: Record<string, unknown>[];
  names: unknown;
}

export function snapshotWorkbook(fake: ExcelFake): WorkbookSnapshot {
  return { sheets: fake.model.sheets.map(sheetSnapshot), names: plain(fake.model.names) };
}

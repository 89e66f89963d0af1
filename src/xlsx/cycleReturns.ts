/**
 * A returned cycle workbook as plain data for core's merge: the identity in
 * its registry, and from its grid each person row and every filled rating and
 * comment cell with its address. Nothing is judged here.
 */
import type { Workbook } from 'exceljs';
import { COMMENT_FIELD, type ReturnedCell, type ReturnedWorkbook } from '../core/cycle/merge';
import { COMMENT_KEY } from '../core/cycle/cycleWorkbook';
import { cellRef } from '../core/layouts/a1';
import { readGridRows } from '../core/layouts/readGridRows';
import { readRegistry } from './workbookRegistry';
import { worksheetValues } from './worksheetValues';

function filled(v: unknown): v is string | number | boolean {
  if (v === null || v === undefined) return false;
  return typeof v === 'string' ? v.trim() !== '' : typeof v === 'number' || typeof v === 'boolean';
}

export function readReturnedWorkbook(workbook: Workbook, file: string): ReturnedWorkbook {
  let identity;
  try {
    identity = readRegistry(workbook).cycle?.identity;
  } catch (e) {
    return { file, unreadable: `its registry cannot be read (${(e as Error).message})`, sheet: '', people: [], cells: [] };
  }
  for (const ws of workbook.worksheets) {
    const rows = worksheetValues(ws);
    const grid = readGridRows(ws.name, rows);
    if (!grid) continue;
    const g = grid.geometry;
    const commentCol = (rows[g.keyRow] ?? []).findIndex((k) => String(k ?? '').trim() === COMMENT_KEY);
    const cells: ReturnedCell[] = [];
    for (const p of grid.people) {
      g.competencyIds.forEach((c, j) => {
        const v = p.ratings[c];
        if (filled(v)) cells.push({ person: p.id, field: c, value: v, cell: cellRef(p.row, g.ratingCols[j]) });
      });
      const comment = commentCol >= 0 ? rows[p.row]?.[commentCol] : null;
      if (filled(comment)) cells.push({ person: p.id, field: COMMENT_FIELD, value: comment, cell: cellRef(p.row, commentCol) });
    }
    return {
      file,
      identity,
      sheet: ws.name,
      people: grid.people.map((p) => ({ id: p.id, manager: p.manager, row: p.row + 1 })),
      cells,
    };
  }
  return identity
    ? {
        file,
        identity,
        unreadable: 'it has no team grid (its hidden key row is missing); ask for the file as it was sent',
        sheet: '',
        people: [],
        cells: [],
      }
    : { file, sheet: '', people: [], cells: [] };
}

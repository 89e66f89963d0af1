/**
 * The talent grid (9-box) recalculated by LibreOffice for a generated team on
 * each of the five built-in frameworks: every box's count, every name in every
 * box and the people in no box come out as core computed them from the grid's
 * meets % and readiness.
 */
import ExcelJS from 'exceljs';
import { builtInIds, builtIn } from '../../src/core/frameworks/library';
import type { LayoutPlan } from '../../src/core/layouts/plan';
import { renderPlan } from '../../src/xlsx/renderPlan';
import { formulaMismatches, libreOfficeWorkspace, convert, CSV_ALL_SHEETS, sheetsCsv, sofficeFor } from '../support/libreoffice';
import { calibratedTeam } from './calibratedTeam';
import { writeFileSync, rmSync } from 'fs';
import { join } from 'path';

const soffice = sofficeFor('the talent grid recalculation tests');
const withLibreOffice = soffice ? it : it.skip;

describe('the talent grid recalculated by LibreOffice', () => {
  withLibreOffice(
    'counts and names the people in each box as core does, for all five built-in frameworks',
    async () => {
      const ids = builtInIds();
      expect(ids).toHaveLength(5);
      const { dir, profile } = libreOfficeWorkspace();
      try {
        const packs = [];
        for (const [k, id] of ids.entries()) {
          const model = builtIn(id);
          const { workbook, calibration } = calibratedTeam(model, { people: 60, managers: 4, seed: 40 + k });
          const plan: LayoutPlan = {
            title: id,
            sheets: [...workbook.plan.sheets, ...calibration.plan.sheets],
            names: workbook.plan.names,
            styles: { ...workbook.plan.styles, ...calibration.plan.styles },
          };
          const book = new ExcelJS.Workbook();
          renderPlan(book, plan);
          writeFileSync(join(dir, `${id}.xlsx`), Buffer.from(await book.xlsx.writeBuffer()));
          packs.push({ id, calibration });
        }
        convert(
          soffice!,
          profile,
          ids.map((id) => join(dir, `${id}.xlsx`)),
          CSV_ALL_SHEETS,
          join(dir, 'out'),
        );
        for (const { id, calibration } of packs) {
          const talent = calibration.talent!;
          expect({ id, talent: calibration.sheetNames.talent }).toEqual({ id, talent: 'Talent grid' });
          const sheets = sheetsCsv(join(dir, 'out'), id);
          const sheet = calibration.plan.sheets.find((s) => s.name === 'Talent grid')!;
          const { wrong, checked } = formulaMismatches([sheet], sheets);
          expect({ id, wrong: wrong.slice(0, 5) }).toEqual({ id, wrong: [] });
          expect(checked).toBeGreaterThan(60 * 9);
          const csv = sheets.get('Talent grid')!;
          const counts = Array.from({ length: 9 }, (_, b) => {
            const at = talent.layout.countCell(b);
            return Number(csv[at.row][at.col]);
          });
          expect({ id, counts }).toEqual({ id, counts: talent.grid.names.map((n) => n.length) });
          expect(counts.reduce((a, b) => a + b, 0) + Number(csv[talent.layout.unplacedCell.row][talent.layout.unplacedCell.col])).toBe(60);
          // Where the framework's roles lead to a next one, the team spreads over several boxes (not a test of zeros);
          // where none does (DDaT's and Canon's generated teams), everyone is in no box, and the sheet says why.
          if (calibration.matrix.people.some((p) => typeof p.readiness === 'number')) {
            expect({ id, filled: counts.filter((n) => n > 0).length >= 3 }).toEqual({ id, filled: true });
          }
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );
});

/**
 * The talent grid on the roster's performance and potential columns: core
 * places a hand-made team as counted by hand, and LibreOffice, recalculating
 * the written pack, gets the same counts and names from the grid's
 * Performance and Potential cells; an edited cut-off moves people as counted by hand.
 */
import ExcelJS from 'exceljs';
import type { LayoutPlan } from '../../src/core/layouts/plan';
import { renderPlan } from '../../src/xlsx/renderPlan';
import { formulaMismatches, libreOfficeWorkspace, convert, CSV_ALL_SHEETS, sheetsCsv, sofficeFor } from '../support/libreoffice';
import { readGridRows } from '../../src/core/layouts/readGridRows';
import { gridRosterRows } from '../../src/core/layouts/gridRosterRows';
import { parseRoster } from '../../src/core/roster';
import { axesTeam, HAND_COUNTS, HAND_NAMES, HAND_UNPLACED } from './talentAxesFromRoster';
import { sheetValues } from './team';
import { writeFileSync, rmSync } from 'fs';
import { join } from 'path';

const soffice = sofficeFor('the talent grid on performance and potential');
const withLibreOffice = soffice ? it : it.skip;

describe('the talent grid on the roster’s performance and potential', () => {
  it('places people by performance across and potential up, as counted by hand', () => {
    const { roster, workbook, calibration } = axesTeam();
    expect(roster.warnings).toEqual([expect.stringMatching(/^row 11, Potential: "Great" is not a value of the 1-5 scale/)]);
    const grid = workbook.grid!;
    // After the framework key, so every other column stays where it was.
    expect([grid.performanceCol, grid.potentialCol]).toEqual([grid.valueCols.at(-1)! + 2, grid.valueCols.at(-1)! + 3]);
    const talent = calibration.talent!;
    expect([talent.axes.across.name, talent.axes.up.name, talent.axes.across.steps, talent.axes.up.steps]).toEqual([
      'Performance',
      'Potential',
      3,
      5,
    ]);
    expect(talent.grid.names).toEqual(HAND_NAMES);
    expect(talent.grid.unplaced).toBe(HAND_UNPLACED);
  });

  it('keeps performance and potential when the grid is read back as a roster (a rebuild)', () => {
    const { model, roster, workbook } = axesTeam();
    const gridSheet = workbook.plan.sheets.find((s) => s.name === workbook.grid!.sheetName)!;
    const read = readGridRows(gridSheet.name, sheetValues(gridSheet))!;
    expect([read.geometry.performanceCol, read.geometry.potentialCol]).toEqual([
      workbook.grid!.performanceCol,
      workbook.grid!.potentialCol,
    ]);
    const again = parseRoster(gridRosterRows(read, { ratings: true }), model);
    expect(again.people.map((p) => [p.id, p.performance, p.potential])).toEqual(
      roster.people.map((p) => [p.id, p.performance, p.potential]),
    );
    expect([again.performance, again.potential]).toEqual([{ steps: 3 }, { steps: 5 }]);
  });

  withLibreOffice(
    'LibreOffice counts and names the same people per box, and follows an edited cut-off',
    async () => {
      const { workbook, calibration } = axesTeam();
      const talent = calibration.talent!;
      const plan: LayoutPlan = {
        title: 'axes',
        sheets: [...workbook.plan.sheets, ...calibration.plan.sheets],
        names: workbook.plan.names,
        styles: { ...workbook.plan.styles, ...calibration.plan.styles },
      };
      const { dir, profile } = libreOfficeWorkspace();
      try {
        const book = new ExcelJS.Workbook();
        renderPlan(book, plan);
        writeFileSync(join(dir, 'axes.xlsx'), Buffer.from(await book.xlsx.writeBuffer()));
        // The same pack with "Performance: high from" raised to 4, above the 1-3 scale: nobody is high on performance.
        const sheet = book.getWorksheet('Talent grid')!;
        const cut = talent.layout.cutoffs;
        expect(sheet.getCell(cut.row + 2, cut.col + 1).value).toBe(3);
        sheet.getCell(cut.row + 2, cut.col + 1).value = 4;
        writeFileSync(join(dir, 'edited.xlsx'), Buffer.from(await book.xlsx.writeBuffer()));
        convert(soffice!, profile, [join(dir, 'axes.xlsx'), join(dir, 'edited.xlsx')], CSV_ALL_SHEETS, join(dir, 'out'));

        const sheets = sheetsCsv(join(dir, 'out'), 'axes');
        const planned = calibration.plan.sheets.find((s) => s.name === 'Talent grid')!;
        const { wrong, checked } = formulaMismatches([planned], sheets);
        expect(wrong.slice(0, 5)).toEqual([]);
        expect(checked).toBeGreaterThan(10 * 9);
        const countsIn = (csv: string[][]) =>
          Array.from({ length: 9 }, (_, b) => {
            const at = talent.layout.countCell(b);
            return Number(csv[at.row][at.col]);
          });
        const csv = sheets.get('Talent grid')!;
        expect(countsIn(csv)).toEqual(HAND_COUNTS);
        expect(countsIn(csv)).toEqual(talent.grid.names.map((n) => n.length));
        expect(Number(csv[talent.layout.unplacedCell.row][talent.layout.unplacedCell.col])).toBe(HAND_UNPLACED);
        expect(csv[talent.layout.namesFirstRow][talent.layout.namesCol(4)]).toBe('Cy');
        expect(csv[talent.layout.namesFirstRow + 1][talent.layout.namesCol(4)]).toBe('Ivy');

        // Ann, Ed and Hal drop from high to medium performance: boxes 8→7, 2→1, 5→4.
        const edited = sheetsCsv(join(dir, 'out'), 'edited').get('Talent grid')!;
        expect(countsIn(edited)).toEqual([1, 1, 0, 0, 3, 0, 1, 2, 0]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );
});

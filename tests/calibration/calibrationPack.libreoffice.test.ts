/**
 * The done-when of the calibration pack: a generated 1,000-person grid with 20
 * managers becomes a pack whose every figure LibreOffice recalculates to
 * core's value, with the small team hidden and the planted lenient manager
 * flagged. LibreOffice opens the .xlsx the ExcelJS renderer writes, with a
 * profile that forces a full recalculation (cached results would prove nothing).
 */
import ExcelJS from 'exceljs';
import { builtIn } from '../../src/core/frameworks/library';
import type { LayoutPlan } from '../../src/core/layouts/plan';
import { renderPlan } from '../../src/xlsx/renderPlan';
import { formulaMismatches, recalculatedSheets, sofficeFor } from '../support/libreoffice';
import { calibratedTeam } from './calibratedTeam';
import { ratedGrid } from './grids';
import { calibrationPlan } from '../../src/core/layouts/calibration';

const soffice = sofficeFor('the calibration pack recalculation tests');
const withLibreOffice = soffice ? it : it.skip;

const model = builtIn('mit-devops');

async function generatedPack() {
  const { workbook, calibration } = calibratedTeam(
    model,
    {
      people: 1000,
      managers: 20,
      seed: 2024,
      lenientManager: 'Manager 07',
      smallManager: { name: 'Manager 20', people: 3 },
    },
    { cycle: '2025 H1', taken: '2025-06-30' },
  );
  const plan: LayoutPlan = {
    title: 'calibration pack',
    sheets: [...workbook.plan.sheets, ...calibration.plan.sheets],
    names: workbook.plan.names,
    styles: { ...workbook.plan.styles, ...calibration.plan.styles },
  };
  return { calibration, xlsx: await xlsxOf(plan) };
}

async function xlsxOf(plan: LayoutPlan): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  renderPlan(book, plan);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('a calibration pack recalculated by LibreOffice', () => {
  withLibreOffice(
    'gives every figure of a 1,000-person, 20-manager pack the value core computed, hides the small team and flags the lenient manager',
    async () => {
      const { calibration, xlsx } = await generatedPack();
      const names = calibration.plan.sheets.map((s) => s.name);
      const sheets = recalculatedSheets(soffice!, xlsx, names);

      const { wrong, checked } = formulaMismatches(calibration.plan.sheets, sheets);
      expect(wrong.slice(0, 10)).toEqual([]);
      expect(checked).toBeGreaterThan(30_000); // Calibration, Changes and the data sheet

      const stats = calibration.statistics;
      const main = sheets.get(calibration.sheetNames.calibration)!;
      const { firstManagerRow, flagCol } = calibration.layout.raters;
      const heat = calibration.layout.heatmap;
      const rowOf = (manager: string) => stats.managers.findIndex((m) => m.manager === manager);
      expect(stats.managers).toHaveLength(20);
      expect(main[firstManagerRow + rowOf('Manager 07')][flagCol]).toBe('Lenient');
      expect(main[heat.row + rowOf('Manager 20')].slice(heat.col, heat.col + heat.cols).every((c) => c === '')).toBe(true);
      expect(main[heat.row + rowOf('Manager 07')].slice(heat.col, heat.col + heat.cols).every((c) => Number(c) > 0)).toBe(true);
    },
    180_000,
  );

  withLibreOffice(
    'matches managers exactly whatever their names hold: case, spaces, wildcards, a leading "=", digits, none',
    async () => {
      const names = ['Ana', 'ANA ', 'Zed*', 'Z?x', '=Boss', '<Lee>', '1001', '1001.0', null, 'Tilde~1'];
      const people = Array.from({ length: 40 }, (_, i) => [
        `p${i}`,
        `P ${i}`,
        'Engineer',
        names[i % names.length],
        ['BD', 'B', 'I', 'A', 'E'][(i * 7) % 5],
        ['E', 'A', null, 'B'][i % 4],
      ]);
      const { grid, matrix } = ratedGrid(people);
      const pack = calibrationPlan({
        matrix,
        grid: grid.source,
        settings: { minGroup: 2 },
        snapshot: { cycle: 'before', taken: '2025-01-01' },
      });
      const plan: LayoutPlan = { title: 'names', sheets: [grid.sheet, ...pack.plan.sheets], names: [], styles: pack.plan.styles };
      const csvs = recalculatedSheets(
        soffice!,
        await xlsxOf(plan),
        pack.plan.sheets.map((s) => s.name),
      );
      expect(formulaMismatches(pack.plan.sheets, csvs).wrong.slice(0, 10)).toEqual([]);
      expect(pack.statistics.managers.map((m) => [m.manager, m.people])).toEqual([
        ['<Lee>', 4],
        ['=Boss', 4],
        ['1001', 4],
        ['1001.0', 4],
        ['Ana', 8],
        ['Tilde~1', 4],
        ['Z?x', 4],
        ['Zed*', 4],
        ['(no manager)', 4],
      ]);
    },
    120_000,
  );
});

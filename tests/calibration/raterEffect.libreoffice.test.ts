/**
 * The rater effect on the sheet, recalculated by LibreOffice: on a planted
 * organisation (roles of different seniority, teams of 1 to 30, missing
 * ratings), every estimate, SE, p, shrunk estimate and flag LibreOffice
 * computes equals core's to 1e-9, and the flags name the planted raters, not
 * the fair managers of senior teams.
 */
import ExcelJS from 'exceljs';
import type { LayoutPlan } from '../../src/core/layouts/plan';
import { calibrationPlan } from '../../src/core/layouts/calibration';
import { ratingsFromGridRows } from '../../src/core/calibration/ratingsFromGridRows';
import { renderPlan } from '../../src/xlsx/renderPlan';
import { formulaMismatches, recalculatedSheets, sofficeFor, csvValue } from '../support/libreoffice';
import { simpleGrid } from './grids';
import { plantedOrganisation, PLANTED_SCALE } from './planted/plantedOrganisation';

const soffice = sofficeFor('the rater effect recalculation test');
const withLibreOffice = soffice ? it : it.skip;

describe('the rater effect recalculated by LibreOffice', () => {
  withLibreOffice(
    'gives every rater estimate, SE, p, shrunk estimate and flag of a 600-person planted organisation the value core computed, flagging planted raters',
    async () => {
      const org = plantedOrganisation({ people: 600, seed: 77, competencies: 8 });
      const ids = org.matrix.competencies.map((c) => c.id);
      const grid = simpleGrid('Team grid', ids, org.rows);
      const { matrix } = ratingsFromGridRows(grid.rows, grid.source, PLANTED_SCALE, org.matrix.competencies);
      const pack = calibrationPlan({ matrix, grid: grid.source });
      const plan: LayoutPlan = { title: 'planted', sheets: [grid.sheet, ...pack.plan.sheets], names: [], styles: pack.plan.styles };
      const book = new ExcelJS.Workbook();
      renderPlan(book, plan);
      const csvs = recalculatedSheets(
        soffice!,
        Buffer.from(await book.xlsx.writeBuffer()),
        pack.plan.sheets.map((s) => s.name),
      );

      const { wrong, checked } = formulaMismatches(pack.plan.sheets, csvs);
      expect(wrong.slice(0, 10)).toEqual([]);
      expect(checked).toBeGreaterThan(600 * 8);

      // The flags LibreOffice shows are planted biases, in their direction, with few false discoveries: at a 5%
      // false-discovery rate about one flag in twenty is a fair rater, and this seed shows 2 of 11.
      const main = csvs.get(pack.sheetNames.calibration)!;
      const { firstManagerRow, flagCol, estimateCol } = pack.layout.raters;
      const effects = pack.statistics.raterEffects.raters;
      const truthOf = (manager: string) => {
        const bias = org.managers.find((m) => m.name === manager)!.bias;
        return bias > 0 ? 'Lenient' : bias < 0 ? 'Harsh' : 'fair';
      };
      const flagged = effects.map((r, g) => [r.manager, main[firstManagerRow + g][flagCol]]).filter(([, flag]) => flag !== '');
      const wrongFlags = flagged.filter(([manager, flag]) => truthOf(manager) !== flag);
      expect(flagged.length).toBeGreaterThanOrEqual(8);
      expect(wrongFlags.length).toBeLessThanOrEqual(2);
      expect(wrongFlags.every(([manager]) => truthOf(manager) === 'fair')).toBe(true);
      // Fair managers of senior teams of 5 or more: no more than one flagged, estimates near 0 on average
      // (the naive rule, their mean against everyone's, flags most of them lenient).
      const fairSenior = org.managers.filter((m) => m.bias === 0 && m.kind === 'senior' && m.team >= 5);
      expect(fairSenior.length).toBeGreaterThan(5);
      const rowOf = (name: string) => main[firstManagerRow + effects.findIndex((r) => r.manager === name)];
      expect(fairSenior.filter((m) => rowOf(m.name)[flagCol] !== '').length).toBeLessThanOrEqual(1);
      const meanAbs = fairSenior.reduce((a, m) => a + Math.abs(csvValue(rowOf(m.name)[estimateCol]) as number), 0) / fairSenior.length;
      expect(meanAbs).toBeLessThan(0.25);
      const naive = pack.statistics.managers.filter((m) => fairSenior.some((f) => f.name === m.manager) && m.flag === 'lenient');
      expect(naive.length).toBeGreaterThan(fairSenior.length / 2);
    },
    180_000,
  );
});

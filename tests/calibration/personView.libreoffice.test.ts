/**
 * The person view recalculated by LibreOffice for a generated team on each of
 * the five built-in frameworks: every formula under the pick comes out as core
 * wrote it, and the table holds the shown person's ratings and their role's
 * and next role's targets from the framework (read through the workbook's
 * CM_Targets_Values name, which only a real engine resolves here).
 */
import ExcelJS from 'exceljs';
import { builtInIds, builtIn } from '../../src/core/frameworks/library';
import type { LayoutPlan } from '../../src/core/layouts/plan';
import { PERSON_VIEW } from '../../src/core/calibration/sheets/personViewSheet';
import { renderPlan } from '../../src/xlsx/renderPlan';
import { formulaMismatches, libreOfficeWorkspace, convert, CSV_ALL_SHEETS, sheetsCsv, sofficeFor } from '../support/libreoffice';
import { calibratedTeam } from './calibratedTeam';
import { writeFileSync, rmSync } from 'fs';
import { join } from 'path';

const soffice = sofficeFor('the person view recalculation tests');
const withLibreOffice = soffice ? it : it.skip;

describe('the person view recalculated by LibreOffice', () => {
  withLibreOffice(
    'shows the picked person’s ratings and targets as core does, for all five built-in frameworks',
    async () => {
      const ids = builtInIds();
      const { dir, profile } = libreOfficeWorkspace();
      try {
        const packs = [];
        for (const [k, id] of ids.entries()) {
          const model = builtIn(id);
          const { workbook, calibration } = calibratedTeam(model, { people: 20, managers: 3, seed: 70 + k });
          const plan: LayoutPlan = {
            title: id,
            sheets: [...workbook.plan.sheets, ...calibration.plan.sheets],
            names: workbook.plan.names,
            styles: { ...workbook.plan.styles, ...calibration.plan.styles },
          };
          const book = new ExcelJS.Workbook();
          renderPlan(book, plan);
          writeFileSync(join(dir, `${id}.xlsx`), Buffer.from(await book.xlsx.writeBuffer()));
          packs.push({ id, model, calibration });
        }
        convert(
          soffice!,
          profile,
          ids.map((id) => join(dir, `${id}.xlsx`)),
          CSV_ALL_SHEETS,
          join(dir, 'out'),
        );
        for (const { id, model, calibration } of packs) {
          const name = calibration.sheetNames.person!;
          const sheets = sheetsCsv(join(dir, 'out'), id);
          const view = calibration.plan.sheets.find((s) => s.name === name)!;
          const { wrong, checked } = formulaMismatches([view], sheets);
          expect({ id, wrong: wrong.slice(0, 5) }).toEqual({ id, wrong: [] });
          expect(checked).toBeGreaterThan(calibration.matrix.competencies.length);
          // The table, read as LibreOffice computed it, against core and the framework.
          const csv = sheets.get(name)!;
          const pick = csv[PERSON_VIEW.pickRow][PERSON_VIEW.pickCol];
          const p = calibration.matrix.people.findIndex((x) => x.id === pick);
          const person = calibration.matrix.people[p];
          const role = model.roles.find((r) => r.name === person.role)!;
          const next = model.nextRole(role);
          const C = calibration.matrix.competencies.length;
          const at = (i: number, col: number) => csv[PERSON_VIEW.firstCompetencyRow + i][col];
          const text = (v: number | undefined) => (v === undefined ? '' : String(v));
          calibration.matrix.competencies.forEach((c, i) => {
            const rank = calibration.matrix.ranks[p * C + i];
            const competency = model.competency(c.id);
            expect({ id, c: c.id, rating: at(i, 1) }).toEqual({
              id,
              c: c.id,
              rating: rank < 0 ? '' : text(calibration.matrix.scale.levels[rank].value),
            });
            expect({ id, c: c.id, role: at(i, 2) }).toEqual({ id, c: c.id, role: text(model.target(role, competency)?.value) });
            expect({ id, c: c.id, next: at(i, 3) }).toEqual({ id, c: c.id, next: next ? text(model.target(next, competency)?.value) : '' });
          });
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );
});

/**
 * Reading back a proficiency matrix the product wrote and a person edited. The
 * sheet's values are what a renderer reads from the workbook: the plan's cells,
 * formulas replaced by their results.
 */
import { builtIn, builtInFrameworks } from '../frameworks/library';
import { FrameworkModel } from '../framework/model';
import type { Framework } from '../framework/validate';
import { matrixLayout } from '../layouts/matrix';
import { MATRIX_SHAPE } from '../layouts/matrixShape';
import { isFormula, type SheetPlan } from '../layouts/plan';
import { frameworkFromMatrixRows } from './frameworkFromMatrixRows';
import { frameworkFromLongCsv, frameworkToLongCsv } from './csvLongTable';

type Values = (string | number | boolean | null)[][];

function sheetValues(plan: SheetPlan): Values {
  const out: Values = [];
  for (const b of plan.blocks) {
    b.cells.forEach((row, i) =>
      row.forEach((cell, j) => {
        (out[b.row + i] ??= [])[b.col + j] = isFormula(cell) ? (cell.result ?? null) : cell;
      }),
    );
  }
  let width = 0;
  for (let i = 0; i < out.length; i++) width = Math.max(width, out[i]?.length ?? 0);
  return Array.from({ length: out.length }, (_, i) => Array.from({ length: width }, (_, j) => out[i]?.[j] ?? null));
}

const matrixOf = (fw: Framework): Values => sheetValues(matrixLayout(new FrameworkModel(fw), 'Matrix').sheet);
const { headerRow, firstCompetencyRow, firstRoleCol, columns } = MATRIX_SHAPE;
const rowOf = (m: Values, competency: string) => m.findIndex((r) => r[columns.competency] === competency);
const colOf = (m: Values, role: string) => m[headerRow].indexOf(role);

describe('a framework from its proficiency matrix', () => {
  it.each(builtInFrameworks().map((m) => [m.id, m.data] as const))(
    'reads the unedited matrix of %s back to the same targets',
    (_id, fw) => {
      const { framework, warnings } = frameworkFromMatrixRows(matrixOf(fw), fw);
      expect(warnings).toEqual([]);
      expect(matrixOf(framework)).toEqual(matrixOf(fw));
      const key = (f: Framework) => f.targets.map((t) => `${t.role}/${t.competency}/${t.level}`).sort();
      expect(key(framework)).toEqual(key(fw));
      expect(framework.scales).toEqual(fw.scales);
      expect(framework.provenance).toEqual(fw.provenance);
    },
  );

  it('gives the same matrix after an edit in the sheet, an export to CSV and an import again', () => {
    const fw = builtIn('mit-devops').data;
    const sheet = matrixOf(fw);
    // A person changes targets (typing a code, a level name, and clearing a cell), renames a
    // competency and a role, and moves a competency into a new category.
    sheet[rowOf(sheet, 'Teamwork')][colOf(sheet, 'DevOps Engineer IV')] = 'E';
    sheet[rowOf(sheet, 'Adaptability')][colOf(sheet, 'DevOps Engineer I')] = 'intermediate';
    sheet[rowOf(sheet, 'Thoroughness')][colOf(sheet, 'DevOps Engineer I')] = null;
    sheet[rowOf(sheet, 'Problem Solving')][columns.competency] = 'Problem Solving and Debugging';
    sheet[rowOf(sheet, 'Systems Thinking')][columns.category] = 'Thinking';
    sheet[headerRow][colOf(sheet, 'DevOps Engineer III')] = 'Senior DevOps Engineer';

    const fromSheet = frameworkFromMatrixRows(sheet, fw).framework;
    const viaCsv = frameworkFromLongCsv('mit-edited.csv', frameworkToLongCsv(fromSheet)).framework;
    expect(matrixOf(viaCsv)).toEqual(matrixOf(fromSheet));

    // Every edit is in the matrix written again (rows keyed by competency: a new category sorts last).
    const expected = sheet.map((r) => [...r]);
    expected[rowOf(expected, 'Adaptability')][colOf(expected, 'DevOps Engineer I')] = 'I'; // the level name typed becomes its code
    const width = firstRoleCol + fw.roles.length;
    const table = (m: Values) => {
      const rows = m.slice(firstCompetencyRow, firstCompetencyRow + fw.competencies.length).map((r) => r.slice(0, width));
      return [
        m[headerRow].slice(0, width),
        ...rows.sort((a, b) => String(a[columns.competency]).localeCompare(String(b[columns.competency]))),
      ];
    };
    expect(table(matrixOf(viaCsv))).toEqual(table(expected));
    expect(viaCsv.roles[2]).toMatchObject({
      id: fw.roles[2].id,
      name: 'Senior DevOps Engineer',
      code: 'III',
      descriptions: fw.roles[2].descriptions,
    });
    expect(viaCsv.competencies.find((c) => c.name === 'Problem Solving and Debugging')?.descriptors).toEqual(
      fw.competencies.find((c) => c.name === 'Problem Solving')?.descriptors,
    );
  });

  it('writes the sheet back cell for cell when the edits keep every row in its place', () => {
    const fw = builtIn('sre-ladder').data;
    const sheet = matrixOf(fw);
    sheet[firstCompetencyRow][firstRoleCol] = 'L2';
    sheet[firstCompetencyRow + 3][firstRoleCol + 4] = null;
    sheet[firstCompetencyRow + 5][columns.competency] = 'Clear Communication';
    const viaCsv = frameworkFromLongCsv('sre.csv', frameworkToLongCsv(frameworkFromMatrixRows(sheet, fw).framework)).framework;
    expect(matrixOf(viaCsv)).toEqual(sheet);
  });

  it('keeps roles whose column was left out of the matrix, with their targets, in their place', () => {
    const fw = builtIn('sre-ladder').data;
    const model = new FrameworkModel(fw);
    const shown = sheetValues(matrixLayout(model, 'Matrix', { roles: [model.roles[0], model.roles[2]] }).sheet);
    const { framework } = frameworkFromMatrixRows(shown, fw);
    expect(framework.roles.map((r) => r.id)).toEqual(fw.roles.map((r) => r.id));
    expect(framework.targets).toHaveLength(fw.targets.length);
  });

  it('adds a competency row and a role column typed into the sheet', () => {
    const fw = builtIn('kaairo-devops').data;
    const sheet = matrixOf(fw);
    const width = firstRoleCol + fw.roles.length;
    sheet[headerRow][width] = 'Principal';
    const added = ['Supporting Competencies', 'Cost Awareness', null, 'Proficiency (1-5)', '1', '2', '3', '4'];
    sheet.splice(firstCompetencyRow + fw.competencies.length, 0, [
      ...added,
      ...Array(Math.max(0, sheet[0].length - added.length)).fill(null),
    ]);
    const { framework } = frameworkFromMatrixRows(sheet, fw);
    expect(framework.roles.map((r) => r.name)).toEqual(['Entry-Level', 'Mid-Level', 'Senior', 'Principal']);
    expect(framework.competencies.find((c) => c.name === 'Cost Awareness')).toEqual({
      id: 'cost-awareness',
      name: 'Cost Awareness',
      category: 'supporting-competencies',
      scale: 'kaairo-proficiency',
    });
    expect(framework.targets.filter((t) => t.competency === 'cost-awareness').map((t) => `${t.role}=${t.level}`)).toEqual([
      'entry-level=1',
      'mid-level=2',
      'senior=3',
      'principal=4',
    ]);
  });

  it('names the cell of a level the scale does not have, and the levels it does', () => {
    const fw = builtIn('mit-devops').data;
    const sheet = matrixOf(fw);
    const r = rowOf(sheet, 'Teamwork');
    sheet[r][colOf(sheet, 'DevOps Engineer II')] = 'Expret';
    expect(() => frameworkFromMatrixRows(sheet, fw, { sheet: 'MIT matrix' })).toThrow(
      `MIT matrix: 'MIT matrix'!F${r + 1}: "Expret" is not a level of Proficiency level; use BD (Being Developed), B (Basic), I (Intermediate), A (Advanced) or E (Expert), or leave the cell blank for no target`,
    );
  });

  it('refuses a competency that appears twice, naming both rows', () => {
    const fw = builtIn('kaairo-devops').data;
    const sheet = matrixOf(fw);
    sheet[firstCompetencyRow + 1][columns.competency] = sheet[firstCompetencyRow][columns.competency];
    sheet[firstCompetencyRow + 1][columns.competencyId] = null;
    expect(() => frameworkFromMatrixRows(sheet, fw)).toThrow(
      /"Cloud Infrastructure Management" is in the matrix twice \(rows 5 and 6\); keep one row/,
    );
  });

  it('reads a matrix without its framework, taking the levels from the legend beside it', () => {
    const fw = builtIn('sre-ladder').data;
    const { framework, warnings } = frameworkFromMatrixRows(matrixOf(fw));
    expect(framework.name).toBe(fw.name);
    expect(framework.scales[0].levels.map((l) => [l.code, l.name])).toEqual(fw.scales[0].levels.map((l) => [l.code, l.name]));
    expect(framework.roles.map((r) => r.name)).toEqual(fw.roles.map((r) => r.name));
    expect(framework.targets).toHaveLength(fw.targets.length);
    expect(warnings.map((w) => w.message)).toContain(
      "the matrix does not carry the framework's provenance, definitions or descriptors; import it with the framework it was written from to keep them",
    );
  });

  it('says where to start when the selection holds no matrix header', () => {
    expect(() =>
      frameworkFromMatrixRows([
        ['Name', 'Team'],
        ['Ada', 'Core'],
      ]),
    ).toThrow(/no header row with a "Competency" column was found/);
  });
});

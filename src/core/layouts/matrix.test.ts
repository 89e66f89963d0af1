import { builtIn, builtInFrameworks } from '../frameworks/library';
import { isFormula } from './plan';
import { matrixLayout } from './matrix';
import { MATRIX_HEADER, MATRIX_SHAPE } from './matrixShape';
import { sheetPlanText } from './planText';
import { tinyFramework } from './testing/tinyFramework';
import { levelColors, SEQUENTIAL_HIGH, SEQUENTIAL_LOW } from './heatmap';

describe('the proficiency matrix', () => {
  it('reads as a small snapshot: categories down, roles across, target codes, legend below', () => {
    expect(sheetPlanText(matrixLayout(tinyFramework(), 'Matrix').sheet)).toMatchSnapshot();
  });

  it.each(builtInFrameworks().map((f) => [f.id, f] as const))(
    '%s: puts every target of the framework in its cell, and nothing else',
    (_id, model) => {
      const { sheet, geometry } = matrixLayout(model, 'Matrix');
      const block = sheet.blocks.find((b) => b.row === MATRIX_SHAPE.firstCompetencyRow)!;
      expect(block.cells.length).toBe(model.competencies.length);
      let filled = 0;
      block.cells.forEach((row, i) => {
        const competency = model.competency(geometry.competencyIds[i]);
        expect(row[MATRIX_SHAPE.columns.competencyId]).toBe(competency.id);
        model.roles.forEach((role, r) => {
          const cell = row[MATRIX_SHAPE.firstRoleCol + r];
          expect(cell).toBe(model.target(role, competency)?.code ?? null);
          if (cell !== null) filled++;
        });
      });
      expect(filled).toBe(model.data.targets.length);
      expect(block.cells.every((row) => row.every((c) => !isFormula(c)))).toBe(true);
    },
  );

  it('groups competencies by category, in the framework’s category order', () => {
    const ddat = builtIn('ddat-devops');
    const { sheet } = matrixLayout(ddat, 'Matrix');
    const block = sheet.blocks.find((b) => b.row === MATRIX_SHAPE.firstCompetencyRow)!;
    const categories = block.cells.map((r) => r[0] as string);
    const firstSeen = [...new Set(categories)];
    expect(firstSeen).toEqual([
      'Knowledge/Skills › Behavioural Skills',
      'Knowledge/Skills › Technical Knowledge and Skills',
      'Knowledge/Skills › Other Knowledge and Skills',
      'Organisation Skills › DDaT » Software Development',
    ]);
    // Each category is one run: once it ends it never comes back.
    expect(categories.filter((c, i) => i > 0 && c !== categories[i - 1]).length).toBe(firstSeen.length - 1);
  });

  it('has the header labels the interchange reader expects, frozen, printed on every page', () => {
    const { sheet } = matrixLayout(builtIn('sre-ladder'), 'Matrix');
    const header = sheet.blocks.find((b) => b.row === MATRIX_SHAPE.headerRow)!.cells[0];
    expect(header.slice(0, MATRIX_HEADER.length)).toEqual([...MATRIX_HEADER]);
    expect(header.slice(MATRIX_HEADER.length)).toEqual(['Junior SRE', 'SRE', 'Senior SRE', 'Lead SRE', 'Principal SRE']);
    expect(sheet.freeze).toEqual({ rows: MATRIX_SHAPE.firstCompetencyRow, cols: 2 });
    expect(sheet.printTitleRows).toEqual([MATRIX_SHAPE.headerRow, MATRIX_SHAPE.headerRow]);
  });

  it('colours each level from pale to dark by its value, one rule per level', () => {
    const mit = builtIn('mit-devops');
    const colors = levelColors(mit.primaryScale);
    expect(colors[0].color).toBe(SEQUENTIAL_LOW);
    expect(colors[colors.length - 1].color).toBe(SEQUENTIAL_HIGH);
    const { sheet } = matrixLayout(mit, 'Matrix');
    const onTargets = sheet.conditionalFormats.filter((f) => f.range.row === MATRIX_SHAPE.firstCompetencyRow);
    expect(onTargets.map((f) => f.kind === 'formula' && f.formula)).toEqual([
      'E5&""="BD"',
      'E5&""="B"',
      'E5&""="I"',
      'E5&""="A"',
      'E5&""="E"',
    ]);
  });

  it('limits the roles to those asked for', () => {
    const mit = builtIn('mit-devops');
    const { geometry } = matrixLayout(mit, 'Matrix', { roles: mit.roles.slice(1, 3) });
    expect(geometry.roleIds).toEqual(['devops-engineer-2', 'devops-engineer-3']);
    expect(geometry.targets.cols).toBe(2);
  });
});

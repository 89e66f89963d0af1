import { builtIn, builtInFrameworks } from '../frameworks/library';
import { isFormula } from './plan';
import { workbookLayout, workbookSheetNames } from './workbook';
import { generatedRoster } from '../../../tests/xlsx/support/rosters';
import { sheetPlanText } from './planText';
import { tinyFramework } from './testing/tinyFramework';

describe('a whole workbook plan', () => {
  it.each(builtInFrameworks().map((f) => [f.id, f] as const))(
    '%s: matrix, scales, and a grid with its target table when there is a roster',
    (_id, model) => {
      const matrixOnly = workbookLayout(model);
      expect(matrixOnly.plan.sheets.map((s) => s.kind)).not.toContain('grid');
      const full = workbookLayout(model, { roster: generatedRoster(model, 5) });
      const kinds = full.plan.sheets.map((s) => s.kind);
      expect(kinds[0]).toBe('grid');
      expect(kinds).toEqual(expect.arrayContaining(['matrix', 'scale', 'framework-data']));
    },
  );

  it('writes role descriptions only for frameworks whose roles carry text, and descriptors where competencies have them', () => {
    const kinds = (id: string) => workbookLayout(builtIn(id)).plan.sheets.map((s) => s.kind);
    expect(kinds('mit-devops')).toEqual(['matrix', 'scale', 'descriptors', 'roles']);
    expect(kinds('canon-devops-p3')).toContain('roles');
    expect(kinds('ddat-devops')).toContain('roles');
    expect(kinds('sre-ladder')).toEqual(['matrix', 'scale', 'descriptors']);
  });

  it('lists each scale of a two-scale framework on the scale sheet, with names for their codes and values', () => {
    const { plan } = workbookLayout(builtIn('ddat-devops'));
    const scaleSheet = plan.sheets.find((s) => s.kind === 'scale')!;
    const text = sheetPlanText(scaleSheet);
    expect(text).toContain('"Aware"');
    expect(text).toContain('"Practitioner"');
    expect(plan.names.map((n) => n.name)).toEqual(
      expect.arrayContaining(['CM_ddat_depth_Codes', 'CM_ddat_depth_Values', 'CM_ddat_skill_level_Codes', 'CM_ddat_skill_level_Values']),
    );
  });

  it('gives its sheets names that do not clash with the workbook’s own, and formulas follow the names', () => {
    const names = workbookSheetNames(['Matrix', 'scales']);
    expect(names.matrix).toBe('Matrix (2)');
    expect(names.scales).toBe('Scales (2)');
    const tiny = tinyFramework();
    const { plan } = workbookLayout(tiny, { roster: generatedRoster(tiny, 2), sheetNames: names });
    const formulas = plan.sheets.flatMap((s) =>
      s.blocks.flatMap((b) =>
        b.cells
          .flat()
          .filter(isFormula)
          .map((c) => c.formula),
      ),
    );
    expect(formulas.some((f) => f.includes("'Matrix (2)'!"))).toBe(true);
    expect(formulas.some((f) => f.includes("'Scales (2)'!"))).toBe(true);
    expect(formulas.some((f) => /(^|[^'])Matrix!/.test(f))).toBe(false);
  });

  it('covers only the roles asked for, and a person’s next role is the next of those', () => {
    const mit = builtIn('mit-devops');
    const roles = [mit.role('DevOps Engineer I'), mit.role('DevOps Engineer III')];
    const roster = generatedRoster(mit, 30);
    roster.people = roster.people.filter((p) => roles.includes(p.role));
    const { plan, grid } = workbookLayout(mit, { roster, roles });
    const targets = plan.sheets.find((s) => s.kind === 'framework-data')!;
    expect(sheetPlanText(targets)).toContain('"DevOps Engineer III"');
    expect(sheetPlanText(targets)).not.toContain('"DevOps Engineer II"');
    const sheet = plan.sheets[0];
    const row = sheet.blocks.find((b) => b.row === grid!.firstPersonRow)!.cells;
    const junior = row.find((r) => r[grid!.roleCol] === 'DevOps Engineer I')!;
    expect(junior[grid!.nextRoleCol!]).toMatchObject({ result: 'DevOps Engineer III' });
  });
});

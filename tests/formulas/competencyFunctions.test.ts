/**
 * The COMPETENCY.* functions inside real formulas, in a real formula engine
 * (HyperFormula, with Excel 365 array semantics): cell references, ranges,
 * spills, nesting in SUM/IF/COUNTIF, errors coming in and going out,
 * recalculation after an edit, and a 2,500 x 40 roster.
 */
import { DetailedCellError, type HyperFormula, type RawCellContent } from 'hyperformula';
import { builtIn } from '../../src/core/frameworks/library';
import { FrameworkModel } from '../../src/core/framework/model';
import { validateFramework, type Framework } from '../../src/core/framework/validate';
import { levelGap, meets } from '../../src/core/scoring';
import { setWorkbookFrameworks } from '../../src/functions';
import { competencyEngine, registerCompetencyFunctions } from './hyperformulaPlugin';

const at = (hf: HyperFormula, a1: string) => {
  const address = hf.simpleCellAddressFromString(a1, 0);
  if (!address) throw new Error(`bad address ${a1}`);
  return hf.getCellValue(address);
};

function errorAt(hf: HyperFormula, a1: string): DetailedCellError {
  const value = at(hf, a1);
  expect(value).toBeInstanceOf(DetailedCellError);
  return value as DetailedCellError;
}

describe('COMPETENCY functions in HyperFormula formulas', () => {
  it('can be registered more than once without harm', () => {
    registerCompetencyFunctions();
    registerCompetencyFunctions();
    expect(at(competencyEngine({ S: [['=COMPETENCY.LEVELGAP("A", "I")']] }), 'A1')).toBe(1);
  });

  it('read levels from cell references, with the scale in a cell too', () => {
    const hf = competencyEngine({
      S: [
        ['A', 'I', '=COMPETENCY.LEVELGAP(A1, B1)', 'kaairo-devops'],
        ['Basic', 'Advanced', '=COMPETENCY.LEVELGAP(A2, B2, D1)', '=COMPETENCY.LEVELGAP(A2, B2, "mit-devops")'],
        [null, 'I', '=COMPETENCY.LEVELGAP(A3, B3)', '=COMPETENCY.SHORTFALL(A2, B2, D1)'],
      ],
    });
    expect(at(hf, 'C1')).toBe(1);
    expect(at(hf, 'C2')).toBe(-3);
    expect(at(hf, 'D2')).toBe(-2);
    expect(at(hf, 'C3')).toBe(''); // a blank rating is no gap, not 0
    expect(at(hf, 'D3')).toBe(3);
  });

  it('spill element-wise over ranges, a column of ratings against a row of targets', () => {
    const hf = competencyEngine({
      S: [[null, 'B', 'A'], ['BD', '=COMPETENCY.LEVELGAP(A2:A4, B1:C1)'], ['E'], [null]],
    });
    expect(hf.getSheetValues(0).slice(1)).toEqual([
      ['BD', -1, -3],
      ['E', 3, 1],
      [null, '', ''],
    ]);
  });

  it('spill a scale listed in the sheet, and give #SPILL! when the spill area is taken', () => {
    const hf = competencyEngine({
      S: [
        ['Low', 'Mid', 'High'],
        ['High', '=COMPETENCY.LEVELGAP(A2:A3, "Mid", A1:C1)', 'in the way'],
        ['Low', null, null, '=COMPETENCY.LEVELGAP(A2:A3, A3, A1:C1)'],
      ],
    });
    expect(at(hf, 'B2')).toBe(1);
    expect(at(hf, 'B3')).toBe(-1);
    expect(at(hf, 'D3')).toBe(2);
    expect(at(hf, 'D4')).toBe(0);
    hf.setCellContents(hf.simpleCellAddressFromString('B3', 0)!, [['blocker']]);
    expect(errorAt(hf, 'B2').type).toBe('SPILL');
  });

  it('nest in SUM, IF, IFERROR and COUNTIF like any native function', () => {
    const hf = competencyEngine({
      S: [
        ['A', 'I'],
        ['B', 'I'],
        ['E', 'I'],
        [null, 'I'],
        [
          '=SUM(COMPETENCY.LEVELGAP(A1:A4, B1:B4))',
          '=IF(COMPETENCY.LEVELGAP(A1, B1) >= 0, "meets", "below")',
          '=IF(COMPETENCY.LEVELGAP(A2, B2) >= 0, "meets", "below")',
        ],
        ['=COMPETENCY.LEVELGAP(A1:A4, B1:B4)', '=COUNTIF(A6:A9, "<0")', '=COUNTIF(A6:A9, ">=0")', '=SUM(COMPETENCY.SHORTFALL(A1:A4, "E"))'],
        [
          null,
          '=IFERROR(COMPETENCY.LEVELGAP("Guru", "I"), "check the level")',
          '=MAX(COMPETENCY.LEVELVALUE(A1:A3))',
          '=COMPETENCY.MEETS(TRANSPOSE(A1:A4), TRANSPOSE(B1:B4))',
        ],
      ],
    });
    expect(at(hf, 'A5')).toBe(1 - 1 + 2); // the blank rating adds nothing
    expect(at(hf, 'B5')).toBe('meets');
    expect(at(hf, 'C5')).toBe('below');
    expect(at(hf, 'B6')).toBe(1);
    expect(at(hf, 'C6')).toBe(2); // the blank is counted neither way
    expect(at(hf, 'D6')).toBe(1 + 3 + 0);
    expect(at(hf, 'B7')).toBe('check the level');
    expect(at(hf, 'C7')).toBe(5);
    expect(at(hf, 'D7')).toBeCloseTo(2 / 3, 9); // HyperFormula rounds results to 10 significant digits
  });

  it('pass incoming errors on and raise their own with the message users need', () => {
    const hf = competencyEngine({
      S: [
        ['=1/0', 'I', '=COMPETENCY.LEVELGAP(A1, B1)', '=COMPETENCY.LEVELGAP(A1:A2, B1)'],
        ['E', null, null, null],
        ['Guru', 'I', '=COMPETENCY.LEVELGAP(A3, B3, "mit-devops")', '=COMPETENCY.TARGET("Astronaut", "Adaptability", "mit-devops")'],
        ['A', 'I', '=COMPETENCY.LEVELGAP(A4, B4, "itil")', '=ISNA(D3)'],
        ['DevOps Engineer I', 'Adaptability', 'Analytical Thinking'],
        ['DevOps Engineer II'],
        ['=COMPETENCY.ROSTERGAP(A4:B4, A5:A6, B5:C5)'],
      ],
    });
    expect(errorAt(hf, 'C1').type).toBe('DIV_BY_ZERO');
    expect(errorAt(hf, 'D1').type).toBe('DIV_BY_ZERO');
    expect(at(hf, 'D2')).toBe(2);
    const unknown = errorAt(hf, 'C3');
    expect(unknown.value).toBe('#VALUE!');
    expect(unknown.message).toBe(
      '"Guru" is not a level of the Proficiency level scale; use BD (Being Developed), B (Basic), I (Intermediate), A (Advanced) or E (Expert), or leave it blank for not rated',
    );
    const role = errorAt(hf, 'D3');
    expect(role.value).toBe('#N/A');
    expect(role.message).toMatch(/^"Astronaut" is not a role of MIT IS&T DevOps Engineer; use DevOps Engineer I/);
    expect(errorAt(hf, 'C4').message).toMatch(/^no scale or framework "itil"/);
    expect(at(hf, 'D4')).toBe(true);
    expect(errorAt(hf, 'A7').message).toBe('roles must be one column with a role for each of the 1 rows of ratings (it is 2 by 1)');
  });

  it('recalculate after a rating is edited, through spills and the formulas that read them', () => {
    const hf = competencyEngine({
      S: [
        [null, 'Adaptability', 'Analytical Thinking', null, 'gaps'],
        ['DevOps Engineer I', 'A', 'B', null, '=COMPETENCY.ROSTERGAP(B2:C3, A2:A3, B1:C1)'],
        ['DevOps Engineer IV', 'E', null],
        [
          null,
          null,
          null,
          null,
          '=SUM(E2:F3)',
          '=COMPETENCY.MEETS(B2:C3, COMPETENCY.TARGET(A2:A3, B1:C1))',
          null,
          '=COMPETENCY.READINESS.BLOCKERS(B3:C3, B1:C1, "DevOps Engineer IV")',
        ],
      ],
    });
    // Engineer I targets B and BD; Engineer IV targets A and A.
    expect([at(hf, 'E2'), at(hf, 'F2'), at(hf, 'E3'), at(hf, 'F3')]).toEqual([2, 1, 1, '']);
    expect(at(hf, 'E4')).toBe(4);
    expect(at(hf, 'H4')).toBe('Analytical Thinking (not rated)');
    hf.setCellContents(hf.simpleCellAddressFromString('C3', 0)!, [['I']]);
    expect(at(hf, 'F3')).toBe(-1);
    expect(at(hf, 'E4')).toBe(3);
    expect(at(hf, 'H4')).toBe('Analytical Thinking');
    hf.setCellContents(hf.simpleCellAddressFromString('A3', 0)!, [['DevOps Engineer I']]);
    expect([at(hf, 'E3'), at(hf, 'F3')]).toEqual([3, 2]);
  });

  it('judge tolerant readiness inside IF and COUNTIF, following an edited threshold and rating', () => {
    // DevOps Engineer IV: Adaptability A, Analytical Thinking A, Systems Thinking E.
    const hf = competencyEngine({
      S: [
        [null, 'Adaptability', 'Analytical Thinking', 'Systems Thinking', 0.6],
        ['P1', 'E', 'A', 'A', '=IF(COMPETENCY.READINESS.TOLERANT(B2:D2, B$1:D$1, "DevOps Engineer IV", $E$1),"Ready","Not yet")'],
        ['P2', 'E', 'A', 'I', '=IF(COMPETENCY.READINESS.TOLERANT(B3:D3, B$1:D$1, "DevOps Engineer IV", $E$1),"Ready","Not yet")'],
        [null, null, null, null, '=COUNTIF(E2:E3,"Ready")', '=COMPETENCY.READINESS.TOLERANT(B2:D2, B1:D1, "DevOps Engineer IV", 80)'],
      ],
    });
    expect([at(hf, 'E2'), at(hf, 'E3'), at(hf, 'E4')]).toEqual(['Ready', 'Not yet', 1]);
    expect(errorAt(hf, 'F4').message).toMatch(/threshold is a share from 0 to 1/);
    hf.setCellContents(hf.simpleCellAddressFromString('E1', 0)!, [[0.8]]);
    expect([at(hf, 'E2'), at(hf, 'E4')]).toEqual(['Not yet', 0]);
    hf.setCellContents(hf.simpleCellAddressFromString('D3', 0)!, [['E']]);
    expect([at(hf, 'E3'), at(hf, 'E4')]).toEqual(['Ready', 1]);
  });

  describe('on a 2,500 x 40 roster', () => {
    const PEOPLE = 2500;
    const COMPETENCIES = 40;
    const mit = builtIn('mit-devops');
    const scale = mit.primaryScale;
    const codes = scale.levels.map((l) => l.code);

    /** A workbook framework with 40 competencies on MIT's scale and its four roles: imported, as users would. */
    function bigFramework(): FrameworkModel {
      const base = mit.data;
      const competencies = Array.from({ length: COMPETENCIES }, (_, j) => ({
        id: `skill-${j + 1}`,
        name: `Skill ${j + 1}`,
        scale: scale.id,
      }));
      const targets = base.roles.flatMap((r, i) =>
        competencies.map((c, j) => ({ role: r.id, competency: c.id, level: codes[(i + j) % codes.length] })),
      );
      const result = validateFramework({
        ...base,
        id: 'big-devops',
        name: 'Big DevOps',
        competencies,
        targets,
        categories: [],
      } satisfies Partial<Framework>);
      if (!result.framework) throw new Error(JSON.stringify(result.errors));
      return new FrameworkModel(result.framework);
    }

    let framework: FrameworkModel;
    let hf: HyperFormula;
    let ratings: (string | null)[][];
    let roles: string[];

    beforeAll(() => {
      framework = bigFramework();
      setWorkbookFrameworks([framework]);
      let seed = 7;
      const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
      roles = Array.from({ length: PEOPLE }, () => framework.roles[next() % framework.roles.length].name);
      ratings = Array.from({ length: PEOPLE }, () =>
        Array.from({ length: COMPETENCIES }, () => (next() % 9 === 0 ? null : codes[next() % codes.length])),
      );
      const header: RawCellContent[] = ['role', ...framework.competencies.map((c) => c.name)];
      const rows: RawCellContent[][] = [header, ...ratings.map((r, i) => [roles[i], ...r])];
      const last = PEOPLE + 1;
      hf = competencyEngine({
        Roster: rows,
        Gaps: [[`=COMPETENCY.ROSTERGAP(Roster!B2:AO${last}, Roster!A2:A${last}, Roster!B1:AO1)`]],
        Team: [[`=COMPETENCY.COVERAGE(Roster!B2:AO${last}, "A")`], [`=SUM(Gaps!A1:AN${PEOPLE})`], [`=COUNTIF(Gaps!A1:AN${PEOPLE}, "<0")`]],
        Meets: Array.from({ length: PEOPLE }, (_, i) => [
          `=COMPETENCY.MEETS(Roster!B${i + 2}:AO${i + 2}, COMPETENCY.TARGET(Roster!A${i + 2}, Roster!B$1:AO$1))`,
        ]),
      });
    });
    afterAll(() => setWorkbookFrameworks([]));

    const targetOf = (i: number, j: number) => framework.target(framework.role(roles[i]), framework.competencies[j])!.value;
    const valueOf = (code: string | null) => (code === null ? null : scale.parse(code)!.value);

    it('spills the whole gap matrix in one call, equal to core scoring in every cell', () => {
      const gaps = hf.getSheetValues(hf.getSheetId('Gaps')!);
      expect(gaps).toHaveLength(PEOPLE);
      let mismatches = 0;
      for (let i = 0; i < PEOPLE; i++) {
        for (let j = 0; j < COMPETENCIES; j++) {
          const expected = levelGap(valueOf(ratings[i][j]), targetOf(i, j)) ?? '';
          if (gaps[i][j] !== expected) mismatches++;
        }
      }
      expect(mismatches).toBe(0);
    });

    it("gives team totals, coverage and every person's meets % from the spilled results", () => {
      const team = hf.getSheetId('Team')!;
      let total = 0;
      let below = 0;
      for (let i = 0; i < PEOPLE; i++) {
        for (let j = 0; j < COMPETENCIES; j++) {
          const gap = levelGap(valueOf(ratings[i][j]), targetOf(i, j));
          if (gap !== null) total += gap;
          if (gap !== null && gap < 0) below++;
        }
      }
      expect(hf.getCellValue({ sheet: team, row: 1, col: 0 })).toBe(total);
      expect(hf.getCellValue({ sheet: team, row: 2, col: 0 })).toBe(below);
      const coverage = hf.getSheetValues(team)[0];
      expect(coverage).toHaveLength(COMPETENCIES);
      coverage.forEach((count, j) => expect(count).toBe(ratings.filter((r) => r[j] !== null && valueOf(r[j])! >= 4).length));
      const meetsSheet = hf.getSheetValues(hf.getSheetId('Meets')!);
      for (const i of [0, 1, 777, PEOPLE - 1]) {
        const share = meets(
          ratings[i].map(valueOf),
          ratings[i].map((_, j) => targetOf(i, j)),
        ).share;
        expect(meetsSheet[i][0]).toBeCloseTo(share!, 9);
      }
    });

    it('follows an edited rating through the spill, the totals and the meets %', () => {
      const team = hf.getSheetId('Team')!;
      const before = hf.getCellValue({ sheet: team, row: 1, col: 0 }) as number;
      const oldGap = levelGap(valueOf(ratings[10][5]), targetOf(10, 5)) ?? 0;
      hf.setCellContents({ sheet: hf.getSheetId('Roster')!, row: 11, col: 6 }, [['E']]);
      const newGap = 5 - targetOf(10, 5);
      expect(hf.getCellValue({ sheet: hf.getSheetId('Gaps')!, row: 10, col: 5 })).toBe(newGap);
      expect(hf.getCellValue({ sheet: team, row: 1, col: 0 })).toBe(before - oldGap + newGap);
      const edited = [...ratings[10]];
      edited[5] = 'E';
      const share = meets(
        edited.map(valueOf),
        edited.map((_, j) => targetOf(10, j)),
      ).share;
      expect(hf.getCellValue({ sheet: hf.getSheetId('Meets')!, row: 10, col: 0 })).toBeCloseTo(share!, 9);
    });
  });
});

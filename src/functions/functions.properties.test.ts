/**
 * Properties of the worksheet functions that must hold for any input, on every
 * built-in scale: checked on generated rosters with fast-check.
 */
import fc from 'fast-check';
import { builtInFrameworks } from '../core/frameworks/library';
import type { ScaleLevel } from '../core/framework/schema';
import { declarationOf } from './functionTable';
import { FormulaError } from './formulaError';
import { runFunction } from './runFunction';
import type { CellMatrix, CellValue } from './cellValue';

function call(name: string, ...args: unknown[]): CellMatrix {
  const result = runFunction(declarationOf(name), args.map((a) => (a === undefined ? null : Array.isArray(a) ? a : [[a]])) as CellMatrix[]);
  if (result instanceof FormulaError) throw new Error(`${name} failed as a whole: ${result.code} ${result.message}`);
  return result;
}
const one = (name: string, ...args: unknown[]) => call(name, ...args)[0][0];

const scales = builtInFrameworks().flatMap((f) => f.scales.map((s) => ({ framework: f, scale: s })));

/** Every way people write a level: code, name (any case), value, the source's aliases. */
function spellings(level: ScaleLevel): CellValue[] {
  return [level.code, level.name, level.name.toUpperCase(), level.value, String(level.value), ...(level.aliases ?? [])];
}

const aScale = fc.constantFrom(...scales);
const BLANKS: CellValue[] = [null, '', 'N/A', 'n/a', 'not rated', '-'];
const aBlank = fc.constantFrom(...BLANKS);

describe('properties of the worksheet functions', () => {
  it('round-trips every level of every built-in scale through every spelling', () => {
    for (const { scale } of scales) {
      for (const level of scale.levels) {
        for (const spelling of spellings(level)) {
          expect([scale.id, spelling, one('LEVELVALUE', spelling, scale.id)]).toEqual([scale.id, spelling, level.value]);
        }
        expect(one('LEVELNAME', level.value, scale.id, 'code')).toBe(level.code);
        expect(one('LEVELNAME', level.value, scale.id, 'name')).toBe(level.name);
      }
    }
  });

  it('formats then parses to the same level: LEVELVALUE(LEVELNAME(v)) = v, in either form', () => {
    const aCase = aScale.chain(({ scale }) =>
      fc.record({ scale: fc.constant(scale), level: fc.constantFrom(...scale.levels), form: fc.constantFrom('code', 'name') }),
    );
    fc.assert(
      fc.property(aCase, ({ scale, level, form }) => {
        const written = one('LEVELNAME', level.value, scale.id, form);
        expect(one('LEVELVALUE', written, scale.id)).toBe(level.value);
      }),
    );
  });

  it('is antisymmetric: LEVELGAP(a, b) = -LEVELGAP(b, a), whatever the spellings', () => {
    const aPair = aScale.chain(({ scale }) =>
      fc.record({
        scale: fc.constant(scale),
        a: fc.constantFrom(...scale.levels).chain((l) => fc.constantFrom(...spellings(l))),
        b: fc.constantFrom(...scale.levels).chain((l) => fc.constantFrom(...spellings(l))),
      }),
    );
    fc.assert(
      fc.property(aPair, ({ scale, a, b }) => {
        const ab = one('LEVELGAP', a, b, scale.id) as number;
        const ba = one('LEVELGAP', b, a, scale.id) as number;
        expect(ab).toBe(-ba || 0);
        expect(one('SHORTFALL', a, b, scale.id)).toBe(Math.max(0, -ab));
      }),
    );
  });

  it('never counts a blank as zero: blanks leave MEETS and COVERAGE as if those cells were not there', () => {
    const aRoster = aScale.chain(({ scale }) => {
      const level = fc.constantFrom(...scale.levels.map((l) => l.code));
      return fc.record({
        scale: fc.constant(scale),
        ratings: fc.array(level, { minLength: 1, maxLength: 12 }),
        targets: fc.array(level, { minLength: 12, maxLength: 12 }),
        blanks: fc.array(fc.tuple(fc.nat(12), aBlank), { maxLength: 6 }),
        threshold: level,
      });
    });
    fc.assert(
      fc.property(aRoster, ({ scale, ratings, targets, blanks, threshold }) => {
        const targetsUsed = targets.slice(0, ratings.length);
        const withBlanks: CellValue[] = [...ratings];
        const blanked = new Set<number>();
        for (const [at, blank] of blanks) {
          if (at < withBlanks.length) {
            withBlanks[at] = blank;
            blanked.add(at);
          }
        }
        const kept = (_: unknown, i: number) => !blanked.has(i);
        const expectedMeets = one('MEETS', [ratings.filter(kept)], [targetsUsed.filter(kept)], scale.id);
        expect(one('MEETS', [withBlanks], [targetsUsed], scale.id)).toBe(blanked.size === ratings.length ? '' : expectedMeets);
        const column = (xs: CellValue[]) => xs.map((x) => [x]);
        expect(one('COVERAGE', column(withBlanks), threshold, scale.id)).toBe(
          blanked.size === ratings.length ? 0 : one('COVERAGE', column(ratings.filter(kept)), threshold, scale.id),
        );
        const gaps = call('LEVELGAP', [withBlanks], [targetsUsed], scale.id)[0];
        gaps.forEach((gap, i) => expect(blanked.has(i) ? gap === '' : typeof gap === 'number').toBe(true));
      }),
    );
  });

  it("ROSTERGAP equals LEVELGAP of each rating against TARGET of the person's role, cell for cell", () => {
    const aRoster = fc.constantFrom(...builtInFrameworks()).chain((framework) => {
      // Up to three competencies from each of the framework's scales, so a framework with
      // two scales (ddat-devops: knowledge and skills) gives rosters that mix them.
      const competencies = framework.scales.flatMap((s) =>
        framework.competencies.filter((c) => framework.scaleOf(c).id === s.id).slice(0, 3),
      );
      const ratingOf = (c: (typeof competencies)[number]) =>
        fc.oneof(fc.constantFrom(...framework.scaleOf(c).levels.map((l) => l.code)), aBlank);
      return fc.record({
        framework: fc.constant(framework),
        competencies: fc.constant(competencies),
        people: fc.array(
          fc.record({ role: fc.constantFrom(...framework.roles.map((r) => r.name)), ratings: fc.tuple(...competencies.map(ratingOf)) }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
      });
    });
    fc.assert(
      fc.property(aRoster, ({ framework, competencies, people }) => {
        expect(new Set(competencies.map((c) => framework.scaleOf(c).id)).size).toBe(framework.scales.length);
        const header = [competencies.map((c) => c.name)];
        const matrix = call(
          'ROSTERGAP',
          people.map((p) => p.ratings),
          people.map((p) => [p.role]),
          header,
          framework.id,
        );
        people.forEach((p, i) =>
          competencies.forEach((c, j) => {
            const target = one('TARGET', p.role, c.name, framework.id);
            const expected = target === '' ? '' : one('LEVELGAP', p.ratings[j], target, framework.scaleOf(c).id);
            expect(matrix[i][j]).toBe(expected);
          }),
        );
      }),
      { numRuns: 80 },
    );
  });
});

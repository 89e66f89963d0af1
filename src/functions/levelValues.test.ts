/**
 * The fast path of LEVELGAP, SHORTFALL and LEVELVALUE (levelValues.ts: exact spellings read
 * inline, the rest out of line, one-cell calls without shapes, inferred scales remembered)
 * against the general cell-by-cell runner, which reads each cell through FunctionCall.level:
 * two independent ways to the same answer, compared on generated ranges.
 */
import fc from 'fast-check';
import { builtIn, builtInFrameworks } from '../core/frameworks/library';
import { FrameworkModel } from '../core/framework/model';
import { validateFramework } from '../core/framework/validate';
import type { ScaleLevel } from '../core/framework/schema';
import type { CellMatrix, CellValue } from './cellValue';
import type { CellsDeclaration, LevelValuesDeclaration } from './functionDeclaration';
import { declarationOf } from './functionTable';
import { FormulaError } from './formulaError';
import { setWorkbookFrameworks } from './workbookFrameworks';
import { runFunction, type Argument } from './runFunction';

/** The same function run by the general runner, cell by cell. */
function cellByCell(decl: LevelValuesDeclaration): CellsDeclaration {
  const valueOf = (level: unknown) => (level === null ? null : (level as ScaleLevel).value);
  return {
    name: decl.name,
    layout: 'cells',
    params: decl.params,
    each: ([a, b]) => decl.values(valueOf(a), b === undefined ? null : valueOf(b)),
  };
}

const scales = builtInFrameworks().flatMap((f) => f.scales);
const LISTED: CellMatrix = [['Low'], ['Mid'], ['High']];

/** What people put in level cells: every spelling of a scale, blanks, mistakes, numbers, errors. */
function cellsOf(spellings: readonly CellValue[]): fc.Arbitrary<CellValue> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...spellings) },
    {
      weight: 2,
      arbitrary: fc.constantFrom<CellValue>(null, '', 'N/A', '-', 0, 'Guru', 'b d', 7, 2.5, true, ' A ', 'l3', 'advanced'),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom<CellValue>(new FormulaError('#DIV/0!'), { code: '#REF!' } as never) },
  );
}

function spellingsOf(levels: readonly ScaleLevel[]): CellValue[] {
  return levels.flatMap((l) => [
    l.code,
    l.name,
    l.name.toLowerCase(),
    l.code.toLowerCase(),
    l.value,
    String(l.value),
    ...(l.aliases ?? []),
  ]);
}

function matrixOf(cell: fc.Arbitrary<CellValue>, rows: number, cols: number): fc.Arbitrary<CellMatrix> {
  return fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
}

/** Equal shapes, a column against a row, one cell against a range, ranges that do not overlap. */
function pairOf(cell: fc.Arbitrary<CellValue>): fc.Arbitrary<[CellMatrix, CellMatrix]> {
  const size = fc.integer({ min: 1, max: 5 });
  return fc.oneof(
    fc.tuple(size, size).chain(([r, c]) => fc.tuple(matrixOf(cell, r, c), matrixOf(cell, r, c))),
    fc.tuple(size, size).chain(([r, c]) => fc.tuple(matrixOf(cell, r, 1), matrixOf(cell, 1, c))),
    fc.tuple(size, size).chain(([r, c]) => fc.tuple(matrixOf(cell, 1, 1), matrixOf(cell, r, c))),
    fc.tuple(size, size, size, size).chain(([r, c, r2, c2]) => fc.tuple(matrixOf(cell, r, c), matrixOf(cell, r2, c2))),
  );
}

const aCall = fc
  .record({
    name: fc.constantFrom('LEVELGAP', 'SHORTFALL', 'LEVELVALUE'),
    scale: fc.constantFrom<'listed' | 'inferred' | (typeof scales)[number]>('listed', 'inferred', ...scales),
  })
  .chain(({ name, scale }) => {
    const spellings =
      scale === 'listed' ? ['Low', 'Mid', 'High', 'low', 'HIGH', 1, 3] : spellingsOf((scale === 'inferred' ? scales[0] : scale).levels);
    const scaleArg: Argument = scale === 'listed' ? LISTED : scale === 'inferred' ? null : [[scale.id]];
    return fc.record({
      decl: fc.constant(declarationOf(name) as LevelValuesDeclaration),
      cells: pairOf(cellsOf(spellings)),
      scaleArg: fc.constant(scaleArg),
    });
  });

describe('the fast path of LEVELGAP, SHORTFALL and LEVELVALUE', () => {
  it('gives exactly what the cell-by-cell runner gives, cell for cell and error for error', () => {
    fc.assert(
      fc.property(aCall, ({ decl, cells: [a, b], scaleArg }) => {
        const args: Argument[] = decl.name === 'LEVELVALUE' ? [a, scaleArg] : [a, b, scaleArg];
        expect(runFunction(decl, args)).toStrictEqual(runFunction(cellByCell(decl), args));
      }),
      { numRuns: 400 },
    );
  });

  it('gives exactly what the cell-by-cell runner gives when called once per cell, as Excel does', () => {
    const gap = declarationOf('LEVELGAP') as LevelValuesDeclaration;
    fc.assert(
      fc.property(
        fc.constantFrom(...scales).chain((s) => fc.array(fc.tuple(cellsOf(spellingsOf(s.levels)), cellsOf(spellingsOf(s.levels))))),
        fc.boolean(),
        (pairs, given) => {
          for (const [x, y] of pairs) {
            const args: Argument[] = [[[x]], [[y]], given ? [['mit-devops']] : null];
            expect(runFunction(gap, args)).toStrictEqual(runFunction(cellByCell(gap), args));
          }
        },
      ),
    );
  });
});

describe('one-cell calls with the scale left out', () => {
  afterEach(() => setWorkbookFrameworks([]));

  it('infer the scale afresh once the workbook brings a framework that reads their levels', () => {
    const gap = declarationOf('LEVELGAP');
    const guruGap = () => runFunction(gap, [[['Guru']], [['Guru']], null]);
    expect(guruGap()).toEqual(new FormulaError('#VALUE!', expect.stringContaining('"Guru" is not a level of any scale') as never));

    const source = structuredClone(builtIn('kaairo-devops').data);
    source.scales[0].levels[4].aliases = ['Guru'];
    const result = validateFramework({ ...source, id: 'acme', name: 'ACME DevOps' });
    if (!result.framework) throw new Error(JSON.stringify(result.errors));
    setWorkbookFrameworks([new FrameworkModel(result.framework)]);
    expect(guruGap()).toEqual([[0]]);

    setWorkbookFrameworks([]);
    expect(guruGap()).toBeInstanceOf(FormulaError);
  });
});

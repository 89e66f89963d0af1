import fc from 'fast-check';
import type { ScaleData, ScaleLevel } from './framework/schema';
import { builtIn } from './frameworks/library';
import { isNotRated, normaliseLevelText, Scale } from './scale';
import { CompetencyError, listForHumans } from './problems';

const mit = builtIn('mit-devops').scale('mit-proficiency');
const kaairo = builtIn('kaairo-devops').scale('kaairo-proficiency');
const ddat = builtIn('ddat-devops');
const depth = ddat.scale('ddat-depth');
const skill = ddat.scale('ddat-skill-level');

describe('reading a level', () => {
  it('resolves a code, in any case', () => {
    expect(mit.parse('A')?.name).toBe('Advanced');
    expect(mit.parse('bd')?.name).toBe('Being Developed');
  });

  it('resolves a name in any case or spacing', () => {
    expect(mit.parse('  advanced ')?.code).toBe('A');
    expect(mit.parse('BEING   developed')?.code).toBe('BD');
    expect(kaairo.parse('Proficient')?.value).toBe(3);
  });

  it('resolves a number as the level value', () => {
    expect(kaairo.parse(4)?.name).toBe('Advanced');
    expect(kaairo.parse('4')?.name).toBe('Advanced');
    expect(mit.parse(2)?.code).toBe('B');
  });

  it("resolves the sources' own spellings", () => {
    expect(kaairo.parse('Advanced (4/5)')?.value).toBe(4);
    expect(skill.parse('3 – Practitioner')?.name).toBe('Practitioner');
    expect(skill.parse('3 - practitioner')?.name).toBe('Practitioner');
    expect(depth.parse('Proficient in')?.code).toBe('Proficient');
    expect(depth.parse('familiar with')?.code).toBe('Familiar');
  });

  it('refuses a compound spelling whose parts disagree', () => {
    expect(() => kaairo.parse('Advanced (2/5)')).toThrow(CompetencyError);
  });

  it('treats blank and N/A as not rated, never as a level', () => {
    for (const blank of [null, undefined, '', '   ', 'N/A', 'n/a', 'NA', 'not rated']) {
      expect(mit.parse(blank)).toBeNull();
      expect(isNotRated(blank)).toBe(true);
    }
    expect(isNotRated('B')).toBe(false);
  });

  it('gives a typed error that names the valid levels for anything else', () => {
    let error: unknown;
    try {
      mit.parse('Guru');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CompetencyError);
    expect((error as CompetencyError).kind).toBe('unknown-level');
    expect((error as CompetencyError).message).toBe(
      '"Guru" is not a level of the Proficiency level scale; use BD (Being Developed), B (Basic), I (Intermediate), A (Advanced) or E (Expert), or leave it blank for not rated',
    );
  });

  it('refuses numbers that are not a level value', () => {
    expect(() => kaairo.parse(7)).toThrow(/"7" is not a level/);
    expect(() => kaairo.parse(Number.NaN)).toThrow(CompetencyError);
  });

  it('ranks levels from the lowest', () => {
    expect(mit.rank(mit.parse('BD')!)).toBe(0);
    expect(mit.rank(mit.parse('E')!)).toBe(4);
  });

  it('resolves every level of every built-in scale by its code, its name and its value', () => {
    for (const id of ['mit-devops', 'ddat-devops', 'canon-devops-p3', 'sre-ladder', 'kaairo-devops']) {
      for (const scale of builtIn(id).scales) {
        for (const level of scale.levels) {
          expect(scale.parse(level.code)).toBe(level);
          expect(scale.parse(level.name.toUpperCase())).toBe(level);
          expect(scale.parse(level.value)).toBe(level);
          for (const alias of level.aliases ?? []) expect(scale.parse(alias)).toBe(level);
        }
      }
    }
  });

  it('prefers a code over a name when a spelling is both', () => {
    const s = new Scale({
      id: 'x',
      name: 'X',
      levels: [
        { code: 'B', name: 'A', value: 1 },
        { code: 'A', name: 'Other', value: 2 },
      ],
    });
    expect(s.parse('A')?.value).toBe(2);
  });
});

/**
 * Scale.parse as it was before the exact-spelling table (src/core/spellingTable.ts): the
 * reference the fast path must match for every input, level for level and message for message.
 */
function referenceParser(data: ScaleData): (raw: unknown) => ScaleLevel | null {
  const NOT_RATED = new Set(['', 'n/a', 'na', 'n.a.', 'not rated', 'not applicable', '-', '–', '—']);
  const byToken = new Map<string, ScaleLevel>();
  const byValue = new Map<number, ScaleLevel>();
  for (const level of data.levels) byValue.set(level.value, level);
  const add = (token: string, level: ScaleLevel) => {
    if (!byToken.has(token)) byToken.set(token, level);
  };
  for (const level of data.levels) add(level.code, level);
  for (const level of data.levels) add(normaliseLevelText(level.code), level);
  for (const level of data.levels) add(normaliseLevelText(level.name), level);
  for (const level of data.levels) for (const a of level.aliases ?? []) add(normaliseLevelText(a), level);
  for (const level of data.levels) add(String(level.value), level);
  const describeLevels = () => listForHumans(data.levels.map((l) => (l.code === l.name ? l.code : `${l.code} (${l.name})`)));
  const unknown = (text: string) => {
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    return new CompetencyError(
      'unknown-level',
      `"${shown}" is not a level of the ${data.name} scale; use ${describeLevels()}, or leave it blank for not rated`,
    );
  };
  const parseCompound = (norm: string): ScaleLevel | undefined => {
    const agree = (a: ScaleLevel | undefined, b: ScaleLevel | undefined) => (a && a === b ? a : undefined);
    let m = /^(.+?) ?\((\d+(?:\.\d+)?) ?\/ ?\d+\)$/.exec(norm);
    if (m) return agree(byToken.get(m[1]), byValue.get(Number(m[2])));
    m = /^(\d+(?:\.\d+)?) ?[-:.] ?(.+)$/.exec(norm);
    if (m) return agree(byValue.get(Number(m[1])), byToken.get(m[2]));
    m = /^(.+?) ?\((.+)\)$/.exec(norm);
    if (m) {
      const a = byToken.get(m[1]);
      const b = byToken.get(m[2]);
      return a && b ? agree(a, b) : undefined;
    }
    m = /^level ?(\d+(?:\.\d+)?)$/.exec(norm);
    if (m) return byValue.get(Number(m[1]));
    return undefined;
  };
  return (raw: unknown) => {
    if (raw === null || raw === undefined) return null;
    if (typeof raw === 'number') {
      if (!Number.isFinite(raw)) throw unknown(String(raw));
      const level = byValue.get(raw);
      if (level) return level;
      throw unknown(String(raw));
    }
    if (typeof raw === 'boolean') throw unknown(String(raw));
    const text = String(raw);
    const direct = byToken.get(text);
    if (direct) return direct;
    const norm = normaliseLevelText(text);
    if (NOT_RATED.has(norm)) return null;
    const found = byToken.get(norm) ?? parseCompound(norm);
    if (found) return found;
    throw unknown(text);
  };
}

/** What a parse gives, comparable: the level itself, null, or the error's kind and message. */
function outcome(parse: (raw: unknown) => ScaleLevel | null, raw: unknown): unknown {
  try {
    return parse(raw);
  } catch (e) {
    return e instanceof CompetencyError ? { kind: e.kind, message: e.message } : e;
  }
}

/** A made-up scale: short codes that share letters and lengths, names, aliases, any values. */
const aScaleData: fc.Arbitrary<ScaleData> = fc
  .uniqueArray(
    fc.record({
      code: fc.stringMatching(/^[A-Za-z0-9 ]{1,4}$/),
      name: fc.stringMatching(/^[A-Za-z][a-z ]{0,12}$/),
      value: fc.oneof(fc.integer({ min: -2, max: 9 }), fc.double({ min: -5, max: 10, noNaN: true })),
      aliases: fc.option(fc.array(fc.stringMatching(/^[A-Za-z0-9()/ -]{1,10}$/), { maxLength: 2 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 8, selector: (l) => l.value },
  )
  .map((levels) => ({ id: 'made-up', name: 'Made-up', levels }));

const builtInScales = ['mit-devops', 'ddat-devops', 'canon-devops-p3', 'sre-ladder', 'kaairo-devops'].flatMap((id) => builtIn(id).scales);

/** One character of any kind: ASCII, accented, a dash or quote that normalising straightens, astral. */
const aCharacter = fc.oneof(
  fc.string({ minLength: 1, maxLength: 1 }),
  fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
  fc.constantFrom('‐', '’', '\u00a0', 'Ａ'),
);

/** Inputs near the scale's own spellings (case, spacing, one character changed) and anything else. */
function inputsFor(data: ScaleData): fc.Arbitrary<unknown> {
  const spellings = data.levels.flatMap((l) => [l.code, l.name, String(l.value), ...(l.aliases ?? [])]);
  const near = fc.constantFrom(...spellings).chain((s) =>
    fc.oneof(
      fc.constant(s),
      fc.constant(s.toLowerCase()),
      fc.constant(s.toUpperCase()),
      fc.constant(` ${s} `),
      fc.tuple(fc.nat(s.length), aCharacter).map(([i, c]) => s.slice(0, i) + c + s.slice(i + 1)),
      fc.tuple(fc.nat(s.length), aCharacter).map(([i, c]) => s.slice(0, i) + c + s.slice(i)),
    ),
  );
  return fc.oneof(
    near,
    fc.string({ maxLength: 4 }),
    fc.string({ maxLength: 4, unit: 'grapheme' }),
    fc.stringMatching(/^[A-Za-z0-9 ()/.:–-]{0,6}$/),
    fc.constantFrom(null, undefined, true, false, NaN, Infinity, 0, '', 'N/A', '-', '—'),
    fc.double(),
    fc.integer({ min: -3, max: 12 }),
  );
}

describe('the fast path for exact spellings', () => {
  it('reads every input exactly as the parser did before it, on every built-in scale', () => {
    for (const scale of builtInScales) {
      const reference = referenceParser(scale.data);
      fc.assert(
        fc.property(inputsFor(scale.data), (raw) => {
          expect(outcome((r) => scale.parse(r), raw)).toEqual(outcome(reference, raw));
        }),
        { numRuns: 500 },
      );
    }
  });

  it('reads every input exactly as the parser did before it, on made-up scales with clashing short codes', () => {
    fc.assert(
      fc.property(
        aScaleData.chain((data) => fc.tuple(fc.constant(data), fc.array(inputsFor(data), { minLength: 1, maxLength: 30 }))),
        ([data, inputs]) => {
          const scale = new Scale(data);
          const reference = referenceParser(data);
          for (const raw of inputs) expect(outcome((r) => scale.parse(r), raw)).toEqual(outcome(reference, raw));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('holds every code of every built-in scale, so rosters of codes take the fast path', () => {
    for (const scale of builtInScales) {
      for (const level of scale.levels) expect([scale.id, scale.spellings.get(level.code)]).toEqual([scale.id, level]);
    }
  });
});

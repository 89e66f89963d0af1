import fc from 'fast-check';
import { SpellingTable } from './spellingTable';

/** Short texts that often share a length and a last character, plus any text at all. */
const aSpelling = fc.oneof(
  fc.stringMatching(/^[A-Ca-c1-3 ]{0,3}$/),
  fc.string({ maxLength: 6 }),
  fc.string({ maxLength: 3, unit: 'binary' }),
);

describe('a table of exact spellings', () => {
  it('answers only for a spelling it holds, with that spelling’s value', () => {
    fc.assert(
      fc.property(fc.uniqueArray(aSpelling, { maxLength: 40 }), fc.array(aSpelling, { maxLength: 40 }), (spellings, probes) => {
        const table = SpellingTable.of(
          spellings.map((s, i) => [s, i] as const),
          -1,
        );
        for (const probe of [...probes, ...spellings]) {
          const got = table.get(probe);
          if (got !== undefined) expect(spellings[got]).toBe(probe);
        }
      }),
    );
  });

  it('leaves a spelling out only when an earlier one holds its place', () => {
    fc.assert(
      fc.property(fc.uniqueArray(aSpelling, { maxLength: 40 }), (spellings) => {
        const table = SpellingTable.of(
          spellings.map((s, i) => [s, i] as const),
          -1,
        );
        spellings.forEach((s, i) => {
          if (table.get(s) === i) return;
          const holder = table.keys[table.slotOf(s)];
          expect(holder).not.toBeNull();
          expect(spellings.indexOf(holder as string)).toBeLessThan(i);
        });
      }),
    );
  });

  it('holds every spelling of a typical scale: codes, numbers and names', () => {
    const spellings = ['BD', 'B', 'I', 'A', 'E', '1', '2', '3', '4', '5', 'being developed', 'basic', 'intermediate', 'advanced', 'expert'];
    const table = SpellingTable.of(
      spellings.map((s, i) => [s, i] as const),
      -1,
    );
    expect(spellings.map((s) => table.get(s))).toEqual(spellings.map((_, i) => i));
    expect(table.get('b')).toBeUndefined();
    expect(table.get('')).toBeUndefined();
    expect(table.get('BD ')).toBeUndefined();
  });

  it('keeps the same spellings with new values when mapped', () => {
    const table = SpellingTable.of(
      [
        ['L1', 1],
        ['L2', 2],
        ['Lead', 4],
      ] as const,
      0,
    );
    const doubled = table.map((v) => v * 2, 0);
    expect(['L1', 'L2', 'Lead', 'L3'].map((s) => doubled.get(s))).toEqual([2, 4, 8, undefined]);
  });

  it('works with no spellings at all', () => {
    const table = SpellingTable.of<number>([], -1);
    expect(table.get('')).toBeUndefined();
    expect(table.get('A')).toBeUndefined();
  });
});

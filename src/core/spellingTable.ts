/**
 * Exact spellings (a scale's codes, names, aliases) looked up without hashing
 * the whole string: a small perfect table placed by the text's length and its
 * first and last characters, the hit confirmed with ===. Reading a level is
 * the inner loop of scoring a roster (200,000 cells for 5,000 people x 40
 * competencies) and this costs a few character reads, where a Map or an
 * object lookup costs a call into the engine's hash lookup.
 *
 * A text that is not in the table answers "not here" (-1 as a slot, undefined
 * as a value), never a wrong answer: callers fall back to their Map. Entries
 * that would collide with an earlier one are left out, so the table only ever
 * speeds things up.
 */
export class SpellingTable<T> {
  private constructor(
    /** Spelling held in each slot; null where the slot is empty. */
    readonly keys: readonly (string | null)[],
    /** Value of each slot's spelling. */
    readonly values: readonly T[],
    private readonly multiplier: number,
    private readonly shift: number,
  ) {}

  /**
   * Builds the table from spellings in order of priority (an earlier entry
   * keeps its slot when two collide; the later one is simply left out).
   */
  static of<T>(entries: Iterable<readonly [string, T]>, empty: T): SpellingTable<T> {
    const list = [...entries];
    // About four slots per entry: a multiplier that places every entry is then found in a few tries.
    let bits = 4;
    while (bits < 12 && 1 << bits < list.length * 4) bits++;
    const shift = 32 - bits;
    const place = (multiplier: number) => {
      const keys = new Array<string | null>(1 << bits).fill(null);
      const values = new Array<T>(1 << bits).fill(empty);
      let placed = 0;
      for (const [text, value] of list) {
        const slot = Math.imul(signature(text), multiplier) >>> shift;
        if (keys[slot] !== null) continue;
        keys[slot] = text;
        values[slot] = value;
        placed++;
      }
      return { keys, values, multiplier, placed };
    };
    let best = place(0x9e3779b1 | 0);
    for (let attempt = 1, m = best.multiplier; attempt < 64 && best.placed < list.length; attempt++) {
      m = (m + 0x6d2b79f6) | 0;
      const next = place(m);
      if (next.placed > best.placed) best = next;
    }
    return new SpellingTable(best.keys, best.values, best.multiplier, shift);
  }

  /** The only slot where this text can be; it is there when keys[slot] === text. */
  slotOf(text: string): number {
    return Math.imul(signature(text), this.multiplier) >>> this.shift;
  }

  /** The value stored for exactly this text, or undefined when it is not in the table. */
  get(text: string): T | undefined {
    const slot = this.slotOf(text);
    return this.keys[slot] === text ? this.values[slot] : undefined;
  }

  /** The same spellings in the same slots with other values (e.g. a level's value instead of the level). */
  map<U>(fn: (value: T) => U, empty: U): SpellingTable<U> {
    const values = this.keys.map((k, i) => (k === null ? empty : fn(this.values[i])));
    return new SpellingTable(this.keys, values, this.multiplier, this.shift);
  }
}

/** Length, first and last character: enough to tell a scale's spellings apart. "" gives 0 (NaN | 0). */
function signature(text: string): number {
  const n = text.length;
  return (n << 16) ^ text.charCodeAt(n - 1);
}

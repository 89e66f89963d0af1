/**
 * A proficiency scale: ordered levels and the parsing of whatever people type
 * for a level. Lookups are a single Map hit on the raw text for the spellings
 * people use most (codes, names, numbers), so scoring stays fast on big rosters.
 */
import type { ScaleData, ScaleLevel } from './framework/schema';
import { CompetencyError, listForHumans } from './problems';
import { SpellingTable } from './spellingTable';

/** What a cell holds once parsed: a level, or "not rated" (never zero). */
export type ParsedLevel = ScaleLevel | null;

const NOT_RATED = new Set(['', 'n/a', 'na', 'n.a.', 'not rated', 'not applicable', '-', '–', '—']);

/** Lower-case, straighten dashes and quotes, collapse white space. */
export function normaliseLevelText(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export class Scale {
  readonly id: string;
  readonly name: string;
  readonly levels: readonly ScaleLevel[];
  readonly data: ScaleData;
  private readonly byToken = new Map<string, ScaleLevel>();
  private readonly byValue = new Map<number, ScaleLevel>();
  private readonly indexOf = new Map<ScaleLevel, number>();
  /**
   * The exact spellings of byToken in a table read by a few character codes:
   * the fast path for the codes and names that fill a roster. Loops over big
   * ranges (the worksheet functions) use it directly; anything not in it goes
   * through the Map as before.
   */
  readonly spellings: SpellingTable<ScaleLevel | undefined>;

  constructor(data: ScaleData) {
    this.data = data;
    this.id = data.id;
    this.name = data.name;
    this.levels = data.levels;
    data.levels.forEach((level, i) => {
      this.indexOf.set(level, i);
      this.byValue.set(level.value, level);
    });
    // Later entries never replace earlier ones: codes win over names over aliases.
    const add = (token: string, level: ScaleLevel) => {
      if (!this.byToken.has(token)) this.byToken.set(token, level);
    };
    for (const level of data.levels) add(level.code, level);
    for (const level of data.levels) add(normaliseLevelText(level.code), level);
    for (const level of data.levels) add(normaliseLevelText(level.name), level);
    for (const level of data.levels) for (const a of level.aliases ?? []) add(normaliseLevelText(a), level);
    for (const level of data.levels) add(String(level.value), level);
    this.spellings = SpellingTable.of(this.byToken, undefined);
  }

  get lowest(): ScaleLevel {
    return this.levels[0];
  }
  get highest(): ScaleLevel {
    return this.levels[this.levels.length - 1];
  }

  /** Position of a level on the scale, 0 for the lowest. */
  rank(level: ScaleLevel): number {
    return this.indexOf.get(level) ?? -1;
  }

  byCode(code: string): ScaleLevel | undefined {
    return this.levels.find((l) => l.code === code);
  }

  levelOfValue(value: number): ScaleLevel | undefined {
    return this.byValue.get(value);
  }

  /** The valid spellings, for error messages: "BD (Being Developed), B (Basic), ...". */
  describeLevels(): string {
    return listForHumans(this.levels.map((l) => (l.code === l.name ? l.code : `${l.code} (${l.name})`)));
  }

  /**
   * Resolves a level from a code, a name (any case or spacing), a number, or the
   * sources' own spellings ("Advanced (4/5)", "3 – Practitioner", "Proficient in").
   * Blank and N/A give null (not rated). Anything else throws an unknown-level error.
   */
  parse(raw: unknown): ParsedLevel {
    if (typeof raw === 'string') {
      const exact = this.spellings.get(raw); // the same answer as byToken.get(raw), found faster
      if (exact) return exact;
    }
    if (raw === null || raw === undefined) return null;
    if (typeof raw === 'number') {
      if (!Number.isFinite(raw)) throw this.unknown(String(raw));
      const level = this.byValue.get(raw);
      if (level) return level;
      throw this.unknown(String(raw));
    }
    if (typeof raw === 'boolean') throw this.unknown(String(raw));
    const text = String(raw);
    const direct = this.byToken.get(text);
    if (direct) return direct;
    const norm = normaliseLevelText(text);
    if (NOT_RATED.has(norm)) return null;
    const found = this.byToken.get(norm) ?? this.parseCompound(norm);
    if (found) return found;
    throw this.unknown(text);
  }

  /** parse() without the exception: undefined for text that is not a level. */
  tryParse(raw: unknown): ParsedLevel | undefined {
    try {
      return this.parse(raw);
    } catch {
      return undefined;
    }
  }

  /** "Advanced (4/5)", "3 - Practitioner", "Level 3", "L3": parts must agree. */
  private parseCompound(norm: string): ScaleLevel | undefined {
    const agree = (a: ScaleLevel | undefined, b: ScaleLevel | undefined) => (a && a === b ? a : undefined);
    let m = /^(.+?) ?\((\d+(?:\.\d+)?) ?\/ ?\d+\)$/.exec(norm);
    if (m) return agree(this.byToken.get(m[1]), this.byValue.get(Number(m[2])));
    m = /^(\d+(?:\.\d+)?) ?[-:.] ?(.+)$/.exec(norm);
    if (m) return agree(this.byValue.get(Number(m[1])), this.byToken.get(m[2]));
    m = /^(.+?) ?\((.+)\)$/.exec(norm);
    if (m) {
      const a = this.byToken.get(m[1]);
      const b = this.byToken.get(m[2]);
      return a && b ? agree(a, b) : undefined;
    }
    m = /^level ?(\d+(?:\.\d+)?)$/.exec(norm);
    if (m) return this.byValue.get(Number(m[1]));
    return undefined;
  }

  private unknown(text: string): CompetencyError {
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    return new CompetencyError(
      'unknown-level',
      `"${shown}" is not a level of the ${this.name} scale; use ${this.describeLevels()}, or leave it blank for not rated`,
    );
  }
}

/** Is this cell "not rated"? Blank, N/A and friends. */
export function isNotRated(raw: unknown): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw !== 'string') return false;
  return NOT_RATED.has(normaliseLevelText(raw));
}

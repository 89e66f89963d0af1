/**
 * The scale of a call whose scale argument was left out: the one scale that
 * reads every level in the call. Levels no scale reads are left to fail on
 * their own cell. When several scales read them all, the call still works if
 * they agree (same values, e.g. plain numbers); otherwise the user is asked
 * for the scale, because the answer would depend on a guess: MIT "Basic" to
 * "Advanced" is -2, Kaairo's is -3.
 */
import type { ScaleLevel } from '../core/framework/schema';
import { isNotRated, type Scale } from '../core/scale';
import { CompetencyError, isCompetencyError, listForHumans } from '../core/problems';
import { describeScale, knownScales, scaleChoicesForHumans } from './catalogue';
import { registryVersion } from './frameworkRegistry';

/** What "agree" means: the same value (scoring), or the same level spelled the same (LEVELNAME). */
export type Agreement = 'value' | 'spelling';

let readersVersion = -1;
const readersCache = new Map<unknown, readonly number[] | null>();
const READERS_LIMIT = 10_000;

/**
 * Indexes (into knownScales()) of the scales that read this token as a level;
 * null for a "not rated" spelling (N/A, -, ...), which says nothing about the scale.
 */
function readersOf(token: unknown): readonly number[] | null {
  const version = registryVersion();
  if (version !== readersVersion || readersCache.size > READERS_LIMIT) {
    readersCache.clear();
    readersVersion = version;
  }
  let readers = readersCache.get(token);
  if (readers === undefined) {
    if (isNotRated(token)) {
      readers = null;
    } else {
      const found: number[] = [];
      knownScales().forEach((k, i) => {
        if (k.scale.tryParse(token)) found.push(i);
      });
      readers = found;
    }
    readersCache.set(token, readers);
  }
  return readers;
}

function same(a: ScaleLevel, b: ScaleLevel, agreement: Agreement): boolean {
  return a.value === b.value && (agreement === 'value' || (a.code === b.code && a.name === b.name));
}

function quote(tokens: readonly unknown[]): string {
  return listForHumans(
    tokens.slice(0, 3).map((t) => `"${String(t)}"`),
    'and',
  );
}

/** Cells that may name a level: not blank, not an error, not Excel desktop's 0 for an empty cell. */
export function mayNameLevel(cell: unknown): boolean {
  return cell !== null && cell !== undefined && cell !== 0 && cell !== '' && typeof cell !== 'object';
}

export function inferScale(tokens: Iterable<unknown>, agreement: Agreement): Scale {
  const scales = knownScales();
  let candidates: readonly number[] | undefined;
  const read: unknown[] = [];
  let unread: unknown;
  for (const token of tokens) {
    const readers = readersOf(token);
    if (readers === null) continue;
    if (readers.length === 0) {
      unread ??= token;
      continue;
    }
    const next: readonly number[] = candidates === undefined ? readers : candidates.filter((i) => readers.includes(i));
    if (next.length === 0) {
      const readersOfEarlier = (t: unknown) => readersOf(t) ?? [];
      const earlier = read.find((t) => readersOfEarlier(t).every((i) => !readers.includes(i))) ?? read[0];
      throw new CompetencyError(
        'invalid-argument',
        `${quote([earlier])} and ${quote([token])} are levels of different scales (${describeScale(scales[readersOfEarlier(earlier)[0]].scale)}, ${describeScale(scales[readers[0]].scale)}); give the scale: ${scaleChoicesForHumans()}`,
      );
    }
    candidates = next;
    read.push(token);
  }
  if (candidates === undefined) {
    if (unread !== undefined) {
      throw new CompetencyError(
        'unknown-level',
        `"${String(unread)}" is not a level of any scale the functions know; give the scale: ${scaleChoicesForHumans()}`,
      );
    }
    return scales[0].scale; // nothing but blanks: every result is blank whatever the scale
  }
  if (candidates.length > 1) {
    const first = scales[candidates[0]].scale;
    const disagree = read.filter((t) => {
      const a = first.parse(t) as ScaleLevel;
      return candidates.some((i) => !same(a, scales[i].scale.parse(t) as ScaleLevel, agreement));
    });
    if (disagree.length) {
      const names = candidates.map((i) => describeScale(scales[i].scale));
      throw new CompetencyError(
        'invalid-argument',
        `${quote(disagree)} ${disagree.length === 1 ? 'means' : 'mean'} different levels on ${listForHumans(names, 'and')}; give the scale, e.g. "${scales[candidates[candidates.length - 1]].framework.id}"`,
      );
    }
  }
  return scales[candidates[0]].scale;
}

type Inferred = Scale | CompetencyError;

let pairsVersion = -1;
let pairsCount = 0;
const pairs: Record<Agreement, Map<unknown, Map<unknown, Inferred>>> = { value: new Map(), spelling: new Map() };

/**
 * inferScale for a call whose level arguments are one or two single cells (undefined for
 * none), the way Excel calls a formula filled down a roster: once per cell, with a handful
 * of distinct pairs. Each pair's answer, error included, is remembered until the known
 * frameworks change, so those calls skip building and intersecting the candidate lists.
 */
export function inferScaleOfCells(first: unknown, second: unknown, agreement: Agreement): Scale {
  const version = registryVersion();
  if (version !== pairsVersion || pairsCount > READERS_LIMIT) {
    pairs.value.clear();
    pairs.spelling.clear();
    pairsCount = 0;
    pairsVersion = version;
  }
  // Only cells that may name a level are tokens; keying the rest (blanks, errors) as undefined
  // keeps error objects, new in every call, out of the cache.
  const a = mayNameLevel(first) ? first : undefined;
  const b = mayNameLevel(second) ? second : undefined;
  const byFirst = pairs[agreement];
  let bySecond = byFirst.get(a);
  if (!bySecond) byFirst.set(a, (bySecond = new Map()));
  let inferred = bySecond.get(b);
  if (inferred === undefined) {
    const tokens = new Set<unknown>();
    if (a !== undefined) tokens.add(a);
    if (b !== undefined) tokens.add(b);
    try {
      inferred = inferScale(tokens, agreement);
    } catch (e) {
      if (!isCompetencyError(e)) throw e;
      inferred = e;
    }
    bySecond.set(b, inferred);
    pairsCount++;
  }
  if (inferred instanceof CompetencyError) throw inferred;
  return inferred;
}

/**
 * Valid, unique worksheet names: at most 31 characters, none of []:*?/\, not
 * starting or ending with an apostrophe, not "History", unique ignoring case.
 * A name cut to length must still follow these rules: the cut never splits a
 * character made of two UTF-16 units (an emoji), which Excel refuses, and
 * never leaves an apostrophe at the end.
 */
const FORBIDDEN = /[[\]:*?/\\]/g;
const MAX = 31;

/** Apostrophes and spaces off both ends, until none is left there. */
function trimEnds(name: string): string {
  return name.replace(/^[\s']+|[\s']+$/g, '');
}

/** At most `max` UTF-16 units, cut between characters, with its ends tidied again. */
function cut(name: string, max: number): string {
  if (name.length <= max) return name;
  let end = max;
  // A high surrogate last would be half an emoji: drop it with its other half.
  if (/[\uD800-\uDBFF]/.test(name[end - 1])) end--;
  return trimEnds(name.slice(0, end));
}

export function cleanSheetName(wanted: string): string {
  let name = trimEnds(wanted.replace(FORBIDDEN, ' ').replace(/\s+/g, ' '));
  // Lone surrogate halves (from broken input) are not characters Excel takes.
  name = name.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
  if (!name) name = 'Sheet';
  if (name.toLowerCase() === 'history') name = 'History (CM)';
  return cut(name, MAX) || 'Sheet';
}

/** The first of "Name", "Name (2)", "Name (3)"... that is not taken (case-insensitive). */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set(Array.from(taken, (n) => n.toLowerCase()));
  const base = cleanSheetName(wanted);
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = cut(base, MAX - suffix.length) + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

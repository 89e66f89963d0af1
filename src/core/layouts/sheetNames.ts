/**
 * Valid, unique worksheet names: at most 31 characters, none of []:*?/\, not
 * starting or ending with an apostrophe, not "History", unique ignoring case.
 */
const FORBIDDEN = /[[\]:*?/\\]/g;
const MAX = 31;

export function cleanSheetName(wanted: string): string {
  let name = wanted
    .replace(FORBIDDEN, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  if (!name) name = 'Sheet';
  if (name.toLowerCase() === 'history') name = 'History (CM)';
  return name.slice(0, MAX).trim();
}

/** The first of "Name", "Name (2)", "Name (3)"... that is not taken (case-insensitive). */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set(Array.from(taken, (n) => n.toLowerCase()));
  const base = cleanSheetName(wanted);
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = base.slice(0, MAX - suffix.length).trim() + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

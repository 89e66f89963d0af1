/**
 * Formula-like text: names and descriptors that start the way a spreadsheet
 * formula does ("=", "+", "-", "@"). Text stays text: imports keep it as text
 * and say so in a warning; CSV exports guard it with a leading apostrophe (the
 * spreadsheet convention for "this is text"), which CSV imports remove again.
 */
import type { Framework } from '../framework/validate';
import type { Issue } from '../problems';

/**
 * Would a spreadsheet read this as a formula if it were typed in? "- item"
 * bullets (a dash then a space) are prose, and so is a lone "-".
 */
export function isFormulaLike(text: string): boolean {
  return /^[=@]/.test(text) || /^[+-][^\s]/.test(text);
}

// What CSV exports guard: every start a spreadsheet might evaluate, bullets included,
// and text that already starts with apostrophes before one of those.
const NEEDS_GUARD = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

/** For a CSV cell: prefixes an apostrophe where a spreadsheet could evaluate the text. */
export function guardCsvText(text: string): string {
  return NEEDS_GUARD.test(text) ? `'${text}` : text;
}

/** Inverse of guardCsvText: removes the one apostrophe it added. */
export function unguardCsvText(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}

function* textFields(fw: Framework): Generator<[string, string]> {
  yield ['name', fw.name];
  for (const [i, s] of fw.scales.entries()) {
    yield [`scales[${i}].name`, s.name];
    for (const [j, l] of s.levels.entries()) {
      yield [`scales[${i}].levels[${j}].code`, l.code];
      yield [`scales[${i}].levels[${j}].name`, l.name];
    }
  }
  for (const [i, c] of fw.categories.entries()) yield [`categories[${i}].name`, c.name];
  for (const [i, r] of fw.roles.entries()) {
    yield [`roles[${i}].name`, r.name];
    if (r.code !== undefined) yield [`roles[${i}].code`, r.code];
  }
  for (const [i, c] of fw.competencies.entries()) {
    yield [`competencies[${i}].name`, c.name];
    if (c.definition !== undefined) yield [`competencies[${i}].definition`, c.definition];
    for (const [code, text] of Object.entries(c.descriptors ?? {})) yield [`competencies[${i}].descriptors.${code}`, text];
  }
}

/** One warning per formula-like name, code, definition or descriptor (the text a matrix shows in cells). */
export function formulaLikeWarnings(fw: Framework, locate: (path: string) => string = (p) => p): Issue[] {
  const out: Issue[] = [];
  for (const [path, text] of textFields(fw)) {
    if (!isFormulaLike(text)) continue;
    const shown = text.length > 30 ? `${text.slice(0, 30)}…` : text;
    out.push({
      path: locate(path),
      message: `"${shown}" starts like a spreadsheet formula; it is kept as text and will never be calculated`,
    });
  }
  return out;
}

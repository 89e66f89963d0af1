/**
 * Sheet references inside formulas, rewritten when a sheet gets another name
 * than the plan wanted (a clash with a user's sheet, a temporary name while a
 * sheet is being built). Only references (`Name!A1`, `'Team grid'!A1`) change:
 * text inside string literals and function names are left alone.
 */
import { quoteSheet } from './a1';

/** Old sheet name (any case) -> new name. */
export type SheetRenames = ReadonlyMap<string, string>;

/** Builds the lookup `renameSheetRefs` expects from wanted -> actual pairs; pairs that do not change are dropped. */
export function sheetRenames(pairs: Iterable<[string, string]>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [from, to] of pairs) if (from !== to) out.set(from.toLowerCase(), to);
  return out;
}

const IDENT_START = /[A-Za-z_\u00C0-\uFFFF]/;
const IDENT_PART = /[A-Za-z0-9_.\u00C0-\uFFFF]/;

/** Rewrites every sheet reference in an A1 formula (with or without the leading "="). */
export function renameSheetRefs(formula: string, renames: SheetRenames): string {
  if (renames.size === 0 || !formula.includes('!')) return formula;
  let out = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"') {
      // A string literal, with "" as an escaped quote: copied untouched.
      let j = i + 1;
      while (j < n) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = '';
      while (j < n) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += formula[j++];
      }
      const renamed = formula[j + 1] === '!' ? renames.get(name.toLowerCase()) : undefined;
      out += renamed !== undefined ? quoteSheet(renamed) : formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (IDENT_START.test(ch) && (i === 0 || !IDENT_PART.test(formula[i - 1]))) {
      let j = i + 1;
      while (j < n && IDENT_PART.test(formula[j])) j++;
      const word = formula.slice(i, j);
      const renamed = formula[j] === '!' ? renames.get(word.toLowerCase()) : undefined;
      out += renamed !== undefined ? quoteSheet(renamed) : word;
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

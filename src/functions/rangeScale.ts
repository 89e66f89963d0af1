/**
 * A scale given as a range of cells, for people with their own scale: one row
 * or column of level spellings, lowest first, or two columns (code, name).
 * Values are the listed numbers when every level is a number (0-4, 1-5), or
 * else positions 1..n, so gaps are steps on the list.
 */
import type { ScaleLevel } from '../core/framework/schema';
import { normaliseLevelText, Scale } from '../core/scale';
import { CompetencyError } from '../core/problems';
import type { CellMatrix, CellValue } from './cellValue';

const SHAPE_HELP = 'list the levels lowest first in one row or one column, or in two columns (code, then name)';

function text(cell: CellValue): string {
  return cell === null ? '' : String(cell).trim();
}

function listedLevels(cells: CellMatrix): { code: string; name: string; number?: number }[] {
  const rows = cells.length;
  const cols = rows ? cells[0].length : 0;
  const pairs = cols === 2 && rows >= 2;
  if (!pairs && rows !== 1 && cols !== 1) {
    throw new CompetencyError('invalid-argument', `the scale range is ${rows} rows by ${cols} columns; ${SHAPE_HELP}`);
  }
  const out: { code: string; name: string; number?: number }[] = [];
  if (pairs) {
    for (const [code, name] of cells) {
      if (text(code) === '') continue;
      out.push({ code: text(code), name: text(name) || text(code), number: typeof code === 'number' ? code : undefined });
    }
  } else {
    for (const row of cells) {
      for (const cell of row) {
        if (text(cell) === '') continue;
        out.push({ code: text(cell), name: text(cell), number: typeof cell === 'number' ? cell : undefined });
      }
    }
  }
  return out;
}

function buildScale(cells: CellMatrix): Scale {
  const listed = listedLevels(cells);
  if (listed.length === 0) throw new CompetencyError('invalid-argument', `the scale range is empty; ${SHAPE_HELP}`);
  const seen = new Set<string>();
  for (const l of listed) {
    for (const spelling of new Set([normaliseLevelText(l.code), normaliseLevelText(l.name)])) {
      if (seen.has(spelling))
        throw new CompetencyError('invalid-argument', `the scale range lists "${l.code}" twice; each level once, lowest first`);
      seen.add(spelling);
    }
  }
  const numeric = listed.every((l) => l.number !== undefined);
  const levels: ScaleLevel[] = listed.map((l, i) => ({ code: l.code, name: l.name, value: numeric ? (l.number as number) : i + 1 }));
  if (numeric) {
    for (let i = 1; i < levels.length; i++) {
      if (levels[i].value <= levels[i - 1].value) {
        throw new CompetencyError(
          'invalid-argument',
          `the scale range must list levels lowest first; ${levels[i].code} comes after ${levels[i - 1].code}`,
        );
      }
    }
  }
  return new Scale({ id: 'listed', name: 'listed', levels });
}

const cache = new Map<string, Scale>();
const CACHE_LIMIT = 64;

/** The scale a range lists; the same listing gives the same Scale object (cheap for thousands of calls). */
export function scaleFromRange(cells: CellMatrix): Scale {
  const key = JSON.stringify(cells);
  let scale = cache.get(key);
  if (!scale) {
    scale = buildScale(cells);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, scale);
  }
  return scale;
}

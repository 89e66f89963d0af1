/**
 * ROSTERGAP's body: a whole roster's gap matrix (rating - target) in one pass,
 * the fast path for big rosters. Targets are looked up once per distinct role
 * and competency, and each distinct spelling is read once per scale (in the
 * memo LEVELGAP shares, kept across recalculations), so the inner loop is one
 * lookup and a subtraction.
 */
import type { Competency } from '../core/framework/schema';
import { CompetencyError } from '../core/problems';
import { BLANK, type CellMatrix, type CellValue } from './cellValue';
import type { FunctionCall } from './functionCall';
import { errorIn, FormulaError, formulaErrorFromCaught } from './formulaError';
import { memoOf, valueOf, type ValueMemo } from './levelValues';

type Read<T> = T | FormulaError;

function attempt<T>(read: () => T): Read<T> {
  try {
    return read();
  } catch (e) {
    return formulaErrorFromCaught(e);
  }
}

/** Each column's competency header, as a competency (or its error, or null for a blank header). */
function columnsOf(header: readonly CellValue[], call: FunctionCall): Read<Competency | null>[] {
  return header.map((cell) => errorIn(cell) ?? attempt(() => call.competency(cell)));
}

export function rosterGap([ratings, roles, header]: readonly CellMatrix[], call: FunctionCall): CellMatrix {
  const rows = ratings.length;
  const cols = ratings[0]?.length ?? 0;
  const oneRole = roles.length === 1 && roles[0].length === 1;
  if (!oneRole && (roles.length !== rows || roles[0].length !== 1)) {
    throw new CompetencyError(
      'invalid-argument',
      `roles must be one column with a role for each of the ${rows} rows of ratings (it is ${roles.length} by ${roles[0]?.length ?? 0})`,
    );
  }
  const headerCells = header.length === 1 ? header[0] : header.every((r) => r.length === 1) ? header.map((r) => r[0]) : [];
  if (headerCells.length !== cols) {
    throw new CompetencyError(
      'invalid-argument',
      `competencies must be one row naming each of the ${cols} columns of ratings (it has ${headerCells.length})`,
    );
  }
  const framework = call.framework;
  const competencies = columnsOf(headerCells, call);

  // Per column: the memo of values read on its competency's scale.
  const memos: (ValueMemo | undefined)[] = competencies.map((c) =>
    c === null || c instanceof FormulaError ? undefined : memoOf(framework.scaleOf(c)),
  );

  // Per distinct role: the target value in each column (NaN where none is required), or the role's error.
  const targetsByRole = new Map<unknown, Read<Float64Array | null>>();
  const targetsOf = (raw: CellValue): Read<Float64Array | null> => {
    let found = targetsByRole.get(raw);
    if (found === undefined) {
      const role = errorIn(raw) ?? attempt(() => call.role(raw));
      if (role === null || role instanceof FormulaError) {
        found = role;
      } else {
        const t = new Float64Array(cols);
        competencies.forEach((c, j) => {
          t[j] = c === null || c instanceof FormulaError ? NaN : (framework.target(role, c)?.value ?? NaN);
        });
        found = t;
      }
      targetsByRole.set(raw, found);
    }
    return found;
  };

  const out: CellMatrix = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const targets = targetsOf(oneRole ? roles[0][0] : roles[i][0]);
    const source = ratings[i];
    const row: CellValue[] = new Array(cols);
    if (targets === null || targets instanceof FormulaError) {
      row.fill(targets ?? BLANK);
      out[i] = row;
      continue;
    }
    for (let j = 0; j < cols; j++) {
      const raw = source[j];
      const memo = memos[j];
      if (memo === undefined) {
        const c = competencies[j];
        row[j] = raw !== null && typeof raw === 'object' ? (errorIn(raw) as FormulaError) : c instanceof FormulaError ? c : BLANK;
        continue;
      }
      const rating = valueOf(memo, raw);
      const target = targets[j];
      row[j] = rating instanceof FormulaError ? rating : rating === null || target !== target ? BLANK : rating - target;
    }
    out[i] = row;
  }
  return out;
}

/** Builders for calibration tests: a scale and small rating matrices written as tables. */
import { Scale } from '../../src/core/scale';
import { emptyRatingMatrix, type RatedPerson, type RatingMatrix } from '../../src/core/calibration/ratingMatrix';
import { LevelReader } from '../../src/core/calibration/levelReader';

/** MIT's five-level scale: BD=1, B=2, I=3, A=4, E=5. */
export const fiveLevels = new Scale({
  id: 'proficiency',
  name: 'Proficiency',
  levels: [
    { code: 'BD', name: 'Being developed', value: 1 },
    { code: 'B', name: 'Basic', value: 2 },
    { code: 'I', name: 'Intermediate', value: 3 },
    { code: 'A', name: 'Advanced', value: 4 },
    { code: 'E', name: 'Expert', value: 5 },
  ],
});

/** A matrix from rows of [id, manager, ...level cells]; competencies c1, c2, ... */
export function matrixOf(rows: (string | number | null)[][], scale: Scale = fiveLevels): RatingMatrix {
  const width = Math.max(...rows.map((r) => r.length)) - 2;
  const competencies = Array.from({ length: width }, (_, i) => ({ id: `c${i + 1}`, name: `Competency ${i + 1}` }));
  const people: RatedPerson[] = rows.map((r) => ({
    id: String(r[0]),
    name: `Person ${r[0]}`,
    role: 'engineer',
    manager: String(r[1] ?? ''),
  }));
  const m = emptyRatingMatrix(scale, people, competencies);
  const reader = new LevelReader(scale);
  rows.forEach((r, p) => {
    for (let c = 0; c < width; c++) m.ranks[p * width + c] = reader.rank(r[c + 2] ?? null);
  });
  return m;
}

/**
 * The hand-computed fixture of statistics.test.ts. Values (BD=1 ... E=5):
 * Ana rates 5,4 / 4,4 / 5,5 / 4,-   Ben rates 2,3 / 3,2 / 1,2 / 3,3   Cy rates 5,5 / -,5
 */
export const threeManagers = matrixOf([
  ['p1', 'Ana', 'E', 'A'],
  ['p2', 'Ana', 'A', 'A'],
  ['p3', 'Ana', 'E', 'E'],
  ['p4', 'Ana', 'A', null],
  ['p5', 'Ben', 'B', 'I'],
  ['p6', 'Ben', 'I', 'B'],
  ['p7', 'Ben', 'BD', 'B'],
  ['p8', 'Ben', 'I', 'I'],
  ['p9', 'Cy', 'E', 'E'],
  ['p10', 'Cy', '', 'E'],
]);

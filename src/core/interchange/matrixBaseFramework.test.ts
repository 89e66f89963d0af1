import { builtIn, builtInFrameworks } from '../frameworks/library';
import { matrixLayout } from '../layouts/matrix';
import { matrixBaseFramework } from './matrixBaseFramework';

const candidates = builtInFrameworks().map((m) => m.data);
function matrixRows(id: string): unknown[][] {
  const rows: unknown[][] = [];
  for (const b of matrixLayout(builtIn(id), 'Matrix').sheet.blocks)
    b.cells.forEach((line, i) => line.forEach((v, j) => ((rows[b.row + i] ??= [])[b.col + j] = v)));
  return Array.from({ length: rows.length }, (_, i) => rows[i] ?? []);
}

describe('finding the framework a matrix was written from', () => {
  it('goes by the title the product wrote in A1', () => {
    expect(matrixBaseFramework(matrixRows('sre-ladder'), candidates)?.id).toBe('sre-ladder');
  });

  it('goes by the competency ids when a person retitled the sheet', () => {
    const rows = matrixRows('mit-devops');
    rows[0][0] = 'Our DevOps targets';
    expect(matrixBaseFramework(rows, candidates)?.id).toBe('mit-devops');
  });

  it('finds none for a table of competencies no framework has', () => {
    const rows = [
      ['Category', 'Competency', 'Competency id', 'Scale', 'Junior'],
      ['', 'Juggling', 'juggling', 'Proficiency', '1'],
    ];
    expect(matrixBaseFramework(rows, candidates)).toBeUndefined();
  });
});

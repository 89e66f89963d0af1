import { readSnapshot, takeSnapshot } from './snapshot';
import { threeManagers } from '../../../tests/calibration/fixtures';

describe('a ratings snapshot', () => {
  it('keeps each rating as its level code, blank for not rated', () => {
    const s = takeSnapshot(threeManagers, ' 2025 H1 ', '2025-06-30');
    expect(s.cycle).toBe('2025 H1');
    expect(s.codes[3]).toEqual(['A', '']);
    expect(s.people[0]).toEqual({ id: 'p1', name: 'Person p1', role: 'engineer', manager: 'Ana' });
  });

  it('needs a cycle label and an ISO date', () => {
    expect(() => takeSnapshot(threeManagers, ' ', '2025-06-30')).toThrow(/needs a cycle label/);
    expect(() => takeSnapshot(threeManagers, 'H1', '30/06/2025')).toThrow(/YYYY-MM-DD, not "30\/06\/2025"/);
  });

  it('refuses a sheet that is not a snapshot, or one whose header was changed by hand', () => {
    expect(() => readSnapshot([['Team grid']], 'old.xlsx')).toThrow(
      'old.xlsx: this is not a ratings snapshot (cell A1 should say "Ratings snapshot")',
    );
    const rows: unknown[][] = [
      ['Ratings snapshot'],
      ['Cycle', 'H1'],
      ['Taken', '2025-06-30'],
      ['Scale', 's'],
      [],
      [],
      ['Id', 'Person', 'Role', 'Manager', 'c1'],
    ];
    expect(() => readSnapshot(rows)).toThrow(/row 7 should start with Id, Name, Role, Manager/);
  });
});

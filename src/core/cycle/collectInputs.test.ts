import { builtIn } from '../frameworks/library';
import { fieldNameOf, levelCanonical, masterRecords, readReturnedSheets } from './collectInputs';
import type { CycleIdentity } from './identity';

const MIT = builtIn('mit-devops');
const identity: CycleIdentity = {
  cycleId: 'c1',
  label: 'Spring 2026',
  kind: 'team',
  fileKey: 'team:M1',
  subjectName: 'Mara Lead',
  writtenAt: '2026-03-01T09:00:00.000Z',
  frameworkId: 'mit-devops',
};

describe('what a collect reads, from either renderer', () => {
  it('stores a returned level by its code, whether typed as the code or the name, and tells a value that is not a level', () => {
    const canonical = levelCanonical(MIT);
    expect(canonical('adaptability', 'BD')).toBe('BD');
    expect(canonical('adaptability', ' Being Developed ')).toBe('BD');
    expect(canonical('adaptability', 'Excellent-ish')).toBeUndefined();
    expect(canonical('comment', '  keep going  ')).toBe('keep going');
    expect(canonical('comment', '   ')).toBeNull();
  });

  it('names a competency in the report by its name, and the comment field "Comment"', () => {
    expect(fieldNameOf(MIT)('adaptability')).toBe('Adaptability');
    expect(fieldNameOf(MIT)('comment')).toBe('Comment');
  });

  it('refuses as a master a team file, and a workbook with no cycle records, saying which it is', () => {
    expect(() => masterRecords({ identity, issued: [], returned: [], provenance: [] }, 'Team - Mara.xlsx')).toThrow(
      /a team file of the cycle "Spring 2026", not its master/,
    );
    expect(() => masterRecords(undefined, 'book.xlsx')).toThrow(/not the master of an assessment cycle/);
  });

  it('reads a return whose grid key row is gone as unreadable, and one without a cycle identity as plain (the merge refuses it)', () => {
    const sheets = [{ name: 'Team grid', rows: [['Team grid'], ['id', 'name']] }];
    expect(readReturnedSheets('Team - Mara.xlsx', identity, sheets).unreadable).toMatch(/no team grid/);
    expect(readReturnedSheets('other.xlsx', undefined, sheets)).toEqual({ file: 'other.xlsx', sheet: '', people: [], cells: [] });
  });
});

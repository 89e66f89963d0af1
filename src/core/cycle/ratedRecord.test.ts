import type { RegisteredSheet } from '../layouts/registry';
import { markPlacedRated } from './ratedRecord';

const grid = (rated?: string[]): RegisteredSheet =>
  ({
    name: 'Team grid',
    wanted: 'Team grid',
    kind: 'grid',
    title: 't',
    footprint: [],
    areas: [],
    inputs: [
      {
        id: 'ratings',
        range: { row: 9, col: 11, rows: 2, cols: 3 },
        rowKeys: ['E001', 'E002'],
        colKeys: ['a', 'b', 'c'],
        keyColumn: 0,
        ...(rated ? { rated } : {}),
      },
    ],
  }) as unknown as RegisteredSheet;

describe('markPlacedRated', () => {
  it('marks each placed cell rated, finding the person under the one id rule, and leaves every other mark', () => {
    const [sheet] = markPlacedRated(
      [grid(['R__', '___'])],
      [
        { sheet: 'Team grid', person: ' e002 ', field: 'c' },
        { sheet: 'Team grid', person: 'E001', field: 'b' },
        { sheet: 'Team grid', person: 'E999', field: 'a' }, // not in the region: nothing to mark
        { sheet: 'Self ratings', person: 'E001', field: 'a' }, // another sheet
      ],
    );
    expect(sheet.inputs[0].rated).toEqual(['RR_', '__R']);
  });

  it('leaves a region without a rated record (an older workbook) without one, and does not change the sheets given', () => {
    const old = grid(['___', '___']);
    expect(markPlacedRated([grid()], [{ sheet: 'Team grid', person: 'E001', field: 'a' }])[0].inputs[0].rated).toBeUndefined();
    markPlacedRated([old], [{ sheet: 'Team grid', person: 'E001', field: 'a' }]);
    expect(old.inputs[0].rated).toEqual(['___', '___']);
  });
});

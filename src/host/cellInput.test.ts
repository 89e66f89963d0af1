import { cellInput, needsTextGuard } from './cellInput';
import { readAsTyped } from '../../tests/fakes/excelFake';

const tricky = [
  '=1+1',
  '=HYPERLINK("http://x","click")',
  '+44 20 7946 0000',
  '-minus',
  '@handle',
  "'quoted",
  '00123',
  '1e5',
  'TRUE',
  'false',
  '2024-01-05',
  '1/2',
  '50%',
  '10:30',
  '#N/A',
  ' padded',
  'trailing ',
  'Jan 5',
  '1,000',
];

describe('plan text as Office.js input', () => {
  it.each(tricky)('keeps %j as the same text once Excel reads it as typed', (text) => {
    const typed = readAsTyped(cellInput(text) as string);
    expect(typed).toMatchObject({ type: 'text', value: text });
  });

  it('sends plain words as they are, without a prefix', () => {
    for (const text of ['Engineer', 'Senior engineer', 'Müller', 'Expert', '']) {
      expect(needsTextGuard(text)).toBe(false);
      expect(cellInput(text)).toBe(text);
    }
  });

  it('writes formulas with their "=" and sheet references renamed', () => {
    expect(cellInput({ formula: 'Scale!B2*2' }, (f) => f.replace('Scale', "'CM-new 1 Scale'"))).toBe("='CM-new 1 Scale'!B2*2");
  });

  it('leaves numbers Excel cannot hold empty instead of failing the whole write', () => {
    expect(cellInput(Number.NaN)).toBeNull();
    expect(cellInput(Infinity)).toBeNull();
    expect(cellInput(3)).toBe(3);
    expect(cellInput(true)).toBe(true);
    expect(cellInput(null)).toBeNull();
  });
});

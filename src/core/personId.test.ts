import { personIdKey, samePersonId } from './personId';

describe('the person id rule', () => {
  it('treats ids that differ only in case, surrounding spaces or Unicode width as one person', () => {
    expect(samePersonId('E001', ' e001 ')).toBe(true);
    expect(samePersonId('E001', '\uFF25\uFF10\uFF10\uFF11')).toBe(true); // full-width "Ｅ００１"
    expect(samePersonId('Ren\u00e9', 'RENE\u0301')).toBe(true); // precomposed and combining accent
  });

  it('keeps ids that really differ apart', () => {
    expect(samePersonId('E001', 'E0001')).toBe(false);
    expect(samePersonId('E 001', 'E001')).toBe(false);
    expect(personIdKey('A-1')).not.toBe(personIdKey('A1'));
  });
});

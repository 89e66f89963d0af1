import { wrappedLines, wrappedRowHeight } from './textHeight';

describe('row heights for wrapped text', () => {
  it('counts the lines whole words take in a column, paragraphs apart', () => {
    expect(wrappedLines('short', 20)).toBe(1);
    expect(wrappedLines('one two three four five six seven eight', 10)).toBe(5);
    expect(wrappedLines('first\nsecond\nthird', 40)).toBe(3);
    expect(wrappedLines('x'.repeat(45), 10)).toBe(5); // a word longer than the column breaks
  });

  it('makes a row as tall as its tallest cell, within Excel’s maximum', () => {
    expect(wrappedRowHeight([{ text: 'a', width: 10 }])).toBe(18);
    expect(
      wrappedRowHeight([
        { text: 'a', width: 10 },
        { text: 'b c d e f g h i j k', width: 3 },
      ]),
    ).toBe(5 * 15 + 3);
    expect(wrappedRowHeight([{ text: 'word '.repeat(5000), width: 10 }])).toBe(409);
  });
});

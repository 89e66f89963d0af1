/**
 * Row heights for wrapped text. Neither Excel nor LibreOffice reliably fits a
 * row to wrapped text in a file written by a program (LibreOffice keeps the
 * default height, and nobody fits merged cells), so layouts estimate the
 * height from the text length and the column width.
 */

/** Points per line of 11-point Calibri, and Excel's maximum row height. */
const LINE = 15;
const MAX_HEIGHT = 409;

/** How many lines `text` takes in a column `width` characters wide, when wrapped. */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(4, Math.floor(width * 1.05) - 1);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    // Whole words move to the next line: count line by line, not characters over width.
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = word.length;
      if (used === 0) {
        used = w;
        while (used > perLine) {
          lines++;
          used -= perLine;
        }
      } else if (used + 1 + w <= perLine) {
        used += 1 + w;
      } else {
        lines++;
        used = w;
        while (used > perLine) {
          lines++;
          used -= perLine;
        }
      }
    }
  }
  return lines;
}

/** The height (points) of a row whose cells wrap the given texts in the given widths. */
export function wrappedRowHeight(cells: readonly { text: string | null | undefined; width: number }[], minLines = 1): number {
  let lines = minLines;
  for (const c of cells) if (c.text) lines = Math.max(lines, wrappedLines(c.text, c.width));
  return Math.min(MAX_HEIGHT, lines * LINE + 3);
}

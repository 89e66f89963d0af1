/**
 * A text built from many pieces (a formula) is held by V8 as a rope: one node
 * per concatenation (32 bytes each) over the pieces, about 9 nodes for a
 * grid's gap formula. A plan keeps a formula per person per column until it is
 * written, and for 50,000 people the ropes were most of its memory (a master's
 * grid plan 705 MB to 326 MB; a calibration pack's plan about half). Reading a
 * character flattens the rope in place into one string and the nodes are
 * freed; the text is unchanged. Used by the grid and the calibration sheets.
 */
export function flatText(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** Flattens the formulas of one row of plan cells in place. */
export function flattenRowFormulas(cells: readonly unknown[]): void {
  for (const c of cells) if (c !== null && typeof c === 'object' && 'formula' in c) flatText((c as { formula: string }).formula);
}

/**
 * A formula built from many pieces is held by V8 as a rope: one node per
 * concatenation (32 bytes each) over the pieces, about 9 nodes for a grid's gap
 * formula. A grid of 50,000 people holds 1.5 million formulas until it is
 * written, and the ropes were most of the plan's memory. Reading a character
 * flattens the rope in place into one string, so the nodes are freed; the text
 * is unchanged.
 */
export function flatFormula(formula: string): string {
  formula.charCodeAt(0);
  return formula;
}

/** Flattens the formulas of one row of plan cells in place. */
export function flattenRowFormulas(cells: readonly unknown[]): void {
  for (const c of cells) if (c !== null && typeof c === 'object' && 'formula' in c) flatFormula((c as { formula: string }).formula);
}

/**
 * The colours of the product's charts. Chosen to stay apart from every fill
 * the sheets use (headers, inputs, heatmaps), so a chart reads as a picture
 * and a test can find it on a printed page by its colours alone.
 */
export const CHART_PALETTE = {
  /** What the team gave: everyone's ratings, a manager's estimate, a person's ratings. */
  actual: '2E75B6',
  /** What was expected: the guideline, the role's targets. */
  expected: 'ED7D31',
  /** What comes next: the next role's targets. */
  next: '70AD47',
  /** Counts of people, e.g. coverage per competency. */
  people: '7030A0',
} as const;

/**
 * Heatmap colours: a sequential scale for levels and ratings (light to dark
 * blue by level value), and diverging scales centred at 0: red-white-green for
 * gaps, blue-white-orange for the calibration sheets (leniency, differences
 * from the guideline, changes). Colour scales are number-based, never
 * formula-based: Excel leaves formula-based ones undrawn until a cell is
 * edited (office-js#5572).
 */
import type { Scale } from '../scale';
import type { ConditionalFormat, Rect } from './plan';
import { cellRef } from './a1';

/** The ends of the sequential scale: the lowest level is pale, the highest a mid blue that keeps black text readable. */
export const SEQUENTIAL_LOW = 'EFF5FB';
export const SEQUENTIAL_HIGH = '4F93CE';

/** The diverging scale on gaps: below target red, on target white, above target green. */
export const GAP_BELOW = 'F8696B';
export const GAP_ON_TARGET = 'FFFFFF';
export const GAP_ABOVE = '63BE7B';

/** The three colours of a diverging scale: at -span, at 0, at +span. */
export interface DivergingColors {
  below: string;
  zero: string;
  above: string;
}

export const GAP_COLORS: DivergingColors = { below: GAP_BELOW, zero: GAP_ON_TARGET, above: GAP_ABOVE };

/**
 * The calibration sheets' diverging scale: lower (or harsher) is blue, zero
 * white, higher (or softer) orange; kinder to colour-blind readers than red
 * and green, and free of the "green is good" reading a leniency must not have.
 */
export const CALIBRATION_COLORS: DivergingColors = { below: '5B9BD5', zero: 'FFFFFF', above: 'F4B183' };

function hex(n: number): string {
  return Math.round(n).toString(16).padStart(2, '0').toUpperCase();
}

/** Linear interpolation between two "RRGGBB" colours, t in [0, 1]. */
export function mixColor(from: string, to: string, t: number): string {
  const a = parseInt(from, 16);
  const b = parseInt(to, 16);
  const channel = (shift: number) => {
    const x = (a >> shift) & 0xff;
    const y = (b >> shift) & 0xff;
    return hex(x + (y - x) * Math.min(1, Math.max(0, t)));
  };
  return channel(16) + channel(8) + channel(0);
}

/** Where a level sits between the scale's lowest and highest value, 0..1 (1 for a one-level scale). */
export function levelPosition(scale: Scale, value: number): number {
  const lo = scale.lowest.value;
  const hi = scale.highest.value;
  return hi === lo ? 1 : (value - lo) / (hi - lo);
}

/** The sequential fill of each level of a scale, by value. */
export function levelColors(scale: Scale): { code: string; value: number; color: string }[] {
  return scale.levels.map((l) => ({
    code: l.code,
    value: l.value,
    color: mixColor(SEQUENTIAL_LOW, SEQUENTIAL_HIGH, levelPosition(scale, l.value)),
  }));
}

function quoteText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A heatmap over cells that hold level codes (a matrix of targets, a block of
 * ratings): one rule per level, each filling the level's sequential colour.
 * Codes are text, so a colour scale cannot read them; `&""` makes a code typed
 * as a number ("3") compare equal to the text code.
 */
export function levelCodeHeatmap(range: Rect, scale: Scale): ConditionalFormat[] {
  const first = cellRef(range.row, range.col);
  return levelColors(scale).map(({ code, color }) => ({
    kind: 'formula' as const,
    range,
    formula: `${first}&""=${quoteText(code)}`,
    style: { fill: color },
  }));
}

/** A two-colour scale over numeric level values, fixed to the scale's lowest and highest value. */
export function levelValueHeatmap(range: Rect, scale: Scale): ConditionalFormat {
  const lo = scale.lowest.value;
  const hi = scale.highest.value === lo ? lo + 1 : scale.highest.value;
  return {
    kind: 'colorScale',
    range,
    points: [
      { kind: 'number', value: lo, color: SEQUENTIAL_LOW },
      { kind: 'number', value: hi, color: SEQUENTIAL_HIGH },
    ],
  };
}

/** A diverging three-colour scale centred at 0: number points at -span, 0 and +span. */
export function divergingHeatmap(range: Rect, span: number, colors: DivergingColors): ConditionalFormat {
  return {
    kind: 'colorScale',
    range,
    points: [
      { kind: 'number', value: -span, color: colors.below },
      { kind: 'number', value: 0, color: colors.zero },
      { kind: 'number', value: span, color: colors.above },
    ],
  };
}

/** One level step of a scale (its value range over its steps): 1 for a one-level scale. */
export function levelStep(scale: Scale): number {
  const values = scale.levels.map((l) => l.value);
  return values.length > 1 ? (Math.max(...values) - Math.min(...values)) / (values.length - 1) : 1;
}

/**
 * How many level steps reach full colour on the gap scale: about half the
 * scale, at least one, so a one-level shortfall is plainly red.
 */
export function gapSpan(scale: Scale): number {
  return Math.max(1, Math.floor((scale.levels.length - 1) / 2)) * levelStep(scale);
}

/** The diverging scale on gaps: full red at -span, white on target, full green at +span. */
export function gapHeatmap(range: Rect, scale: Scale): ConditionalFormat {
  return divergingHeatmap(range, gapSpan(scale), GAP_COLORS);
}

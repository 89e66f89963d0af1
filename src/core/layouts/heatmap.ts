/**
 * Heatmap colours: a sequential scale for levels and ratings (light to dark
 * blue by level value), and a diverging red-white-green scale for gaps centred
 * at 0. Colour scales are number-based, never formula-based: Excel leaves
 * formula-based ones undrawn until a cell is edited (office-js#5572).
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

/**
 * How many level steps reach full colour on the gap scale: about half the
 * scale, at least one, so a one-level shortfall is plainly red.
 */
export function gapSpan(scale: Scale): number {
  const steps = scale.levels.length - 1;
  const step = steps > 0 ? (scale.highest.value - scale.lowest.value) / steps : 1;
  return Math.max(1, Math.floor(steps / 2)) * step;
}

/** The diverging three-colour scale on gaps: number points at -span, 0 and +span. */
export function gapHeatmap(range: Rect, scale: Scale): ConditionalFormat {
  const span = gapSpan(scale);
  return {
    kind: 'colorScale',
    range,
    points: [
      { kind: 'number', value: -span, color: GAP_BELOW },
      { kind: 'number', value: 0, color: GAP_ON_TARGET },
      { kind: 'number', value: span, color: GAP_ABOVE },
    ],
  };
}

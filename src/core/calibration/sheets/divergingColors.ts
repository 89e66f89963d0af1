/**
 * The calibration sheets' diverging colour scale: lower (or harsher) is blue,
 * zero white, higher (or softer) orange; kinder to colour-blind readers than
 * red and green, and free of the "green is good" reading a leniency must not
 * have. Number points only: Excel leaves formula-based scales undrawn.
 */
import type { ConditionalFormat, Rect } from '../../layouts/plan';
import type { Scale } from '../../scale';

export const LOWER_COLOR = '5B9BD5';
export const MIDDLE_COLOR = 'FFFFFF';
export const HIGHER_COLOR = 'F4B183';

/** Full colour at ±span, white at 0. */
export function divergingScale(range: Rect, span: number): ConditionalFormat {
  return {
    kind: 'colorScale',
    range,
    points: [
      { kind: 'number', value: -span, color: LOWER_COLOR },
      { kind: 'number', value: 0, color: MIDDLE_COLOR },
      { kind: 'number', value: span, color: HIGHER_COLOR },
    ],
  };
}

/** One level step of a scale (its value range over its steps): full colour at one level up or down. */
export function levelStep(scale: Scale): number {
  const values = scale.levels.map((l) => l.value);
  return values.length > 1 ? (Math.max(...values) - Math.min(...values)) / (values.length - 1) : 1;
}

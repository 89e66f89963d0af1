/**
 * The cell styles every layout uses, by id. A plan carries this table; its
 * style blocks name an id. Colours are plain "RRGGBB".
 */
import type { CellStyle } from './plan';

export const STYLE = {
  title: 'title',
  note: 'note',
  noteWrap: 'noteWrap',
  header: 'header',
  headerRotated: 'headerRotated',
  blockHeading: 'blockHeading',
  group: 'group',
  muted: 'muted',
  key: 'key',
  code: 'code',
  wrapTop: 'wrapTop',
  percent: 'percent',
  label: 'label',
  input: 'input',
  inputPercent: 'inputPercent',
} as const;

export type StyleId = (typeof STYLE)[keyof typeof STYLE];

export const LAYOUT_STYLES: Record<StyleId, CellStyle> = {
  title: { bold: true, fontSize: 14 },
  note: { italic: true, fontColor: '595959' },
  noteWrap: { italic: true, fontColor: '595959', wrap: true, vAlign: 'top' },
  header: { bold: true, fill: 'D9E1F2', border: 'thin', wrap: true, vAlign: 'bottom', hAlign: 'center' },
  headerRotated: { bold: true, fill: 'D9E1F2', border: 'thin', wrap: true, vAlign: 'bottom', hAlign: 'center', rotate: 90 },
  blockHeading: { bold: true, fill: 'B4C6E7', border: 'thin', hAlign: 'center' },
  group: { bold: true },
  muted: { fontColor: '808080', vAlign: 'top' },
  key: { fontColor: 'A6A6A6', fontSize: 8 },
  code: { hAlign: 'center', vAlign: 'top' },
  wrapTop: { wrap: true, vAlign: 'top' },
  percent: { numberFormat: '0%' },
  label: { bold: true, hAlign: 'right' },
  input: { fill: 'FFF9E5', border: 'thin', hAlign: 'center' },
  inputPercent: { fill: 'FFF9E5', border: 'thin', hAlign: 'center', numberFormat: '0%' },
};

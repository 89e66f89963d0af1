/** A plan's CellStyle as ExcelJS style parts (font, fill, alignment, number format, border). */
import type { Alignment, Borders, Fill, Font, Protection } from 'exceljs';
import type { CellStyle } from '../core/layouts/plan';

export interface ExcelStyleParts {
  font?: Partial<Font>;
  fill?: Fill;
  alignment?: Partial<Alignment>;
  numFmt?: string;
  border?: Partial<Borders>;
  protection?: Partial<Protection>;
}

/** ExcelJS's default cell font, which unstyled cells use too. */
export const DEFAULT_FONT = { name: 'Calibri', size: 11 } as const;

const argb = (rgb: string) => `FF${rgb.toUpperCase()}`;

export function excelStyle(style: CellStyle): ExcelStyleParts {
  const parts: ExcelStyleParts = {};
  // A font part always names its face and size: a font element without them
  // is drawn in the reader's default face (LibreOffice picks a serif one).
  if (style.bold !== undefined || style.italic !== undefined || style.fontColor || style.fontSize) {
    const font: Partial<Font> = { name: DEFAULT_FONT.name, size: style.fontSize ?? DEFAULT_FONT.size };
    if (style.bold !== undefined) font.bold = style.bold;
    if (style.italic !== undefined) font.italic = style.italic;
    if (style.fontColor) font.color = { argb: argb(style.fontColor) };
    parts.font = font;
  }
  if (style.fill) parts.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  const alignment: Partial<Alignment> = {};
  if (style.wrap !== undefined) alignment.wrapText = style.wrap;
  if (style.hAlign) alignment.horizontal = style.hAlign;
  if (style.vAlign) alignment.vertical = style.vAlign;
  if (style.rotate !== undefined) alignment.textRotation = style.rotate;
  if (Object.keys(alignment).length) parts.alignment = alignment;
  if (style.numberFormat) parts.numFmt = style.numberFormat;
  if (style.unlocked) parts.protection = { locked: false };
  if (style.border === 'thin') {
    const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
    parts.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  return parts;
}

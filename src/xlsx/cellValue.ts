/** A cell as ExcelJS reads it (rich text, formula results, hyperlinks, errors), as a plain value. */
import type { CellValue } from 'exceljs';

export type PlainValue = string | number | boolean | null;

export function plainValue(value: CellValue | undefined): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result && typeof result === 'object' && 'error' in result) return String((result as { error: string }).error);
      return plainValue(result as CellValue);
    }
    if ('hyperlink' in value) return (value as { text?: string }).text ?? null;
    if ('error' in value) return String(value.error);
  }
  return null;
}

/** Trimmed text of a cell, "" when empty. */
export function cellText(value: CellValue | undefined): string {
  const v = plainValue(value);
  return v === null ? '' : String(v).trim();
}

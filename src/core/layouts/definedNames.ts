/**
 * Workbook names the product defines (CM_ prefix), made valid for Excel:
 * letters, digits, "_" and "." only, never shaped like a cell reference.
 */
const NAME_PREFIX = 'CM_';

export function productName(...parts: string[]): string {
  const body = parts
    .map((p) => p.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, ''))
    .filter(Boolean)
    .join('_');
  return `${NAME_PREFIX}${body}`.slice(0, 255);
}

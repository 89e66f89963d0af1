/** A whole number typed into a field, within [min, max]; undefined for anything else. */
export function parseWholeNumber(text: string, min: number, max: number): number | undefined {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return undefined;
  const n = Number(t);
  return n >= min && n <= max ? n : undefined;
}

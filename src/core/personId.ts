/**
 * The one rule for matching person ids, used by every reader and every merge
 * (roster duplicates, carrying ratings to a rebuilt grid, collecting returns).
 * HR exports and hand-typed cells differ in case, stray spaces and Unicode
 * form ("E001", " e001 ", full-width "Ｅ００１"): they are one person. The id
 * people see is kept as they wrote it; only the key is normalised.
 */

/** The key two ids are compared under: NFKC-normalised, trimmed, case-folded. */
export function personIdKey(id: string): string {
  return id.normalize('NFKC').trim().toLowerCase();
}

/** Whether two ids name the same person. */
export function samePersonId(a: string, b: string): boolean {
  return personIdKey(a) === personIdKey(b);
}

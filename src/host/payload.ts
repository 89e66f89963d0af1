/**
 * Request sizes. Excel on the web rejects a request or response over 5 MB
 * (RequestPayloadSizeLimitExceeded), so every batch of writes is estimated as
 * the JSON Office.js would send and kept under a budget with room to spare.
 */

/** The default budget for one request's estimated size: well under the 4 MB the product promises. */
export const DEFAULT_REQUEST_BUDGET_BYTES = 3_500_000;
/** What each queued action adds to a request besides its arguments (object path, ids, names). */
export const ACTION_OVERHEAD_BYTES = 200;
/** Reads are estimated per cell: a short level name with its quotes and comma. */
export const READ_BYTES_PER_CELL = 24;
/** The budget for one response of reads (Excel's cap is 5 MB). */
export const DEFAULT_READ_BUDGET_BYTES = 3_500_000;

/** UTF-8 length of a string, without allocating. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Size of a value as JSON on the wire, counted on the safe side: ASCII is one
 * byte, and any other character six, as if escaped (\uXXXX). Plain English
 * data is estimated exactly; a roster of Japanese names is never under-counted.
 */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? 'null';
  let n = text.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) n += 5;
  return n;
}

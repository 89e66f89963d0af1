/**
 * File names for a cycle's workbooks: they say whose file it is, and are safe
 * and unique on Windows, macOS and Linux. Windows forbids <>:"/\|?* and control
 * characters, names ending in a dot or space, and the device names (CON, PRN,
 * AUX, NUL, COM1-9, LPT1-9, with any extension); Windows and macOS compare
 * names without case, macOS after Unicode normalisation; Linux and macOS allow
 * 255 bytes per name. Uniqueness is checked the strictest way.
 */

// eslint-disable-next-line no-control-regex -- control characters are exactly what Windows forbids in names
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Bytes of UTF-8 a stem may take: well under 255 with room for " (12345).xlsx". */
const MAX_STEM_BYTES = 160;

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** A stem (no extension) safe on every system; never empty. */
export function safeFileStem(text: string): string {
  let stem = text.normalize('NFC').replace(/\s+/g, ' ').replace(FORBIDDEN, '-').trim();
  let cut = [...stem];
  while (cut.length && utf8Length(cut.join('')) > MAX_STEM_BYTES) cut.pop();
  stem = cut.join('').replace(/[. ]+$/, '');
  if (!stem) stem = 'unnamed';
  if (DEVICE.test(stem.split('.')[0])) stem = `${stem}_`;
  return stem;
}

/** How two names compare on the strictest system: case-insensitive, Unicode-normalised. */
export function fileNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** Makes `${stem}.xlsx` unique against `taken` (keys from fileNameKey), adding " (2)", " (3)"…; records the name taken. */
export function uniqueFileName(stem: string, taken: Set<string>, extension = '.xlsx'): string {
  const safe = safeFileStem(stem);
  let name = `${safe}${extension}`;
  for (let n = 2; taken.has(fileNameKey(name)); n++) name = `${safe} (${n})${extension}`;
  taken.add(fileNameKey(name));
  return name;
}

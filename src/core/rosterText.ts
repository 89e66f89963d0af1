/**
 * Decoding a roster file's bytes. HR systems and Excel's plain "CSV" choice
 * save Windows-1252, not UTF-8: such a file is decoded as Windows-1252 with a
 * note saying so, instead of being refused. Bytes that Windows-1252 leaves
 * undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) mean the file is neither, and it is
 * refused as before. Everything else (UTF-8, UTF-16 with a BOM, the refusal of
 * workbooks and binaries) is decodeText's.
 */
import { decodeText } from './interchange/text';
import { CompetencyError } from './problems';

/** Bytes with no character in Windows-1252 (see the WHATWG Encoding index, windows-1252). */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Starts of files decodeText names itself: a zip (.xlsx), an old .xls, UTF-16 byte-order marks. */
const SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0xd0, 0xcf, 0x11, 0xe0],
  [0xff, 0xfe],
  [0xfe, 0xff],
];

/** Windows-1252's 0x80-0x9F (elsewhere it is Latin-1); 0 where it has no character. Not left to TextDecoder: Node decodes this label as Latin-1. */
const HIGH_1252 = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

function windows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? HIGH_1252[b - 0x80] : b));
    out += String.fromCharCode(...chunk);
  }
  return out;
}

export interface DecodedRoster {
  text: string;
  /** Set when the bytes were read as Windows-1252: one line for the user. */
  note?: string;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function decodeRosterText(fileName: string, bytes: Uint8Array): DecodedRoster {
  if (bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d))
    throw new CompetencyError(
      'invalid-roster',
      'the roster file is empty; give a header row with id, name and role, then one row per person',
      fileName,
    );
  // Plain text that is not UTF-8 (and has no BOM and no NULs) is the one case decodeText refuses that we read.
  const plainBytes = bytes.length > 0 && !bytes.includes(0) && !SIGNATURES.some((s) => s.every((b, i) => bytes[i] === b));
  if (!plainBytes || isValidUtf8(bytes)) return { text: decodeText(fileName, bytes) };
  const bad = bytes.findIndex((b) => UNDEFINED_IN_1252.has(b));
  if (bad >= 0) {
    throw new CompetencyError(
      'invalid-file',
      `the file is neither UTF-8 nor Windows-1252 text (byte 0x${bytes[bad].toString(16).toUpperCase()} at offset ${bad}); save it from Excel as "CSV UTF-8" and try again`,
      fileName,
    );
  }
  const text = windows1252(bytes);
  if (text.trim() === '') return { text: decodeText(fileName, bytes) };
  return {
    text,
    note: `${fileName} is not UTF-8; it was read as Windows-1252 (what Excel's plain "CSV" choice saves). Save it as "CSV UTF-8" to avoid this note`,
  };
}

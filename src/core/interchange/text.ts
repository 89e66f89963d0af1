/** Decoding file bytes to text: UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused, not guessed. */
import { CompetencyError } from '../problems';

export function decodeText(fileName: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new CompetencyError('invalid-file', 'the file is empty', fileName);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    if (text.trim() === '') throw new CompetencyError('invalid-file', 'the file holds only white space', fileName);
    return text;
  } catch (e) {
    if (e instanceof CompetencyError) throw e;
    throw new CompetencyError(
      'invalid-file',
      'the file is not UTF-8 text (it may be Windows-1252 or a spreadsheet saved as binary); save it as "CSV UTF-8" or UTF-8 JSON and try again',
      fileName,
    );
  }
}

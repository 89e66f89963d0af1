/**
 * A password to open: an .xlsx encrypted as Excel's "Encrypt with Password"
 * does (ECMA-376 agile encryption, [MS-OFFCRYPTO] 2.3.4.10), through the
 * officecrypto-tool library; no cipher is written here. The encrypted file is
 * an OLE compound file holding the streams "EncryptionInfo" and
 * "EncryptedPackage" (the workbook's zip, encrypted), so Excel, LibreOffice
 * and other Office readers ask for the password and then open it as usual.
 */
import officeCrypto from 'officecrypto-tool';
import { openPasswordProblem } from '../core/openPassword';
import { CompetencyError } from '../core/problems';

/** The first bytes of an OLE compound file ([MS-CFB] 2.2): an encrypted workbook, or an Excel 97-2003 .xls. */
export const COMPOUND_FILE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Stream names in a compound file's directory are UTF-16LE ([MS-CFB] 2.6.1). */
const ENCRYPTION_INFO_NAME = Buffer.from('EncryptionInfo', 'utf16le');

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && Buffer.from(bytes.buffer, bytes.byteOffset, 8).equals(COMPOUND_FILE_SIGNATURE);
}

/** A compound file with an EncryptionInfo stream: a workbook with a password to open (an old .xls has none). */
export function isEncryptedWorkbook(bytes: Uint8Array): boolean {
  return isCompoundFile(bytes) && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTION_INFO_NAME);
}

/** The workbook's bytes encrypted with a password to open (agile encryption: AES-256, SHA-512, 100,000 spins, as Excel writes). */
export function encryptWorkbook(bytes: Buffer, password: string): Buffer {
  const problem = openPasswordProblem(password);
  if (problem) throw new CompetencyError('invalid-argument', problem);
  return officeCrypto.encrypt(bytes, { password });
}

/**
 * The workbook inside an encrypted file. A wrong password is told apart from
 * a damaged file; both name the file.
 */
export async function decryptWorkbook(bytes: Buffer, password: string, fileName: string): Promise<Buffer> {
  try {
    return await officeCrypto.decrypt(bytes, { password });
  } catch (e) {
    const message = (e as Error).message;
    if (/password is incorrect/i.test(message))
      throw new CompetencyError('invalid-file', 'the password given does not open it; check the password for this file', fileName);
    throw new CompetencyError(
      'invalid-file',
      `it is encrypted but cannot be decrypted (${message}); open it in Excel with its password and save it again`,
      fileName,
    );
  }
}

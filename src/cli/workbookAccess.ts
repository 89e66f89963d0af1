/**
 * Passwords to open, for every command: reading a workbook that may be
 * encrypted (decrypted when the command was given its password, otherwise
 * one line saying which option gives it), writing one encrypted when asked,
 * making strong random passwords, and reading a passwords CSV file. The
 * cipher is the library's (xlsx/workbookEncryption.ts); this is the glue.
 */
import { randomBytes } from 'crypto';
import path from 'path';
import { openPasswordProblem } from '../core/openPassword';
import { CompetencyError } from '../core/problems';
import { decodeRosterText } from '../core/rosterText';
import { parsePasswordsCsv, suppliedPassword, type SuppliedPasswords } from '../core/cycle/passwordsFile';
import { decryptWorkbook, encryptWorkbook, isEncryptedWorkbook } from '../xlsx/workbookEncryption';
import { UsageError, type CliIO } from './io';

/** How a command opens an encrypted input: the password it was given, and the option that gives one (for the message). */
export interface OpenAccess {
  password?: string;
  /** E.g. "--password TEXT", "--passwords passwords.csv". */
  option: string;
  /** Set once a file was decrypted with it: what the command writes from it should be encrypted too. */
  decrypted?: boolean;
}

/**
 * The workbook's own bytes (a zip): read as they are, or decrypted with the
 * password given. An encrypted file without one is refused, naming the option.
 */
export async function workbookBytes(file: string, bytes: Buffer, access?: OpenAccess): Promise<Buffer> {
  if (!access || !isEncryptedWorkbook(bytes)) return bytes;
  if (access.password === undefined)
    throw new CompetencyError('invalid-file', `the workbook is encrypted with a password to open; give it with ${access.option}`, file);
  const opened = await decryptWorkbook(bytes, access.password, file);
  access.decrypted = true;
  return opened;
}

/** The bytes to write: encrypted with the password when one was given, as they are otherwise. */
export function sealWorkbook(bytes: Buffer, password: string | undefined): Buffer {
  return password === undefined ? bytes : encryptWorkbook(bytes, password);
}

/** A password given on the command line, checked against Excel's limits before anything is read or written. */
export function openPasswordOption(value: unknown, option: string): string | undefined {
  if (value === undefined) return undefined;
  const problem = openPasswordProblem(String(value));
  if (problem) throw new UsageError(`${option}: ${problem}`);
  return String(value);
}

/**
 * Letters and digits that cannot be mistaken for one another when read out or
 * copied by hand (no 0/O, 1/l/I, 5/S, 2/Z): 52 symbols.
 */
const READABLE = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRTUVWXY346789';

/** Symbols per password: 20 from 52 is about 114 bits, beyond guessing even at Excel's fastest check. */
const PASSWORD_SYMBOLS = 20;

/**
 * A fresh random password from the operating system's secure random source,
 * in groups of five ("abcde-fghij-..."): 23 characters.
 */
export function newOpenPassword(): string {
  const symbols: string[] = [];
  // Rejection sampling: a byte is used only below the largest multiple of the alphabet's size, so every symbol is equally likely.
  const limit = 256 - (256 % READABLE.length);
  while (symbols.length < PASSWORD_SYMBOLS) {
    for (const b of randomBytes(32)) {
      if (b < limit && symbols.length < PASSWORD_SYMBOLS) symbols.push(READABLE[b % READABLE.length]);
    }
  }
  return symbols.join('').replace(/(.{5})(?=.)/g, '$1-');
}

/** A passwords CSV file (as split writes it, or made by hand), read and checked. */
export async function readPasswordsFile(file: string, io: CliIO): Promise<SuppliedPasswords> {
  if (!(await io.exists(file))) throw new CompetencyError('invalid-file', 'no such passwords file; check the path', file);
  const bytes = await io.readFile(file);
  if (isEncryptedWorkbook(bytes) || bytes.subarray(0, 2).toString('latin1') === 'PK')
    throw new CompetencyError('invalid-file', 'this is a workbook, not a passwords CSV file (file,password rows)', file);
  // Saved again from Excel as plain "CSV", the file is Windows-1252: file names with accents must still match.
  const { text, note } = decodeRosterText(file, bytes);
  if (note) io.err(`competency-matrix: note: ${note}\n`);
  return parsePasswordsCsv(text, file);
}

/**
 * How a command that reads several workbooks opens an encrypted one: its row
 * (by file name) in the passwords file given with --passwords, or else what
 * to give.
 */
export function accessByFileName(file: string, supplied: SuppliedPasswords | undefined): OpenAccess {
  if (!supplied) return { option: '--passwords passwords.csv (file,password rows; cycle split writes one)' };
  const name = path.basename(file);
  const password = suppliedPassword(supplied, name);
  return password !== undefined
    ? { password, option: '--passwords' }
    : { option: `a row for "${name}" in ${supplied.source} (was the file renamed? add a row with its new name)` };
}

/** --passwords FILE, read when given. */
export async function passwordsOption(file: unknown, io: CliIO): Promise<SuppliedPasswords | undefined> {
  return file === undefined ? undefined : readPasswordsFile(String(file), io);
}

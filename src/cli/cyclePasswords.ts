/**
 * Passwords to open for `cycle split` and `cycle collect`: which files of a
 * split are encrypted and with which password (made, or from --passwords),
 * the passwords.csv written beside the master, what is said about them on
 * stdout (never a password, unless --show-passwords), and the passwords file
 * collect reads.
 */
import path from 'path';
import { assignPasswords, passwordsCsv, type FilePassword } from '../core/cycle/passwordsFile';
import type { CycleFile, SplitPlan } from '../core/cycle/splitCycle';
import type { CliIO } from './io';
import { newOpenPassword, readPasswordsFile } from './workbookAccess';

export interface SplitEncryption {
  /** Team and self files. */
  encrypt: boolean;
  master: boolean;
  /** --passwords FILE: the passwords to use instead of made ones. */
  passwordsFile?: string;
}

function holder(file: CycleFile): string {
  if (file.kind === 'master') return 'HR (the master)';
  return `${file.kind === 'team' ? 'team of' : 'self-assessment of'} ${file.identity.subjectName}`;
}

/** The password of every file the split encrypts, by file name; none when nothing is encrypted. */
export async function splitPasswords(split: SplitPlan, options: SplitEncryption, io: CliIO): Promise<FilePassword[]> {
  const files = [...(options.master ? [split.master] : []), ...(options.encrypt ? split.files : [])];
  if (!files.length) return [];
  const supplied = options.passwordsFile ? await readPasswordsFile(options.passwordsFile, io) : undefined;
  return assignPasswords(
    files.map((f) => ({ fileName: f.fileName, holderId: f.holderId, holder: holder(f) })),
    { supplied, generate: newOpenPassword },
  );
}

export async function writePasswordsFile(file: string, entries: readonly FilePassword[], io: CliIO): Promise<void> {
  await io.writeFile(file, passwordsCsv(entries));
}

/** What split says of the passwords: where they are and what to do with them; the passwords themselves only when asked. */
export function reportPasswords(io: CliIO, entries: readonly FilePassword[], passwordsFile: string, show: boolean): void {
  if (!entries.length) return;
  io.out(
    `  encrypted with a password to open: ${entries.length} file${entries.length === 1 ? '' : 's'}, each with its own password, listed in ${passwordsFile}\n`,
  );
  io.out(
    `  send each password by another channel than its file (a message, a call), never in the same email; then keep ${path.basename(passwordsFile)} where only HR can read it\n`,
  );
  if (!show) return;
  io.out('  passwords:\n');
  for (const e of entries) io.out(`    ${e.fileName}\t${e.password}\n`);
}

/**
 * The command line's one way to touch files. Inputs are checked before they
 * are opened (a named pipe would block a read forever); outputs are written to
 * a temporary file in the same folder and renamed over the target, so a full
 * disk or a refused write never leaves a half-written file; and every "the file
 * system says no" becomes one line that names the file and what to do.
 */
import { promises as fs, type Stats } from 'fs';
import path from 'path';
import { randomBytes } from 'crypto';
import { CompetencyError } from '../core/problems';
import type { CliIO } from './io';

/** The error codes Node gives for a file system refusal a user can fix. */
const OS_CODES = new Set([
  'ENOENT',
  'EACCES',
  'EPERM',
  'EISDIR',
  'ENOTDIR',
  'EROFS',
  'ENOSPC',
  'EEXIST',
  'EDQUOT',
  'EBUSY',
  'ETXTBSY',
  'ENAMETOOLONG',
  'ELOOP',
  'EMFILE',
]);

export interface OsError extends Error {
  code: string;
  path?: string;
  syscall?: string;
}

export function isOsError(e: unknown): e is OsError {
  // Duck-typed: errors from another realm (a test runner's sandbox) fail instanceof Error.
  return typeof e === 'object' && e !== null && typeof (e as OsError).code === 'string' && OS_CODES.has((e as OsError).code);
}

/** What to tell the user for an OS error on `file`, when reading or writing it. */
export function osErrorMessage(
  e: OsError,
  file = e.path ?? 'the file',
  action: 'read' | 'write' = e.syscall === 'open' || e.syscall === 'read' || e.syscall === 'stat' || e.syscall === 'scandir'
    ? 'read'
    : 'write',
): string {
  const verb = `cannot ${action} ${file}`;
  switch (e.code) {
    case 'ENOENT':
      return action === 'read'
        ? `${file}: no such file or folder; check the path`
        : `${verb}: the folder ${path.dirname(file)} does not exist; create it first or pick another path`;
    case 'EACCES':
      return `${verb}: permission denied; check the permissions of the file and its folder`;
    case 'EPERM':
      return `${verb}: the operating system does not allow it (an immutable or locked file?); check the file's attributes or pick another path`;
    case 'EISDIR':
      return `${verb}: it is a folder; give a file name`;
    case 'ENOTDIR':
      return `${verb}: a part of the path is a file, not a folder; check the path`;
    case 'EROFS':
      return `${verb}: the file system is read-only; pick a path on a writable disk`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `${verb}: the disk is full; free some space and run the command again (nothing was written)`;
    case 'EEXIST':
      return `${verb}: something already has that name; pick another path`;
    case 'EBUSY':
    case 'ETXTBSY':
      return `${verb}: the file is in use by another program; close it and run the command again`;
    case 'ENAMETOOLONG':
      return `${verb}: the name is too long; pick a shorter path`;
    case 'ELOOP':
      return `${verb}: the path loops through symbolic links; check the path`;
    default:
      return `${verb}: too many files open; close some programs and run the command again`;
  }
}

function refuse(message: string, file: string): never {
  throw new CompetencyError('invalid-file', message, file);
}

async function statOrUndefined(p: string): Promise<Stats | undefined> {
  try {
    return await fs.stat(p);
  } catch (e) {
    if (isOsError(e) && (e.code === 'ENOENT' || e.code === 'ENOTDIR')) return undefined;
    throw e;
  }
}

/** What a path that is neither a file nor a folder is, in a user's words. */
function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** Refuses anything but a regular file, before it is opened: a missing path, a folder, a pipe, a socket, a device. */
export async function checkInputFile(file: string, what = 'file'): Promise<void> {
  let st: Stats | undefined;
  try {
    st = await statOrUndefined(file);
  } catch (e) {
    if (isOsError(e)) throw new CompetencyError('invalid-file', osErrorMessage(e, file, 'read'));
    throw e;
  }
  if (!st) refuse(`no such ${what}; check the path`, file);
  if (st.isDirectory()) refuse(`is a folder, not a ${what}; give the ${what} itself`, file);
  if (!st.isFile()) refuse(`is ${kindOf(st)}, not a ${what}; save it as a file and give that`, file);
}

/** Reads a regular file whole; every refusal is one line naming it. */
export async function readInputFile(file: string, what = 'file'): Promise<Buffer> {
  await checkInputFile(file, what);
  try {
    return await fs.readFile(file);
  } catch (e) {
    if (isOsError(e)) throw new CompetencyError('invalid-file', osErrorMessage(e, file, 'read'));
    throw e;
  }
}

/** The temporary file an output is written to before it takes its name: hidden, beside the target, never a name in use. */
export function temporaryNameFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.partial`);
}

/** Why `file` cannot be written, checked before any byte is: its folder, and what is at its path now. */
export async function checkOutputPath(file: string): Promise<Stats | undefined> {
  const folder = path.dirname(path.resolve(file));
  const dir = await statOrUndefined(folder);
  if (!dir)
    throw new CompetencyError(
      'invalid-file',
      `cannot write ${file}: the folder ${path.dirname(file)} does not exist; create it first or pick another path`,
    );
  if (!dir.isDirectory())
    throw new CompetencyError('invalid-file', `cannot write ${file}: ${path.dirname(file)} is a file, not a folder; check the path`);
  const st = await statOrUndefined(file);
  if (st?.isDirectory()) throw new CompetencyError('invalid-file', `cannot write ${file}: it is a folder; give a file name inside it`);
  if (st && !st.isFile()) throw new CompetencyError('invalid-file', `cannot write ${file}: it is ${kindOf(st)}; give a file name`);
  if (st) {
    // The rename below would replace a read-only file; a user who may not write it should hear so, as with any other program.
    try {
      await fs.access(file, fs.constants.W_OK);
    } catch (e) {
      if (isOsError(e) && e.code !== 'EACCES') throw new CompetencyError('invalid-file', osErrorMessage(e, file, 'write'));
      throw new CompetencyError('invalid-file', `cannot write ${file}: the file is read-only; make it writable or pick another path`);
    }
  }
  return st;
}

/**
 * Writes `data` to `file` whole or not at all: into a temporary file in the
 * same folder, then renamed over the target (one step on the same disk). On
 * any failure the temporary file is removed and the target is as it was.
 */
export async function writeOutputFile(file: string, data: Buffer | string): Promise<void> {
  const before = await checkOutputPath(file);
  const temporary = temporaryNameFor(file);
  try {
    await fs.writeFile(temporary, data, { flag: 'wx', mode: before ? before.mode & 0o777 : 0o666 });
    await fs.rename(temporary, file);
  } catch (e) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    if (isOsError(e)) throw new CompetencyError('invalid-file', osErrorMessage(e, file, 'write'));
    throw e;
  }
}

/** Makes a folder (and its parents) for outputs; a file in the way, or a refusal, is one line. */
export async function makeOutputFolder(folder: string): Promise<void> {
  const st = await statOrUndefined(folder);
  if (st?.isDirectory()) return;
  if (st) refuse(`cannot make the folder: a file has that name; pick another --out folder`, folder);
  try {
    // Node's recursive mkdir says ENOENT for a read-only disk; where the parent exists, a plain mkdir gives the true reason.
    if (await statOrUndefined(path.dirname(path.resolve(folder)))) await fs.mkdir(folder);
    else await fs.mkdir(folder, { recursive: true });
  } catch (e) {
    if (isOsError(e))
      throw new CompetencyError('invalid-file', osErrorMessage(e, folder, 'write').replace(/^cannot write/, 'cannot make the folder'));
    throw e;
  }
}

/** Refuses to replace an existing output unless --force was given; checked before any work, so a refusal costs nothing. */
export async function refuseToReplace(
  io: Pick<CliIO, 'exists'>,
  file: string,
  force: unknown,
  advice = 'pick another --out, or add --force to replace it',
): Promise<void> {
  if (force !== true && (await io.exists(file))) throw new CompetencyError('invalid-argument', `${file} already exists; ${advice}`);
}

/** The checks on an output file before any work: refused if it exists (without --force), or if it cannot be written at all. */
export async function checkOutputFile(
  io: Pick<CliIO, 'exists' | 'checkWritable'>,
  file: string,
  force: unknown,
  advice?: string,
): Promise<void> {
  await refuseToReplace(io, file, force, advice);
  await io.checkWritable(file);
}

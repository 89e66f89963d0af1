/** What a command may touch: its output streams and the file system, passed in so tests can capture them. */
import { promises as fs } from 'fs';
import { checkOutputPath, makeOutputFolder, readInputFile, writeOutputFile } from './files';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Reads a regular file; a missing path, a folder or a pipe is refused before it is opened (see files.ts). */
  readFile(path: string, what?: string): Promise<Buffer>;
  /** Writes a file whole or not at all (a temporary file renamed over it); callers refuse an existing file without --force first. */
  writeFile(path: string, data: Buffer | string): Promise<void>;
  exists(path: string): Promise<boolean>;
  /** Refuses, before any work, an output path that cannot be written: a missing folder, a folder at the path, a read-only or immutable file. */
  checkWritable(path: string): Promise<void>;
  /** Creates a folder (and its parents); nothing when it exists. */
  makeDirectory(path: string): Promise<void>;
  /** The names in a folder, or undefined when the path is not a folder. */
  listDirectory(path: string): Promise<string[] | undefined>;
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  readFile: (p, what) => readInputFile(p, what),
  writeFile: (p, d) => writeOutputFile(p, d),
  checkWritable: async (p) => {
    await checkOutputPath(p);
  },
  exists: async (p) => {
    try {
      await fs.access(p);
      return true;
    } catch {
      return false;
    }
  },
  makeDirectory: (p) => makeOutputFolder(p),
  listDirectory: async (p) => {
    try {
      if (!(await fs.stat(p)).isDirectory()) return undefined;
      return await fs.readdir(p);
    } catch {
      return undefined;
    }
  },
};

/** A mistake in how the command was called: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A request for a command's usage (--help, -h): printed on stdout, exit code 0. */
export class HelpRequest extends Error {
  override name = 'HelpRequest';
}

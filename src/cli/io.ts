/** What a command may touch: its output streams and the file system, passed in so tests can capture them. */
import { promises as fs } from 'fs';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<Buffer>;
  writeFile(path: string, data: Buffer | string): Promise<void>;
  exists(path: string): Promise<boolean>;
  /** Creates a folder (and its parents); nothing when it exists. */
  makeDirectory(path: string): Promise<void>;
  /** The names in a folder, or undefined when the path is not a folder. */
  listDirectory(path: string): Promise<string[] | undefined>;
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  readFile: (p) => fs.readFile(p),
  writeFile: (p, d) => fs.writeFile(p, d),
  exists: async (p) => {
    try {
      await fs.access(p);
      return true;
    } catch {
      return false;
    }
  },
  makeDirectory: async (p) => {
    await fs.mkdir(p, { recursive: true });
  },
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

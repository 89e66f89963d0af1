/** A CliIO that captures output and serves files from memory, for command tests. */
import type { CliIO } from './io';

export interface CapturedIO extends CliIO {
  stdout: string;
  stderr: string;
  files: Map<string, Buffer>;
}

export function captureIO(files: Record<string, string | Buffer> = {}): CapturedIO {
  const io: CapturedIO = {
    stdout: '',
    stderr: '',
    files: new Map(Object.entries(files).map(([k, v]) => [k, Buffer.isBuffer(v) ? v : Buffer.from(v)])),
    out: (t) => {
      io.stdout += t;
    },
    err: (t) => {
      io.stderr += t;
    },
    readFile: async (p) => {
      const f = io.files.get(p);
      if (!f) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return f;
    },
    writeFile: async (p, d) => {
      io.files.set(p, Buffer.isBuffer(d) ? d : Buffer.from(d));
    },
    exists: async (p) => io.files.has(p),
  };
  return io;
}

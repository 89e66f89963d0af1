/** A CliIO that captures output and serves files from memory, for command tests. */
import type { CliIO } from './io';

export interface CapturedIO extends CliIO {
  stdout: string;
  stderr: string;
  files: Map<string, Buffer>;
  /** Folders made with makeDirectory. */
  dirs: Set<string>;
}

export function captureIO(files: Record<string, string | Buffer> = {}): CapturedIO {
  const io: CapturedIO = {
    stdout: '',
    stderr: '',
    files: new Map(Object.entries(files).map(([k, v]) => [k, Buffer.isBuffer(v) ? v : Buffer.from(v)])),
    dirs: new Set<string>(),
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
    exists: async (p) => io.files.has(p) || io.dirs.has(p),
    checkWritable: async () => undefined,
    makeDirectory: async (p) => {
      io.dirs.add(p);
    },
    listDirectory: async (p) => {
      const prefix = `${p.replace(/\/$/, '')}/`;
      const names = [...io.files.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length).split('/')[0]);
      return names.length || io.dirs.has(p) ? [...new Set(names)] : undefined;
    },
  };
  return io;
}

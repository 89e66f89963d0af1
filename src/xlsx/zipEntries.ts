/**
 * Just enough of the zip format to look inside an .xlsx without loading it
 * into ExcelJS: the parts (from the central directory), the text of a small
 * part, a streamed inflate of a large one, and each part's raw bytes so a
 * writer can copy it through unchanged. Every way a file can fail to be a
 * readable zip gets its own message, naming the file.
 */
import { createInflateRaw, inflateRawSync, type InflateRaw } from 'zlib';
import { CompetencyError } from '../core/problems';
import { isCompoundFile, isEncryptedWorkbook } from './workbookEncryption';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function fail(message: string, fileName: string): never {
  throw new CompetencyError('invalid-file', message, fileName);
}

/** A compound file is either an encrypted .xlsx (it holds an "EncryptionInfo" stream) or an old .xls. */
function refuseCompoundFile(bytes: Buffer, fileName: string): never {
  // Commands that take a password decrypt before they get here (cli/workbookAccess.ts); this is for the rest.
  if (isEncryptedWorkbook(bytes))
    fail(
      'the workbook is encrypted with a password to open, and this command takes no password for it; open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it), save, and try again',
      fileName,
    );
  fail('this is an Excel 97-2003 .xls workbook, which cannot be read; open it in Excel and save it as "Excel Workbook (.xlsx)"', fileName);
}

function entries(bytes: Buffer, fileName: string): ZipEntry[] {
  if (bytes.length === 0) fail('the file is empty; save the workbook again from Excel as "Excel Workbook (.xlsx)"', fileName);
  if (isCompoundFile(bytes)) refuseCompoundFile(bytes, fileName);
  const isZip = bytes.length >= 4 && bytes.readUInt32LE(0) === LOCAL;
  // The end-of-central-directory record sits in the last 64 KB + 22 bytes.
  const from = Math.max(0, bytes.length - 65557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    if (isZip)
      fail(
        'the workbook file is cut short (it ends before its zip directory); copy it again from where it was saved, or save it again from Excel',
        fileName,
      );
    fail('this is not an .xlsx workbook (it is not a zip file); save it from Excel as "Excel Workbook (.xlsx)"', fileName);
  }
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff)
    fail('the workbook is a zip64 file, which this tool cannot read; save it again from Excel as "Excel Workbook (.xlsx)"', fileName);
  const out: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) {
      fail('the workbook file is damaged (its zip directory cannot be read); save it again from Excel', fileName);
    }
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    out.push({
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      crc: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localHeader: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

export class ZipParts {
  private readonly list: ZipEntry[];
  private readonly byName: Map<string, ZipEntry>;

  constructor(
    readonly bytes: Buffer,
    private readonly fileName: string,
  ) {
    this.list = entries(bytes, fileName);
    this.byName = new Map(this.list.map((e) => [e.name, e]));
  }

  get names(): string[] {
    return this.list.map((e) => e.name);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** The part's bytes as stored in the zip (still compressed), for copying it through unchanged. */
  raw(name: string): Buffer {
    const e = this.byName.get(name);
    if (!e) fail(`the workbook file is damaged (part ${name} is missing)`, this.fileName);
    const b = this.bytes;
    if (e.localHeader + 30 > b.length || b.readUInt32LE(e.localHeader) !== LOCAL)
      fail(`the workbook file is damaged (part ${name}); save it again from Excel`, this.fileName);
    const start = e.localHeader + 30 + b.readUInt16LE(e.localHeader + 26) + b.readUInt16LE(e.localHeader + 28);
    if (start + e.compressedSize > b.length)
      fail(
        `the workbook file is cut short (part ${name} ends past the end of the file); copy it again from where it was saved`,
        this.fileName,
      );
    if (e.method !== 0 && e.method !== 8)
      fail(`the workbook uses a zip compression this tool cannot read (part ${name}); save it again from Excel`, this.fileName);
    return b.subarray(start, start + e.compressedSize);
  }

  /** The text of a part, or undefined when the workbook has no such part. */
  text(name: string): string | undefined {
    const e = this.byName.get(name);
    if (!e) return undefined;
    const data = this.raw(name);
    if (e.method === 0) return data.toString('utf8');
    try {
      return inflateRawSync(data).toString('utf8');
    } catch {
      fail(`the workbook file is damaged (part ${name} cannot be unpacked); save it again from Excel`, this.fileName);
    }
  }

  /**
   * The part's bytes, unpacked a chunk at a time: `onChunk` sees each piece and
   * the share of the part read so far (0 to 1). Resolves when the part is done,
   * or early when `onChunk` returns false (the reader has what it needs).
   */
  stream(name: string, onChunk: (chunk: Buffer, share: number) => boolean | void): Promise<void> {
    const e = this.byName.get(name);
    if (!e) fail(`the workbook file is damaged (part ${name} is missing)`, this.fileName);
    const data = this.raw(name);
    const total = Math.max(1, e.size);
    if (e.method === 0) {
      onChunk(data, 1);
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const inflate: InflateRaw = createInflateRaw({ chunkSize: 1 << 18 });
      let seen = 0;
      let stopped = false;
      inflate.on('data', (chunk: Buffer) => {
        if (stopped) return;
        seen += chunk.length;
        try {
          if (onChunk(chunk, Math.min(1, seen / total)) === false) {
            stopped = true;
            inflate.destroy();
            resolve();
          }
        } catch (err) {
          stopped = true;
          inflate.destroy();
          reject(err as Error);
        }
      });
      inflate.on('error', (err) => {
        if (stopped) return;
        stopped = true;
        reject(
          err instanceof CompetencyError
            ? err
            : new CompetencyError(
                'invalid-file',
                `the workbook file is damaged (part ${name} cannot be unpacked); save it again from Excel`,
                this.fileName,
              ),
        );
      });
      inflate.on('end', () => {
        if (!stopped) resolve();
      });
      // Feed in slices so a consumer that stops early spares the rest of the work.
      const slice = 1 << 20;
      let at = 0;
      const feed = () => {
        while (!stopped && at < data.length) {
          const end = Math.min(data.length, at + slice);
          const more = inflate.write(data.subarray(at, end));
          at = end;
          if (!more) {
            inflate.once('drain', feed);
            return;
          }
        }
        if (!stopped) inflate.end();
      };
      feed();
    });
  }
}

/**
 * Just enough of the zip format to look inside an .xlsx before handing it to
 * ExcelJS: the names of its parts (from the central directory) and the text
 * of one part. Used to refuse, before anything is written, a workbook whose
 * charts, pivot tables or macros ExcelJS would silently drop.
 */
import { inflateRawSync } from 'zlib';
import { CompetencyError } from '../core/problems';

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localHeader: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function entries(bytes: Buffer, fileName: string): Entry[] {
  // The end-of-central-directory record sits in the last 64 KB + 22 bytes.
  const from = Math.max(0, bytes.length - 65557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    throw new CompetencyError(
      'invalid-file',
      'this is not an .xlsx workbook (it is not a zip file); save it from Excel as "Excel Workbook (.xlsx)"',
      fileName,
    );
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const out: Entry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) {
      throw new CompetencyError('invalid-file', 'the workbook file is damaged (its zip directory cannot be read)', fileName);
    }
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    out.push({
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      localHeader: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

export class ZipParts {
  private readonly list: Entry[];

  constructor(
    private readonly bytes: Buffer,
    private readonly fileName: string,
  ) {
    this.list = entries(bytes, fileName);
  }

  get names(): string[] {
    return this.list.map((e) => e.name);
  }

  /** The text of a part, or undefined when the workbook has no such part. */
  text(name: string): string | undefined {
    const e = this.list.find((x) => x.name === name);
    if (!e) return undefined;
    const b = this.bytes;
    if (b.readUInt32LE(e.localHeader) !== LOCAL)
      throw new CompetencyError('invalid-file', `the workbook file is damaged (part ${name})`, this.fileName);
    const start = e.localHeader + 30 + b.readUInt16LE(e.localHeader + 26) + b.readUInt16LE(e.localHeader + 28);
    const data = b.subarray(start, start + e.compressedSize);
    if (e.method === 0) return data.toString('utf8');
    if (e.method === 8) return inflateRawSync(data).toString('utf8');
    throw new CompetencyError('invalid-file', `the workbook uses a zip compression this tool cannot read (part ${name})`, this.fileName);
  }
}

/**
 * A zip written again with a few parts replaced or added, every other part's
 * compressed bytes copied as they are: adding charts to a 5,000-person grid
 * recompresses only the parts it touches (the sheet gets one element), not the
 * megabytes of sheet XML around them. Deflate is Node's (zlib), not a
 * JavaScript port. No zip64: an .xlsx part or file of 4 GB is out of reach.
 */
import { crc32, deflateRawSync } from 'zlib';

const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD = 0x06054b50;

interface Entry {
  name: Buffer;
  method: number;
  flags: number;
  time: number;
  date: number;
  crc: number;
  compressed: Buffer;
  size: number;
}

function readEntries(bytes: Buffer): Entry[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('zip: no end of central directory');
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const out: Entry[] = [];
  for (let k = 0; k < count; k++) {
    if (bytes.readUInt32LE(at) !== CENTRAL) throw new Error('zip: damaged central directory');
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    if (bytes.readUInt32LE(local) !== LOCAL) throw new Error('zip: damaged local header');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const csize = bytes.readUInt32LE(at + 20);
    out.push({
      name: bytes.subarray(at + 46, at + 46 + nameLength),
      flags: bytes.readUInt16LE(at + 8) & ~0x0008, // sizes go in the local header: no data descriptor
      method: bytes.readUInt16LE(at + 10),
      time: bytes.readUInt16LE(at + 12),
      date: bytes.readUInt16LE(at + 14),
      crc: bytes.readUInt32LE(at + 16),
      compressed: bytes.subarray(start, start + csize),
      size: bytes.readUInt32LE(at + 24),
    });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

function deflated(name: string, text: string, like?: Entry): Entry {
  const data = Buffer.from(text, 'utf8');
  return {
    name: Buffer.from(name, 'utf8'),
    method: 8,
    flags: 0x0800, // UTF-8 name
    time: like?.time ?? 0,
    date: like?.date ?? 0x21, // 1980-01-01
    crc: crc32(data) >>> 0,
    compressed: deflateRawSync(data, { level: 6 }),
    size: data.length,
  };
}

/** The zip with `replace` parts' texts swapped in and `add` parts appended (in order). */
export function rewriteZip(bytes: Buffer, replace: ReadonlyMap<string, string>, add: readonly [string, string][]): Buffer {
  const entries = readEntries(bytes).map((e) => {
    const name = e.name.toString('utf8');
    const text = replace.get(name);
    return text === undefined ? e : deflated(name, text, e);
  });
  for (const [name, text] of add) entries.push(deflated(name, text));
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(e.time, 10);
    local.writeUInt16LE(e.date, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.compressed.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(e.name.length, 26);
    local.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(CENTRAL, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(e.flags, 8);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt16LE(e.time, 12);
    dir.writeUInt16LE(e.date, 14);
    dir.writeUInt32LE(e.crc, 16);
    dir.writeUInt32LE(e.compressed.length, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(e.name.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, e.name, e.compressed);
    central.push(dir, e.name);
    offset += 30 + e.name.length + e.compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

/**
 * Writing the product's sheets into an existing workbook without loading it:
 * the new sheets are written on their own (streamed by ExcelJS into a small
 * workbook of their own), then spliced into the old file at the zip level.
 * Every part of the old file that the splice does not have to change (the
 * user's sheets, charts, pictures, pivot tables, macros, the theme) is copied
 * through byte for byte, still compressed. What has to change, and how:
 *
 * - xl/workbook.xml, its rels and [Content_Types].xml: the dropped sheets'
 *   entries go, the new ones are added; sheet-level names are renumbered.
 * - xl/styles.xml: the new sheets' fonts, fills, borders, number formats,
 *   cell formats and differential formats are appended, and the new sheets'
 *   style indices shifted to match; the old entries keep their indices.
 * - xl/sharedStrings.xml: the new sheets' strings are appended, the old ones
 *   keep their indices.
 * - xl/calcChain.xml is left out (Excel rebuilds it), since it may list cells
 *   of a dropped sheet.
 *
 * See docs/workbooks.md, "Rebuilding inside a workbook".
 */
import path from 'path';
import { StringDecoder } from 'string_decoder';
import { constants, crc32, deflateRawSync } from 'zlib';
import { CompetencyError } from '../core/problems';
import { decodeXml, type WorkbookFile } from './readWorkbook';
import { ZipParts } from './zipEntries';

export interface SpliceOptions {
  /** Sheets of the old workbook to leave out (the product's sheets being replaced), by name. */
  drop: readonly string[];
  /** An .xlsx written by ExcelJS holding only the new sheets, in order. */
  add: Buffer;
  /** Defined names of the old workbook to leave out (the product's names being replaced). */
  dropNames?: readonly string[];
  /** The tab the workbook opens on, by name; the old one when not given (or gone). */
  activeSheet?: string;
}

interface OutPart {
  name: string;
  /** Raw (compressed) bytes copied from the old file, with its directory fields. */
  raw?: { data: Buffer; method: number; crc: number; size: number };
  /** New or changed content, compressed when written. */
  data?: Buffer;
}

const WORKSHEET_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const WORKSHEET_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

function xmlAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The child elements of a section like <fonts>, as written; [] when the section is missing or empty. */
function items(xml: string, section: string, item: string): string[] {
  const body = new RegExp(`<${section}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${section}>)`).exec(xml)?.[1] ?? '';
  return [...body.matchAll(new RegExp(`<${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, 'g'))].map((m) => m[0]);
}

/** Replaces (or inserts, after the first of `after` present) a section with the given items. */
function putSection(xml: string, section: string, list: string[], after: string[]): string {
  const element = `<${section} count="${list.length}">${list.join('')}</${section}>`;
  const existing = new RegExp(`<${section}\\b[^>]*?(?:/>|>[\\s\\S]*?</${section}>)`);
  if (existing.test(xml)) return xml.replace(existing, () => element);
  for (const a of after) {
    const end = new RegExp(`</${a}>|<${a}\\b[^>]*/>`).exec(xml);
    if (end) return xml.slice(0, end.index + end[0].length) + element + xml.slice(end.index + end[0].length);
  }
  const open = /<styleSheet\b[^>]*>/.exec(xml)!;
  return xml.slice(0, open.index + open[0].length) + element + xml.slice(open.index + open[0].length);
}

interface StyleShift {
  xf: number;
  dxf: number;
}

/** The old styles with the new workbook's appended; the shifts to apply to the new sheets' indices. */
function mergeStyles(oldXml: string, newXml: string): { xml: string; shift: StyleShift } {
  const fonts = items(oldXml, 'fonts', 'font');
  const fills = items(oldXml, 'fills', 'fill');
  const borders = items(oldXml, 'borders', 'border');
  const xfs = items(oldXml, 'cellXfs', 'xf');
  const dxfs = items(oldXml, 'dxfs', 'dxf');
  const numFmts = items(oldXml, 'numFmts', 'numFmt');
  const shift = { font: fonts.length, fill: fills.length, border: borders.length, xf: xfs.length, dxf: dxfs.length };
  // Custom number formats of the new sheets get ids after the old ones (164 is the first custom id).
  let nextFmt = Math.max(163, ...numFmts.map((f) => Number(/numFmtId="(\d+)"/.exec(f)?.[1] ?? 0))) + 1;
  const fmtIds = new Map<string, number>();
  for (const f of items(newXml, 'numFmts', 'numFmt')) {
    const id = /numFmtId="(\d+)"/.exec(f)?.[1] ?? '';
    fmtIds.set(id, nextFmt);
    numFmts.push(f.replace(/numFmtId="\d+"/, `numFmtId="${nextFmt++}"`));
  }
  fonts.push(...items(newXml, 'fonts', 'font'));
  fills.push(...items(newXml, 'fills', 'fill'));
  borders.push(...items(newXml, 'borders', 'border'));
  dxfs.push(...items(newXml, 'dxfs', 'dxf'));
  // The first font and border, and the first two fills (none, gray125), are the defaults every styles part starts with: kept as the old ones.
  const keep = (n: string, defaults: number) => (Number(n) < defaults ? Number(n) : undefined);
  for (const xf of items(newXml, 'cellXfs', 'xf')) {
    xfs.push(
      xf
        .replace(/\bfontId="(\d+)"/, (_, n: string) => `fontId="${keep(n, 1) ?? Number(n) + shift.font}"`)
        .replace(/\bfillId="(\d+)"/, (_, n: string) => `fillId="${keep(n, 2) ?? Number(n) + shift.fill}"`)
        .replace(/\bborderId="(\d+)"/, (_, n: string) => `borderId="${keep(n, 1) ?? Number(n) + shift.border}"`)
        .replace(/\bnumFmtId="(\d+)"/, (_, n: string) => `numFmtId="${fmtIds.get(n) ?? n}"`),
    );
  }
  let xml = oldXml;
  xml = putSection(xml, 'numFmts', numFmts, []);
  xml = putSection(xml, 'fonts', fonts, ['numFmts']);
  xml = putSection(xml, 'fills', fills, ['fonts', 'numFmts']);
  xml = putSection(xml, 'borders', borders, ['fills', 'fonts', 'numFmts']);
  xml = putSection(xml, 'cellXfs', xfs, ['cellStyleXfs', 'borders', 'fills', 'fonts', 'numFmts']);
  xml = putSection(xml, 'dxfs', dxfs, ['cellStyles', 'cellXfs']);
  return { xml, shift: { xf: shift.xf, dxf: shift.dxf } };
}

/** The old shared strings with the new ones appended; the index the new ones start at. */
function mergeStrings(oldXml: string | undefined, newXml: string | undefined): { xml: string; offset: number } {
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const old = oldXml ?? `${head}<sst xmlns="${ns}" count="0" uniqueCount="0"></sst>`;
  const added = newXml ? [...newXml.matchAll(/<si>[\s\S]*?<\/si>|<si\/>/g)].map((m) => m[0]) : [];
  const offset = [...old.matchAll(/<si>|<si\/>/g)].length;
  const total = offset + added.length;
  let xml = old.replace(/<sst\b([^>]*?)(\/?)>/, (_, attrs: string, selfClosing: string) => {
    const a = attrs.replace(/\s(?:count|uniqueCount)="\d*"/g, '');
    return `<sst${a} count="${total}" uniqueCount="${total}">${selfClosing ? '</sst>' : ''}`;
  });
  const end = xml.lastIndexOf('</sst>');
  xml = xml.slice(0, end) + added.join('') + xml.slice(end);
  return { xml, offset };
}

/**
 * A new sheet's XML with its style and shared-string indices moved to where the
 * merge put them. Style 0 is the workbook's default in both, and stays 0.
 */
function shiftSheet(xml: string, shift: StyleShift, stringOffset: number): string {
  const xf = (n: string) => (n === '0' ? 0 : Number(n) + shift.xf);
  return xml
    .replace(/<(c|row)\b([^>]*?)\ss="(\d+)"/g, (_, tag: string, before: string, n: string) => `<${tag}${before} s="${xf(n)}"`)
    .replace(/<col\b([^>]*?)\sstyle="(\d+)"/g, (_, before: string, n: string) => `<col${before} style="${xf(n)}"`)
    .replace(/\bdxfId="(\d+)"/g, (_, n: string) => `dxfId="${Number(n) + shift.dxf}"`)
    .replace(/(<c\b[^>]*?\bt="s"[^>]*>(?:<f\b[^>]*?(?:\/>|>[\s\S]*?<\/f>))?<v>)(\d+)(<\/v>)/g, (_, a: string, n: string, b: string) => {
      return `${a}${Number(n) + stringOffset}${b}`;
    });
}

/**
 * A new sheet's part, shifted and compressed a slice at a time, so a sheet of
 * 50,000 rows is never held unpacked whole. Each slice is deflated on its own
 * and ended with a sync flush, and one final empty block closes the stream:
 * together a valid deflate stream (RFC 1951 allows blocks to stand alone).
 */
async function shiftedPart(book: ZipParts, part: string, shift: StyleShift, stringOffset: number): Promise<NonNullable<OutPart['raw']>> {
  const out: Buffer[] = [];
  const decoder = new StringDecoder('utf8');
  let crc = 0;
  let size = 0;
  let pending = '';
  const emit = (xml: string) => {
    const plain = Buffer.from(shiftSheet(xml, shift, stringOffset), 'utf8');
    crc = crc32(plain, crc);
    size += plain.length;
    out.push(deflateRawSync(plain, { level: 6, finishFlush: constants.Z_SYNC_FLUSH }));
  };
  await book.stream(part, (chunk) => {
    pending += decoder.write(chunk);
    // Cut after a whole row: a cell's string index spans several tags.
    const cut = pending.lastIndexOf('</row>');
    if (cut < 0) return true;
    emit(pending.slice(0, cut + 6));
    pending = pending.slice(cut + 6);
    return true;
  });
  pending += decoder.end();
  if (pending) emit(pending);
  out.push(deflateRawSync(Buffer.alloc(0), { level: 6 }));
  return { data: Buffer.concat(out), method: 8, crc, size };
}

/** A sheet-level defined name's localSheetId moved to the sheet's new position; undefined when its sheet is gone. */
function relocalise(nameXml: string, position: (old: number) => number | undefined): string | undefined {
  const m = /\blocalSheetId="(\d+)"/.exec(nameXml);
  if (!m) return nameXml;
  const at = position(Number(m[1]));
  return at === undefined ? undefined : nameXml.replace(/\blocalSheetId="\d+"/, `localSheetId="${at}"`);
}

function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/** Writes a zip: copied parts keep their compressed bytes, new ones are deflated. */
function zipOf(parts: OutPart[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    let data: Buffer;
    let method: number;
    let crc: number;
    let size: number;
    if (p.raw) ({ data, method, crc, size } = p.raw);
    else {
      const plain = p.data!;
      data = deflateRawSync(plain, { level: 6 });
      method = 8;
      crc = crc32(plain);
      size = plain.length;
    }
    if (offset > 0xffffffff || size > 0xffffffff)
      throw new CompetencyError('invalid-file', 'the workbook would be larger than 4 GB, which an .xlsx cannot hold without zip64');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(crc >>> 0, 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

/**
 * The old workbook with `drop` left out and the sheets of `add` appended (in
 * their order), as .xlsx bytes. The new workbook's defined names are added;
 * the old ones stay unless named in `dropNames` or local to a dropped sheet.
 */
export async function spliceWorkbook(old: WorkbookFile, options: SpliceOptions): Promise<Buffer> {
  const zip = old.zip;
  const fileName = old.fileName;
  const text = (z: ZipParts, name: string) => {
    const t = z.text(name);
    if (t === undefined) throw new CompetencyError('invalid-file', `the workbook file is damaged (part ${name} is missing)`, fileName);
    return t;
  };
  const dropped = new Set(options.drop.map((n) => n.toLowerCase()));
  const keptSheets = old.sheets.filter((s) => !dropped.has(s.name.toLowerCase()));
  const goneSheets = old.sheets.filter((s) => dropped.has(s.name.toLowerCase()));
  const goneParts = new Set(goneSheets.flatMap((s) => [s.part, relsOf(s.part)]));
  goneParts.add('xl/calcChain.xml');

  // The new workbook's sheets, their names, states and XML.
  const newBook = new ZipParts(options.add, 'new sheets');
  const newWorkbookXml = text(newBook, 'xl/workbook.xml');
  const newTargets = new Map<string, string>();
  for (const m of text(newBook, 'xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[1])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[1])?.[1];
    if (id && target) newTargets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const newSheets = [...newWorkbookXml.matchAll(/<sheet\b([^>]*?)\/?>/g)].map((m) => ({
    name: decodeXml(/\bname="([^"]*)"/.exec(m[1])?.[1] ?? ''),
    state: /\bstate="([^"]*)"/.exec(m[1])?.[1],
    part: newTargets.get(/\br:id="([^"]*)"/.exec(m[1])?.[1] ?? '') ?? '',
  }));

  const styles = mergeStyles(text(zip, 'xl/styles.xml'), newBook.text('xl/styles.xml') ?? '');
  const strings = mergeStrings(zip.text('xl/sharedStrings.xml'), newBook.text('xl/sharedStrings.xml'));

  // New parts get names no old part has.
  const taken = new Set(zip.names);
  const freshName = (dir: string, base: string, ext: string) => {
    for (let i = 1; ; i++) {
      const name = `${dir}/${base}${i}${ext}`;
      if (!taken.has(name)) {
        taken.add(name);
        return name;
      }
    }
  };

  const out: OutPart[] = [];
  const added: OutPart[] = [];
  const contentTypes: string[] = [];
  const sheetEntries: string[] = [];
  const relEntries: string[] = [];
  let nextSheetId = Math.max(0, ...old.sheets.map((s) => s.sheetId)) + 1;
  const newTypes = text(newBook, '[Content_Types].xml');
  /** Copies the parts `from` (in the new sheets' file) relates to, and their own related parts, renaming each. */
  const carryRelated = (from: string, to: string): void => {
    const rels = newBook.text(relsOf(from));
    if (rels === undefined) return;
    const relsXml = rels.replace(/\bTarget="([^"]*)"/g, (whole, target: string) => {
      if (/^[a-z]+:/i.test(target) || /TargetMode="External"/.test(whole)) return whole;
      const source = new URL(target, `file:///${from}`).pathname.slice(1);
      const dot = source.lastIndexOf('.');
      const dir = source.slice(0, source.lastIndexOf('/'));
      const base = source.slice(source.lastIndexOf('/') + 1, dot).replace(/\d+$/, '');
      const fresh = freshName(dir, base, source.slice(dot));
      added.push({ name: fresh, data: Buffer.from(text(newBook, source), 'utf8') });
      const type = new RegExp(`<Override PartName="/${source.replace(/[.]/g, '\\.')}" ContentType="([^"]*)"`).exec(newTypes)?.[1];
      if (type) contentTypes.push(`<Override PartName="/${fresh}" ContentType="${type}"/>`);
      carryRelated(source, fresh);
      return `Target="${path.posix.relative(to.slice(0, to.lastIndexOf('/')), fresh)}"`;
    });
    added.push({ name: relsOf(to), data: Buffer.from(relsXml, 'utf8') });
  };
  // Relationship ids no kept relationship has: a workbook spliced before holds rIdCm1... already.
  const oldRelIds = new Set([...text(zip, 'xl/_rels/workbook.xml.rels').matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let ridCount = 0;
  const freshRid = () => {
    let rid: string;
    do rid = `rIdCm${++ridCount}`;
    while (oldRelIds.has(rid));
    return rid;
  };
  for (const s of newSheets) {
    const part = freshName('xl/worksheets', 'sheet', '.xml');
    added.push({ name: part, raw: await shiftedPart(newBook, s.part, styles.shift, strings.offset) });
    contentTypes.push(`<Override PartName="/${part}" ContentType="${WORKSHEET_CONTENT}"/>`);
    // Parts a new sheet points to (notes, drawings, and the charts a drawing points to) come along under fresh names.
    carryRelated(s.part, part);
    const rid = freshRid();
    const state = s.state ? ` state="${s.state}"` : '';
    sheetEntries.push(`<sheet name="${xmlAttr(s.name)}" sheetId="${nextSheetId++}"${state} r:id="${rid}"/>`);
    relEntries.push(`<Relationship Id="${rid}" Type="${WORKSHEET_TYPE}" Target="${part.slice('xl/'.length)}"/>`);
  }

  // xl/workbook.xml: the kept sheets in their order, then the new ones; names follow their sheets.
  let workbookXml = text(zip, 'xl/workbook.xml');
  const position = new Map(old.sheets.map((s, i) => [i, keptSheets.indexOf(s)]));
  workbookXml = workbookXml.replace(/<sheet\b[^>]*?\/?>/g, (element) => {
    const name = decodeXml(/\bname="([^"]*)"/.exec(element)?.[1] ?? '');
    return dropped.has(name.toLowerCase()) ? '' : element;
  });
  workbookXml = workbookXml.replace(/<\/sheets>/, `${sheetEntries.join('')}</sheets>`);
  const dropNames = new Set((options.dropNames ?? []).map((n) => n.toLowerCase()));
  const newNames = [...newWorkbookXml.matchAll(/<definedName\b[^>]*>[\s\S]*?<\/definedName>/g)]
    .map((m) => relocalise(m[0], (i) => keptSheets.length + i))
    .filter((n): n is string => n !== undefined);
  const newNameKeys = new Set(
    newNames.map((n) => `${decodeXml(/\bname="([^"]*)"/.exec(n)?.[1] ?? '').toLowerCase()}|${/localSheetId="(\d+)"/.exec(n)?.[1] ?? ''}`),
  );
  const keptNames = [...workbookXml.matchAll(/<definedName\b[^>]*>[\s\S]*?<\/definedName>/g)]
    .map((m) => m[0])
    .filter((n) => !dropNames.has(decodeXml(/\bname="([^"]*)"/.exec(n)?.[1] ?? '').toLowerCase()))
    .map((n) => relocalise(n, (i) => ((position.get(i) ?? -1) >= 0 ? position.get(i) : undefined)))
    .filter(
      (n): n is string =>
        n !== undefined &&
        !newNameKeys.has(`${decodeXml(/\bname="([^"]*)"/.exec(n)?.[1] ?? '').toLowerCase()}|${/localSheetId="(\d+)"/.exec(n)?.[1] ?? ''}`),
    );
  const allNames = [...keptNames, ...newNames];
  // <definedNames> goes where it was, else after <sheets> and what the schema puts between (ECMA-376 Part 1, 18.2.27).
  const namesXml = allNames.length ? `<definedNames>${allNames.join('')}</definedNames>` : '';
  const existingNames = /<definedNames\b[^>]*?(?:\/>|>[\s\S]*?<\/definedNames>)/;
  if (existingNames.test(workbookXml)) workbookXml = workbookXml.replace(existingNames, () => namesXml);
  else if (namesXml) {
    const m = ['</externalReferences>', '</functionGroups>', '</sheets>'].find((t) => workbookXml.includes(t)) ?? '</sheets>';
    const at = workbookXml.indexOf(m) + m.length;
    workbookXml = workbookXml.slice(0, at) + namesXml + workbookXml.slice(at);
  }
  const count = keptSheets.length + newSheets.length;
  const active = options.activeSheet
    ? [...keptSheets.map((s) => s.name), ...newSheets.map((s) => s.name)].findIndex(
        (n) => n.toLowerCase() === options.activeSheet!.toLowerCase(),
      )
    : -1;
  workbookXml = workbookXml.replace(/<workbookView\b[^>]*?\/?>/, (view) => {
    const was = Number(/\bactiveTab="(\d+)"/.exec(view)?.[1] ?? 0);
    const tab = active >= 0 ? active : Math.min(position.get(was) ?? 0, count - 1);
    const v = view.replace(/\s(?:activeTab|firstSheet)="\d+"/g, '');
    return v.replace(/<workbookView\b/, `<workbookView firstSheet="0" activeTab="${Math.max(0, tab)}"`);
  });

  // xl/_rels/workbook.xml.rels: the dropped sheets' relationships (and the calc chain's) go.
  const goneIds = new Set(goneSheets.map((s) => s.rid));
  let relsXml = text(zip, 'xl/_rels/workbook.xml.rels').replace(/<Relationship\b[^>]*?\/?>/g, (r) => {
    const id = /\bId="([^"]*)"/.exec(r)?.[1] ?? '';
    return goneIds.has(id) || /calcChain/.test(r) ? '' : r;
  });
  if (!zip.entry('xl/sharedStrings.xml'))
    relEntries.push(
      '<Relationship Id="rIdCmStrings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>',
    );
  relsXml = relsXml.replace(/<\/Relationships>/, `${relEntries.join('')}</Relationships>`);

  let typesXml = text(zip, '[Content_Types].xml').replace(/<Override\b[^>]*?\/?>/g, (o) => {
    const part = /\bPartName="\/?([^"]*)"/.exec(o)?.[1] ?? '';
    return goneParts.has(part) ? '' : o;
  });
  if (!zip.entry('xl/sharedStrings.xml'))
    contentTypes.push(
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
    );
  typesXml = typesXml.replace(/<\/Types>/, `${contentTypes.join('')}</Types>`);

  const changed = new Map<string, string>([
    ['xl/workbook.xml', workbookXml],
    ['xl/_rels/workbook.xml.rels', relsXml],
    ['[Content_Types].xml', typesXml],
    ['xl/styles.xml', styles.xml],
    ['xl/sharedStrings.xml', strings.xml],
  ]);
  for (const name of zip.names) {
    if (goneParts.has(name)) continue;
    const replaced = changed.get(name);
    if (replaced !== undefined) {
      out.push({ name, data: Buffer.from(replaced, 'utf8') });
      changed.delete(name);
      continue;
    }
    const e = zip.entry(name)!;
    out.push({ name, raw: { data: zip.raw(name), method: e.method, crc: e.crc, size: e.size } });
  }
  for (const [name, xml] of changed) out.push({ name, data: Buffer.from(xml, 'utf8') });
  return zipOf([...out, ...added]);
}

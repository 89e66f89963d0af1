/**
 * The one way the command line opens a workbook. It reads the zip directory,
 * the workbook part (sheet names, states, defined names), the shared strings
 * and the number formats, and then only the sheets a command asks for, each
 * streamed: a sheet's XML is unpacked a chunk at a time and turned into rows
 * of plain values (what core's readers take), so memory follows the rows a
 * command keeps, not the size of the file. Every way a file can be unreadable
 * has its own message (see zipEntries.ts and `openWorkbook`).
 *
 * Values are read as ExcelJS reads them (rich text joined, a formula's cached
 * result, errors as their text, numbers in a date format as ISO dates), so the
 * streamed reader and the in-memory one agree cell for cell; tests pin that.
 */
import { promises as fs } from 'fs';
import { StringDecoder } from 'string_decoder';
import { CompetencyError } from '../core/problems';
import type { PlainValue } from './cellValue';
import { ZipParts } from './zipEntries';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface WorkbookSheet {
  name: string;
  state: SheetState;
  /** The zip part holding the sheet, e.g. xl/worksheets/sheet1.xml. */
  part: string;
  /** The relationship id the workbook part names it by. */
  rid: string;
  /** The sheet's sheetId attribute. */
  sheetId: number;
}

export interface DefinedName {
  name: string;
  /** The reference or formula, as written (no leading "="). */
  ref: string;
  /** Index of the sheet a sheet-level name belongs to. */
  localSheetId?: number;
}

/** A sheet's cells as rows from A1 (rows[r][c], 0-based, holes where blank), and the first formula of each column. */
export interface SheetValues {
  rows: PlainValue[][];
  /** The formula text (no "=") of the first cell in column `col` that has one, with its 0-based row. */
  firstFormula(col: number): { row: number; formula: string } | undefined;
}

export interface ReadOptions {
  /** A line for the user while a long read runs (the command decides whether to print it). */
  progress?: (text: string) => void;
}

/** Built-in number formats that are dates (ECMA-376 Part 1, 18.8.30). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A number format is a date when, outside quotes and brackets, it has a date or time letter (as ExcelJS decides). */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITY[e],
  );
}

const ATTRIBUTE = new Map<string, RegExp>();

function attr(attrs: string, name: string): string | undefined {
  let pattern = ATTRIBUTE.get(name);
  if (!pattern) ATTRIBUTE.set(name, (pattern = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)));
  const m = pattern.exec(attrs);
  return m ? decodeXml(m[1]) : undefined;
}

/** The text of an <si> or <is> element: plain <t>, or rich-text runs joined; phonetic runs left out. */
function stringItemText(xml: string): string {
  const body = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += decodeXml(m[1] ?? '');
  return out;
}

/** "BC12" -> [row 11, col 54], 0-based. */
function cellPosition(ref: string): [number, number] {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  return [parseInt(ref.slice(i), 10) - 1, col - 1];
}

/** Excel's serial date as an ISO date, the way ExcelJS turns one into a Date. */
function serialToIso(serial: number, date1904: boolean): string {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000)).toISOString();
}

const CELL_OR_ROW = /<row\b([^>]*?)\/?>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

export class WorkbookFile {
  readonly sheets: WorkbookSheet[];
  readonly definedNames: DefinedName[];
  private sharedStrings: string[] | undefined;
  private dateStyles: boolean[] | undefined;
  private readonly date1904: boolean;

  constructor(
    readonly zip: ZipParts,
    readonly fileName: string,
    private readonly options: ReadOptions = {},
  ) {
    const workbook = zip.text('xl/workbook.xml');
    if (workbook === undefined) {
      if (zip.names.includes('mimetype') && /opendocument/.test(zip.text('mimetype') ?? ''))
        throw new CompetencyError(
          'invalid-file',
          'this is an OpenDocument spreadsheet (.ods), not an .xlsx workbook; save it as "Excel 2007-365 (.xlsx)" and try again',
          fileName,
        );
      throw new CompetencyError(
        'invalid-file',
        'this is a zip file but not an .xlsx workbook (it has no xl/workbook.xml); save it from Excel as "Excel Workbook (.xlsx)"',
        fileName,
      );
    }
    const targets = new Map<string, string>();
    for (const m of (zip.text('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b([^>]*)\/?>/g)) {
      const id = attr(m[1], 'Id');
      const target = attr(m[1], 'Target');
      if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
    this.sheets = [...workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)].map((m) => {
      const name = attr(m[1], 'name') ?? '';
      const rid = attr(m[1], 'r:id') ?? '';
      return {
        name,
        rid,
        state: (attr(m[1], 'state') as SheetState | undefined) ?? 'visible',
        part: targets.get(rid) ?? '',
        sheetId: Number(attr(m[1], 'sheetId') ?? 0),
      };
    });
    this.definedNames = [...workbook.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)].map((m) => {
      const local = attr(m[1], 'localSheetId');
      return { name: attr(m[1], 'name') ?? '', ref: decodeXml(m[2]), ...(local !== undefined ? { localSheetId: Number(local) } : {}) };
    });
    this.date1904 = /<workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbook);
  }

  /** The sheet of that name (compared as Excel does, ignoring case), or undefined. */
  sheet(name: string): WorkbookSheet | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === wanted);
  }

  /** The sheets a person can see, for messages. */
  get visibleSheetNames(): string[] {
    return this.sheets.filter((s) => s.state === 'visible').map((s) => s.name);
  }

  /** The named sheet, or one clear error listing the sheets there are. */
  requireSheet(name: string): WorkbookSheet {
    const s = this.sheet(name);
    if (s) return s;
    throw new CompetencyError(
      'invalid-argument',
      `there is no sheet "${name}"; its sheets are ${this.visibleSheetNames.map((n) => `"${n}"`).join(', ') || 'none'}`,
      this.fileName,
    );
  }

  private strings(): string[] {
    if (!this.sharedStrings) {
      const xml = this.zip.text('xl/sharedStrings.xml') ?? '';
      this.sharedStrings = [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => stringItemText(m[1] ?? ''));
    }
    return this.sharedStrings;
  }

  private dates(): boolean[] {
    if (!this.dateStyles) {
      const xml = this.zip.text('xl/styles.xml') ?? '';
      const custom = new Map<number, string>();
      for (const m of xml.matchAll(/<numFmt\b([^>]*?)\/?>/g)) custom.set(Number(attr(m[1], 'numFmtId')), attr(m[1], 'formatCode') ?? '');
      const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
      this.dateStyles = [...xfs.matchAll(/<xf\b([^>]*?)\/?>/g)].map((m) => {
        const id = Number(attr(m[1], 'numFmtId') ?? 0);
        const code = custom.get(id);
        return code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id);
      });
    }
    return this.dateStyles;
  }

  /**
   * Streams the sheet's cells to `onRow` a row at a time (0-based row number,
   * cells by 0-based column, holes where blank); rows with no value are
   * skipped, and the read stops when `onRow` returns false. `onFormula` sees each formula cell's text, `onMerge` each merged
   * range ("A1:C1") once the cells are done.
   */
  async eachRow(
    name: string,
    onRow: (row: number, cells: PlainValue[]) => boolean | void,
    onFormula?: (row: number, col: number, formula: string) => void,
    onMerge?: (range: string) => void,
  ): Promise<void> {
    const sheet = this.requireSheet(name);
    if (!sheet.part || !this.zip.entry(sheet.part))
      throw new CompetencyError(
        'invalid-file',
        `the workbook file is damaged (the sheet "${sheet.name}" has no part in it); save it again from Excel`,
        this.fileName,
      );
    const strings = this.strings();
    const dates = this.dates();
    const date1904 = this.date1904;
    const decoder = new StringDecoder('utf8');
    const progress = this.options.progress;
    let pending = '';
    let rowIndex = -1;
    let cells: PlainValue[] = [];
    let hasValue = false;
    let rowsRead = 0;
    let nextReport = 10000;
    let enough = false;
    const endRow = () => {
      if (rowIndex >= 0 && hasValue && !enough) {
        if (onRow(rowIndex, cells) === false) enough = true;
        rowsRead++;
      }
      cells = [];
      hasValue = false;
    };
    const consume = (xml: string) => {
      let col = -1;
      for (const m of xml.matchAll(CELL_OR_ROW)) {
        if (enough) return;
        if (m[1] !== undefined) {
          endRow();
          const r = attr(m[1], 'r');
          rowIndex = r !== undefined ? Number(r) - 1 : rowIndex + 1;
          col = -1;
          continue;
        }
        const attrs = m[2];
        const ref = attr(attrs, 'r');
        if (ref !== undefined) {
          const [r, c] = cellPosition(ref);
          if (r !== rowIndex) {
            endRow();
            rowIndex = r;
          }
          col = c;
        } else col++;
        const body = m[3];
        if (body === undefined) continue; // <c r="B2" s="3"/>: a formatted blank
        const formula = /<f\b[^>]*?(?:\/>|>([\s\S]*?)<\/f>)/.exec(body);
        if (formula && formula[1] !== undefined && onFormula) onFormula(rowIndex, col, decodeXml(formula[1]));
        const type = attr(attrs, 't') ?? 'n';
        // An empty <v></v> (a formula whose result is "") is no cached value, as ExcelJS reads it.
        const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1] || undefined;
        let value: PlainValue = null;
        if (type === 'inlineStr') {
          const is = /<is>([\s\S]*?)<\/is>/.exec(body);
          value = is ? stringItemText(is[1]) : '';
        } else if (v !== undefined) {
          if (type === 's') value = strings[Number(v)] ?? '';
          else if (type === 'str') value = decodeXml(v);
          else if (type === 'b') value = v === '1' || v === 'true';
          else if (type === 'e') value = decodeXml(v);
          else if (type === 'd') value = new Date(decodeXml(v)).toISOString();
          else {
            const n = parseFloat(v);
            const style = Number(attr(attrs, 's') ?? 0);
            value = dates[style] ? serialToIso(n, date1904) : n;
          }
        } else if (!formula) continue; // no value and no formula: blank
        cells[col] = value;
        hasValue = true;
      }
    };
    // After the cells: only the merged ranges are wanted (they come before formats and validations).
    let tail: string | undefined;
    const readMerges = (xml: string) => {
      for (const m of xml.matchAll(/<mergeCell\b([^>]*?)\/?>/g)) {
        const ref = attr(m[1], 'ref');
        if (ref && onMerge) onMerge(ref);
      }
    };
    await this.zip.stream(sheet.part, (chunk, share) => {
      if (enough) return false;
      if (tail !== undefined) {
        tail += decoder.write(chunk);
      } else {
        pending += decoder.write(chunk);
        const end = pending.indexOf('</sheetData>');
        if (end >= 0) {
          consume(pending.slice(0, end));
          tail = pending.slice(end);
          pending = '';
        } else {
          const cut = pending.lastIndexOf('</row>');
          if (cut >= 0) {
            consume(pending.slice(0, cut + 6));
            pending = pending.slice(cut + 6);
          }
          if (progress && rowsRead >= nextReport) {
            progress(`read ${rowsRead.toLocaleString('en')} rows of "${sheet.name}" (${Math.round(share * 100)}% of the sheet)`);
            nextReport = rowsRead + 10000;
          }
          return true;
        }
      }
      const stop =
        /<\/mergeCells>|<(?:phoneticPr|conditionalFormatting|dataValidations|hyperlinks|printOptions|pageMargins)\b|<\/worksheet>/.exec(
          tail,
        );
      if (!stop) return true;
      readMerges(tail.slice(0, stop.index));
      tail = '';
      return false; // what follows (formats, validations, page setup) holds no values
    });
    if (tail) readMerges(tail);
    if (enough) return;
    if (pending) consume(pending);
    endRow();
    if (progress && rowsRead >= 10000) progress(`read ${rowsRead.toLocaleString('en')} rows of "${sheet.name}"`);
  }

  /** The last sheet read by `values`, kept so two readers of one sheet in a row read it once. */
  private last: { name: string; values: SheetValues } | undefined;

  /** Lets go of the sheet kept from the last `values` call. */
  forget(): void {
    this.last = undefined;
  }

  /** The sheet's cells as rows from A1, the shape core's readers take. */
  async values(name: string): Promise<SheetValues> {
    if (this.last?.name === name) return this.last.values;
    this.last = undefined;
    const values = await this.readValues(name);
    this.last = { name, values };
    return values;
  }

  private async readValues(name: string): Promise<SheetValues> {
    const rows: PlainValue[][] = [];
    const first = new Map<number, { row: number; formula: string }>();
    const merges: string[] = [];
    await this.eachRow(
      name,
      (r, cells) => {
        rows[r] = cells;
      },
      (row, col, formula) => {
        if (!first.has(col)) first.set(col, { row, formula });
      },
      (range) => merges.push(range),
    );
    // A merged range shows its first cell's value in every other cell (null when that is blank), as ExcelJS reads it.
    for (const range of merges) {
      const [from, to = from] = range.split(':');
      const [r0, c0] = cellPosition(from);
      const [r1, c1] = cellPosition(to);
      const master = rows[r0]?.[c0] ?? null;
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (r !== r0 || c !== c0) (rows[r] ??= [])[c] = master;
    }
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    return { rows, firstFormula: (col) => first.get(col) };
  }

  /** The trimmed text of the sheet's first cell (A1), "" when blank; the sheet is read no further than its first row. */
  async firstCellText(name: string): Promise<string> {
    let text = '';
    await this.eachRow(name, (row, cells) => {
      if (row === 0 && cells[0] !== null && cells[0] !== undefined) text = String(cells[0]).trim();
      return false;
    });
    return text;
  }
}

/**
 * Opens a workbook from a path (or its bytes): the directory and the workbook
 * part are read at once, the sheets when asked for. Call it once per file; it
 * holds the file's bytes and nothing parsed beyond the sheet list, strings and
 * styles until a sheet is read.
 */
export async function openWorkbook(source: string | Buffer, fileName?: string, options: ReadOptions = {}): Promise<WorkbookFile> {
  const name = fileName ?? (typeof source === 'string' ? source : 'workbook');
  let bytes: Buffer;
  if (typeof source === 'string') {
    try {
      bytes = await fs.readFile(source);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new CompetencyError(
        'invalid-file',
        code === 'ENOENT'
          ? 'no such file; check the path'
          : code === 'EISDIR'
            ? 'this is a folder, not a workbook'
            : `cannot read the file (${code})`,
        name,
      );
    }
  } else bytes = source;
  return new WorkbookFile(new ZipParts(bytes, name), name, options);
}

/**
 * A recording fake of the Excel JavaScript API (Office.js), typed against
 * @types/office-js through the subset in src/host/excelApi.ts.
 *
 * It behaves like Excel where the renderer's safety depends on it:
 * - actions are queued and applied only at `context.sync()`, in order; a failing
 *   action stops the batch there (earlier actions stay applied, as in Excel);
 * - each request is measured as the JSON of its queued actions, and a request
 *   or response over the payload limit (5 MB, like Excel on the web) fails;
 * - a values/formulas/numberFormat array that does not fit its range fails
 *   (a 1 x 1 array is copied to every cell: Office.js "single input copy");
 * - strings are read as if typed: "=..", "+..", "-.." become formulas, "00123"
 *   a number, "TRUE" a boolean, "2024-01-05" a date; a leading apostrophe or a
 *   Text ("@") number format keeps them text;
 * - every modelled member is tagged with its ExcelApi set (excelLimits.ts, checked
 *   against @types/office-js): one newer than the configured version fails with
 *   ApiNotFound at sync;
 * - Excel's documented limits (excelLimits.ts, each with its source) are refused
 *   as Excel refuses them: formula length, cell text, data-validation texts, sheet
 *   names, cells per read, request and response size;
 * - a multi-area selection makes getSelectedRange throw, as Excel documents;
 * - reading a property that was not loaded throws PropertyNotLoaded;
 * - hidden columns and rows, and the print zoom, are recorded per sheet;
 * - renaming a sheet updates references to it in formulas, dropdown sources,
 *   rules and names; deleting it turns them into #REF!.
 * It also models the user's own cells per sheet and lists every write that
 * touched one (`damage`), so "never overwrite a user's cell" can be asserted.
 *
 * No dependencies and no test-framework calls: the same file can be bundled
 * for a browser and installed as the `Excel`/`Office` globals (installOfficeGlobals).
 */
import type {
  BorderSide,
  XApplication,
  XChartCollection,
  XConditionalFormat,
  XConditionalFormatCollection,
  XConditionalRangeFormat,
  XDataValidation,
  XFreezePanes,
  XNamedItem,
  XNamedItemCollection,
  XPageLayout,
  XRange,
  XRangeBorder,
  XRangeAreas,
  XRangeBorderCollection,
  XRangeFill,
  XRangeFont,
  XRangeFormat,
  XRequestContext,
  XTable,
  XTableCollection,
  XWorkbook,
  XWorksheet,
  XWorksheetCollection,
} from '../../src/host/excelApi';
import type { XMeetingWorksheet } from '../../src/host/meetingApi';
import { EXCEL_LIMITS, laterSet, since, sheetNameProblem } from './excelLimits';
// FakeTable has a field named `since`; this alias reaches the table lookup from inside it.
const REQUIREMENT = since;
import type { ModelledMember } from './excelLimits';
import { fakeChartCollection } from './excelFakeCharts';
import {
  changeHandlersSettled,
  dropChangeHandlers,
  changeHandlerCount,
  fakeWorksheetEvents,
  fireChanged,
  isProtected,
  refuseIfProtected,
} from './excelFakeEvents';

// ---------------------------------------------------------------- addresses

export interface FakeRect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function letters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function cellA1(row: number, col: number): string {
  return `${letters(col)}${row + 1}`;
}

export function rectA1(r: FakeRect): string {
  const a = cellA1(r.row, r.col);
  return r.rows === 1 && r.cols === 1 ? a : `${a}:${cellA1(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

/** "B2", "$B$2:D5", "Sheet1!A1:B2", "3:4" (whole rows) -> rectangle. */
export function parseA1(address: string): FakeRect {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const colsOnly = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(local);
  if (colsOnly) {
    const index = (ref: string) => [...ref.toUpperCase()].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0) - 1;
    const a = index(colsOnly[1]);
    const b = index(colsOnly[2]);
    return { row: 0, col: Math.min(a, b), rows: EXCEL_LIMITS.rows, cols: Math.abs(b - a) + 1 };
  }
  const rowsOnly = /^(\d+):(\d+)$/.exec(local);
  if (rowsOnly) {
    const a = Number(rowsOnly[1]) - 1;
    const b = Number(rowsOnly[2]) - 1;
    return { row: Math.min(a, b), col: 0, rows: Math.abs(b - a) + 1, cols: EXCEL_LIMITS.columns };
  }
  const [from, to = from] = local.split(':');
  const p = (ref: string) => {
    const m = /^([A-Za-z]{1,3})(\d+)$/.exec(ref);
    if (!m) throw officeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: "${address}".`);
    let col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(m[2]) - 1, col: col - 1 };
  };
  const a = p(from);
  const b = p(to);
  return { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col), rows: Math.abs(b.row - a.row) + 1, cols: Math.abs(b.col - a.col) + 1 };
}

function intersects(a: FakeRect, b: FakeRect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

// ---------------------------------------------------------------- errors

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

function officeError(code: string, message: string, location?: string): FakeOfficeError {
  return new FakeOfficeError(code, message, location);
}

// ---------------------------------------------------------------- cells

export type Scalar = string | number | boolean;

export interface FakeCell {
  /** What Excel holds as the value; '' for a formula (the fake does not calculate). */
  value: Scalar;
  type: 'text' | 'number' | 'boolean' | 'date' | 'error' | 'formula';
  formula?: string;
  /** Text written with Excel's apostrophe prefix. */
  quotePrefix?: boolean;
  /** Who put it there: seeded as the user's, written through the API, or typed by a person into a product sheet. */
  origin: 'user' | 'api' | 'typed';
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const DATE_LIKE = [
  /^\d{4}-\d{1,2}-\d{1,2}$/, // 2024-01-05
  /^\d{1,2}[/-]\d{1,2}([/-]\d{2,4})?$/, // 1/2, 1/2/2024, 5-1-24
  /^\d{1,2}[- ](jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*([- ]\d{2,4})?$/i, // 5-Jan
  /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[- ]\d{1,4}$/i, // Jan 5, May-2024
  /^\d{1,2}:\d{2}(:\d{2})?(\s?[ap]m)?$/i, // 10:30
];
const ERRORS = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!)$/i;

/** How Excel reads a value written through Range.values / Range.formulas: as if typed into the cell. */
export function readAsTyped(input: Scalar, textFormat = false): Omit<FakeCell, 'origin'> {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw officeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    return { value: input, type: 'number' };
  }
  if (typeof input === 'boolean') return { value: input, type: 'boolean' };
  if (typeof input !== 'string')
    throw officeError('InvalidArgument', `A cell value must be a string, number or boolean, not ${typeof input}.`);
  if (textFormat) return { value: input, type: 'text' };
  if (input.startsWith("'")) return { value: input.slice(1), type: 'text', quotePrefix: true };
  const t = input.trim();
  if (NUMBER.test(t) || GROUPED.test(t)) return { value: Number(t.replace(/,/g, '')), type: 'number' };
  if (/^[+-]?\d+(\.\d+)?%$/.test(t)) return { value: Number(t.slice(0, -1)) / 100, type: 'number' };
  if (/^[=+\-@]/.test(input) && input.length > 1)
    return { value: '', type: 'formula', formula: input.startsWith('=') ? input : `=${input}` };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true', type: 'boolean' };
  if (ERRORS.test(t)) return { value: t.toUpperCase(), type: 'error' };
  if (DATE_LIKE.some((re) => re.test(t))) return { value: 45000, type: 'date' };
  return { value: input, type: 'text' };
}

// ---------------------------------------------------------------- sheet references

/** Rewrites sheet references (Name! or 'Name'!) outside string literals; `map` returns the new name, or null for #REF!. */
export function mapSheetRefs(formula: string, map: (sheet: string) => string | null | undefined): string {
  if (!formula.includes('!')) return formula;
  const parts = formula.split('"');
  for (let i = 0; i < parts.length; i += 2) {
    parts[i] = parts[i].replace(
      /'((?:[^']|'')+)'!|(^|[^A-Za-z0-9_.\u00C0-\uFFFF])([A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*)!/g,
      (whole, quotedName, lead, bare) => {
        const name = quotedName !== undefined ? (quotedName as string).replace(/''/g, "'") : (bare as string);
        const to = map(name);
        if (to === undefined) return whole;
        const prefix = quotedName !== undefined ? '' : (lead as string);
        if (to === null) return `${prefix}#REF!`;
        const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(to) && !/^[A-Za-z]{1,3}\d+$/.test(to);
        return `${prefix}${plain ? to : `'${to.replace(/'/g, "''")}'`}!`;
      },
    );
  }
  return parts.join('"');
}

// ---------------------------------------------------------------- model

export interface FormatWrite {
  range: FakeRect;
  property: string;
  value: unknown;
}

export interface ConditionalFormatRecord {
  range: FakeRect;
  address: string;
  type: 'ColorScale' | 'CellValue' | 'Custom';
  criteria?: Excel.ConditionalColorScaleCriteria;
  rule?: { formula1?: string; formula2?: string; operator?: string; formula?: string };
  format: { fill?: string; fontColor?: string; bold?: boolean };
}

export interface ValidationRecord {
  range: FakeRect;
  address: string;
  rule?: Excel.DataValidationRule;
  errorAlert?: Excel.DataValidationErrorAlert;
  prompt?: Excel.DataValidationPrompt;
  ignoreBlanks?: boolean;
}

export class FakeSheet {
  readonly rows = new Map<number, (FakeCell | undefined)[]>();
  readonly formats: FormatWrite[] = [];
  readonly conditionalFormats: ConditionalFormatRecord[] = [];
  readonly validations: ValidationRecord[] = [];
  readonly merges: FakeRect[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  /** Whole columns and rows hidden through Range.columnHidden / rowHidden. */
  readonly hiddenColumns = new Set<number>();
  readonly hiddenRows = new Set<number>();
  readonly textFormatted = new Set<string>();
  /** Formula cells, so renames and deletes need not scan every cell. */
  readonly formulaCells = new Set<FakeCell>();
  freeze: { rows: number; cols: number } | null = null;
  orientation = 'Portrait';
  printTitleRows: string | null = null;
  /** pageLayout.zoom as last set: a print scale, or pages wide and tall to fit. */
  zoom: Excel.PageLayoutZoomOptions | null = null;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  tabColor = '';
  deleted = false;
  userCells = 0;
  constructor(
    readonly workbook: FakeWorkbookModel,
    public name: string,
    readonly id: string,
    readonly origin: 'user' | 'api',
  ) {}

  get position(): number {
    return this.workbook.sheets.indexOf(this);
  }

  cell(row: number, col: number): FakeCell | undefined {
    return this.rows.get(row)?.[col];
  }

  /** Puts a cell, recording damage when a user's cell changes. */
  put(row: number, col: number, cell: FakeCell | undefined, why: string): void {
    const before = this.cell(row, col);
    if (before?.origin === 'user') {
      this.workbook.damage.push(`${this.name}!${cellA1(row, col)} ${why}`);
      this.userCells--;
    }
    if (cell?.origin === 'user') this.userCells++;
    if (before?.formula) this.formulaCells.delete(before);
    if (cell?.formula) this.formulaCells.add(cell);
    let line = this.rows.get(row);
    if (!cell) {
      if (line) delete line[col];
      return;
    }
    if (!line) {
      line = [];
      this.rows.set(row, line);
    }
    line[col] = cell;
  }

  /** The rectangle holding content, or null when the sheet is empty. */
  usedRect(): FakeRect | null {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    for (const [r, line] of this.rows) {
      let any = false;
      line.forEach((c, j) => {
        if (!c) return;
        any = true;
        if (j < c0) c0 = j;
        if (j > c1) c1 = j;
      });
      if (any) {
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
      }
    }
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** Damage for a format or rule applied over the user's cells. */
  touchFormats(rect: FakeRect, why: string): void {
    if (!this.userCells) return;
    for (const [r, line] of this.rows) {
      if (r < rect.row || r >= rect.row + rect.rows) continue;
      line.forEach((c, j) => {
        if (c?.origin === 'user' && j >= rect.col && j < rect.col + rect.cols)
          this.workbook.damage.push(`${this.name}!${cellA1(r, j)} ${why}`);
      });
    }
  }

  /** The last value written for a format property at a cell (e.g. "format.fill.color"), if any. */
  formatAt(address: string, property: string): unknown {
    const at = parseA1(address);
    for (let k = this.formats.length - 1; k >= 0; k--) {
      const f = this.formats[k];
      if (f.property === property && intersects(f.range, at)) return f.value;
    }
    return undefined;
  }
}

export class FakeWorkbookModel {
  readonly sheets: FakeSheet[] = [];
  readonly names = new Map<string, { name: string; formula: string; comment?: string; origin: 'user' | 'api' }>();
  readonly tables: { name: string; sheet: FakeSheet; range: FakeRect }[] = [];
  readonly damage: string[] = [];
  /** What the user selected: one range, or several areas (Ctrl+click). */
  selection: { sheet: FakeSheet; range: FakeRect; areas?: FakeRect[] } | null = null;
  active: FakeSheet | null = null;
  calculations = 0;
  private nextId = 1;

  newId(): string {
    return `{00000000-0001-0000-${String(this.nextId++).padStart(4, '0')}-000000000000}`;
  }

  find(name: string): FakeSheet | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  /** Points every reference to sheet `from` at `to` (null: #REF!) in formulas, dropdown sources, rules and names. */
  renameReferences(from: string, to: string | null): void {
    const key = from.toLowerCase();
    const map = (n: string) => (n.toLowerCase() === key ? to : undefined);
    // Only formulas that mention the name can refer to it.
    const fix = (f: string) => (f.toLowerCase().includes(key) ? mapSheetRefs(f, map) : f);
    for (const s of this.sheets) {
      for (const c of s.formulaCells) {
        const before = c.formula!;
        c.formula = fix(before);
        // A formula of the user's that loses its reference is damage, even though nothing wrote to its cell.
        if (to === null && c.origin === 'user' && c.formula !== before)
          this.damage.push(`a formula on "${s.name}" now refers to #REF! (${c.formula})`);
      }
      for (const v of s.validations) {
        const list = v.rule?.list;
        if (list && typeof list.source === 'string') v.rule = { ...v.rule, list: { ...list, source: fix(list.source) } };
      }
      for (const cf of s.conditionalFormats) {
        if (cf.rule?.formula) cf.rule.formula = fix(cf.rule.formula);
      }
    }
    for (const n of this.names.values()) n.formula = fix(n.formula);
  }
}

// ---------------------------------------------------------------- requests

export interface RecordedAction {
  /** The 1-based sync this action went out with. */
  sync: number;
  /** The object it acts on, e.g. ws("Team grid").rangeByIndexes(0,0,10,4). */
  target: string;
  kind: 'set' | 'call' | 'load';
  name: string;
  args: unknown;
  /** The ExcelApi version it needs. */
  since: string;
}

export interface RecordedRequest {
  /** 1-based. */
  index: number;
  /** JSON of the queued actions, in bytes (UTF-8). */
  bytes: number;
  actions: number;
  responseBytes: number;
  /** Excel's error, when the request failed. */
  failed?: string;
}

export interface InjectedFailure {
  /** Fail this sync (1-based, counted over the fake's life) before anything in it is applied. */
  atSync?: number;
  /** Or fail at the first action this matches (earlier actions in the batch stay applied, as in Excel). */
  when?: (action: RecordedAction) => boolean;
  code?: string;
  message?: string;
}

interface Queued {
  action: RecordedAction;
  apply: () => void;
}

/** A cell's value as Office.js reports it: '' for empty. */
function shown(cell: FakeCell | undefined): Scalar | '' {
  return cell ? cell.value : '';
}

function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function versionAtLeast(have: string, need: string): boolean {
  const [a1, a2] = have.split('.').map(Number);
  const [b1, b2] = need.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

export interface FakeOptions {
  /** Highest ExcelApi version this Excel supports. Default "1.17". */
  apiVersion?: string;
  /** A request or response over this many bytes fails (RequestPayloadSizeLimitExceeded). Default 5 MB. */
  payloadLimitBytes?: number;
  /** Highest CustomFunctionsRuntime set, or null for an Excel without custom functions. Default "1.4" (Microsoft 365). */
  customFunctionsRuntime?: string | null;
  /** Highest SharedRuntime set, or null. Default "1.1". */
  sharedRuntime?: string | null;
}

export class FakeContext implements XRequestContext {
  readonly workbook: FakeWorkbook;
  queue: Queued[] = [];
  /** Loads answered in the current sync, for the response size. */
  response: unknown[] = [];
  constructor(readonly fake: ExcelFake) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(target: string, kind: RecordedAction['kind'], name: string, args: unknown, since: string, apply: () => void): void {
    this.queue.push({ action: { sync: this.fake.syncCount + 1, target, kind, name, args, since }, apply });
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const batch = this.queue;
    this.queue = [];
    this.response = [];
    const fake = this.fake;
    const index = ++fake.syncCount;
    const bytes = utf8Bytes(JSON.stringify(batch.map((q) => [q.action.target, q.action.kind, q.action.name, q.action.args])));
    const request: RecordedRequest = { index, bytes, actions: batch.length, responseBytes: 0 };
    fake.requests.push(request);
    await Promise.resolve();
    const fail = (e: FakeOfficeError) => {
      request.failed = `${e.code}: ${e.message}`;
      throw e;
    };
    if (bytes > fake.payloadLimitBytes)
      fail(
        officeError(
          'RequestPayloadSizeLimitExceeded',
          'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
        ),
      );
    const injected = fake.takeFailure(index);
    if (injected?.atSync === index)
      fail(officeError(injected.code ?? 'GeneralException', injected.message ?? 'An internal error has occurred.'));
    for (const q of batch) {
      fake.actions.push(q.action);
      if (injected?.when?.(q.action)) {
        fake.consumeFailure(injected);
        fail(
          officeError(
            injected.code ?? 'GeneralException',
            injected.message ?? 'An internal error has occurred.',
            `${q.action.target}.${q.action.name}`,
          ),
        );
      }
      if (!versionAtLeast(fake.apiVersion, q.action.since)) {
        fail(
          officeError(
            'ApiNotFound',
            `The API you are trying to use could not be found (${q.action.target}.${q.action.name} needs ExcelApi ${q.action.since}). It may be available in a newer version of Excel.`,
            `${q.action.target}.${q.action.name}`,
          ),
        );
      }
      try {
        q.apply();
      } catch (e) {
        if (e instanceof FakeOfficeError) fail(e);
        throw e;
      }
    }
    request.responseBytes = utf8Bytes(JSON.stringify(this.response));
    if (request.responseBytes > fake.payloadLimitBytes)
      fail(officeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.'));
    return passThroughValue as T;
  }
}

// ---------------------------------------------------------------- proxies

function notLoaded(property: string): FakeOfficeError {
  return officeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function props(names?: string | string[]): string[] {
  if (!names) return [];
  return (Array.isArray(names) ? names : names.split(',')).map((p) => p.trim()).filter(Boolean);
}

class Loaded {
  protected loaded = new Map<string, unknown>();
  protected got(property: string): unknown {
    if (!this.loaded.has(property)) throw notLoaded(property);
    return this.loaded.get(property);
  }
}

function refuseSheetName(name: string, location: string): void {
  const problem = sheetNameProblem(name);
  if (problem) throw officeError('InvalidArgument', `"${name}" is not a valid sheet name: ${problem}.`, location);
}

class FakeWorksheet extends Loaded implements XWorksheet {
  model: FakeSheet | null | undefined;
  private resolved = false;
  readonly freezePanes: XFreezePanes;
  readonly pageLayout: XPageLayout;
  /** The charts API, modelled in excelFakeCharts.ts. */
  readonly charts: XChartCollection;
  /** The change event and protection, modelled in excelFakeEvents.ts. */
  readonly onChanged: XMeetingWorksheet['onChanged'];
  readonly protection: XMeetingWorksheet['protection'];
  constructor(
    readonly ctx: FakeContext,
    readonly path: string,
    private readonly resolver: () => FakeSheet | null,
    /** The set needed to get hold of this sheet (Table.worksheet needs 1.2). */
    readonly via = '1.1',
  ) {
    super();
    const sheet = this;
    const need = (m: ModelledMember) => laterSet(via, since(m));
    this.freezePanes = {
      freezeAt: (range: XRange | string) => {
        const r = typeof range === 'string' ? null : (range as FakeRange);
        ctx.enqueue(
          `${path}.freezePanes`,
          'call',
          'freezeAt',
          typeof range === 'string' ? range : r!.path,
          need('WorksheetFreezePanes.freezeAt'),
          () => {
            const rect = r ? r.rect() : parseA1(range as string);
            sheet.live().freeze = { rows: rect.row + rect.rows, cols: rect.col + rect.cols };
          },
        );
      },
      freezeRows: (count = 1) =>
        ctx.enqueue(
          `${path}.freezePanes`,
          'call',
          'freezeRows',
          count,
          need('WorksheetFreezePanes.freezeRows'),
          () => (sheet.live().freeze = { rows: count, cols: 0 }),
        ),
      freezeColumns: (count = 1) =>
        ctx.enqueue(
          `${path}.freezePanes`,
          'call',
          'freezeColumns',
          count,
          need('WorksheetFreezePanes.freezeColumns'),
          () => (sheet.live().freeze = { rows: 0, cols: count }),
        ),
    };
    const layout = {
      setPrintTitleRows: (rows: string) =>
        ctx.enqueue(
          `${path}.pageLayout`,
          'call',
          'setPrintTitleRows',
          rows,
          need('PageLayout.setPrintTitleRows'),
          () => (sheet.live().printTitleRows = rows),
        ),
    } as XPageLayout;
    Object.defineProperty(layout, 'orientation', {
      get: () => {
        throw notLoaded('orientation');
      },
      set: (v: string) => {
        ctx.enqueue(`${path}.pageLayout`, 'set', 'orientation', v, need('PageLayout.orientation'), () => (sheet.live().orientation = v));
      },
    });
    Object.defineProperty(layout, 'zoom', {
      get: () => {
        throw notLoaded('zoom');
      },
      set: (v: Excel.PageLayoutZoomOptions) => {
        ctx.enqueue(`${path}.pageLayout`, 'set', 'zoom', v, need('PageLayout.zoom'), () => {
          if (v.scale !== undefined && (v.scale < EXCEL_LIMITS.printScaleMin || v.scale > EXCEL_LIMITS.printScaleMax))
            throw officeError('InvalidArgument', 'The print scale must be between 10 and 400.', `${path}.pageLayout.zoom`);
          sheet.live().zoom = { ...v };
        });
      },
    });
    this.pageLayout = layout;
    this.charts = fakeChartCollection(this);
    ({ onChanged: this.onChanged, protection: this.protection } = fakeWorksheetEvents(this));
  }

  need(member: ModelledMember): string {
    return laterSet(this.via, since(member));
  }

  /** The sheet this proxy names, resolved when its first action is applied. */
  resolve(): FakeSheet | null {
    if (!this.resolved) {
      this.model = this.resolver();
      this.resolved = true;
    }
    return this.model ?? null;
  }

  live(): FakeSheet {
    const m = this.resolve();
    if (!m || m.deleted) throw officeError('ItemNotFound', "The requested resource doesn't exist.", this.path);
    return m;
  }

  get isNullObject(): boolean {
    if (!this.resolved) throw notLoaded('isNullObject');
    return !this.model;
  }

  get name(): string {
    return this.got('name') as string;
  }
  set name(value: string) {
    this.ctx.enqueue(this.path, 'set', 'name', value, this.need('Worksheet.name'), () => {
      const s = this.live();
      refuseSheetName(value, this.path);
      const other = s.workbook.find(value);
      if (other && other !== s) throw officeError('ItemAlreadyExists', `A sheet named "${value}" already exists.`, this.path);
      if (s.origin === 'user' && s.name !== value) s.workbook.damage.push(`sheet "${s.name}" renamed to "${value}"`);
      const old = s.name;
      s.name = value;
      s.workbook.renameReferences(old, value);
    });
  }
  get id(): string {
    return this.got('id') as string;
  }
  get position(): number {
    return this.got('position') as number;
  }
  set position(value: number) {
    this.ctx.enqueue(this.path, 'set', 'position', value, this.need('Worksheet.position'), () => {
      const s = this.live();
      const list = s.workbook.sheets;
      list.splice(list.indexOf(s), 1);
      list.splice(Math.max(0, Math.min(value, list.length)), 0, s);
    });
  }
  get visibility(): Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden' {
    return this.got('visibility') as 'Visible';
  }
  set visibility(value: Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden') {
    this.ctx.enqueue(this.path, 'set', 'visibility', value, this.need('Worksheet.visibility'), () => {
      const s = this.live();
      if (value !== 'Visible' && !s.workbook.sheets.some((x) => x !== s && x.visibility === 'Visible')) {
        throw officeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.', this.path);
      }
      s.visibility = value as 'Visible';
    });
  }
  get tabColor(): string {
    return this.got('tabColor') as string;
  }
  set tabColor(value: string) {
    this.ctx.enqueue(this.path, 'set', 'tabColor', value, this.need('Worksheet.tabColor'), () => (this.live().tabColor = value));
  }

  delete(): void {
    this.ctx.enqueue(this.path, 'call', 'delete', null, this.need('Worksheet.delete'), () => {
      const s = this.live();
      const wb = s.workbook;
      if (s.visibility === 'Visible' && !wb.sheets.some((x) => x !== s && x.visibility === 'Visible')) {
        throw officeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.', this.path);
      }
      if (s.origin === 'user' || s.userCells) wb.damage.push(`sheet "${s.name}" deleted`);
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      s.deleted = true;
      if (wb.active === s) wb.active = wb.sheets.find((x) => x.visibility === 'Visible') ?? null;
      wb.renameReferences(s.name, null);
    });
  }

  activate(): void {
    this.ctx.enqueue(this.path, 'call', 'activate', null, this.need('Worksheet.activate'), () => {
      const s = this.live();
      if (s.visibility !== 'Visible') throw officeError('InvalidOperation', 'A hidden sheet cannot be activated.', this.path);
      s.workbook.active = s;
    });
  }

  getRange(address?: string): XRange {
    return new FakeRange(
      this.ctx,
      `${this.path}.range(${JSON.stringify(address ?? '')})`,
      this,
      () => (address ? parseA1(address) : { row: 0, col: 0, rows: EXCEL_LIMITS.rows, cols: EXCEL_LIMITS.columns }),
      this.need('Worksheet.getRange'),
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XRange {
    return new FakeRange(
      this.ctx,
      `${this.path}.rangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`,
      this,
      () => {
        if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0)
          throw officeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.', this.path);
        return { row: startRow, col: startColumn, rows: rowCount, cols: columnCount };
      },
      this.need('Worksheet.getRangeByIndexes'),
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange {
    void valuesOnly;
    return new FakeRange(
      this.ctx,
      `${this.path}.usedRangeOrNull(${valuesOnly ? 'true' : 'false'})`,
      this,
      () => this.live().usedRect(),
      this.need('Worksheet.getUsedRangeOrNullObject'),
    );
  }

  load(propertyNames?: string | string[]): XWorksheet {
    const wanted = props(propertyNames);
    this.ctx.enqueue(this.path, 'load', 'load', wanted, this.need('Worksheet.load'), () => this.snapshot(wanted));
    return this;
  }

  snapshot(wanted: string[]): void {
    const s = this.resolve();
    if (!s) return;
    if (s.deleted) throw officeError('ItemNotFound', "The requested resource doesn't exist.", this.path);
    const all: Record<string, unknown> = { name: s.name, id: s.id, position: s.position, visibility: s.visibility, tabColor: s.tabColor };
    const out: Record<string, unknown> = {};
    for (const p of wanted.length ? wanted : Object.keys(all)) {
      if (!(p in all)) continue;
      this.loaded.set(p, all[p]);
      out[p] = all[p];
    }
    this.ctx.response.push(out);
  }
}

function formatProxy(ctx: FakeContext, range: FakeRange): XRangeFormat {
  const setter = (path: string, property: string, member: ModelledMember, check?: (v: unknown) => void) => (value: unknown) =>
    ctx.enqueue(`${range.path}.${path}`, 'set', property, value, range.need(member), () => {
      check?.(value);
      const rect = range.rect();
      const sheet = range.sheet.live();
      const key = `${path}.${property}`.replace(/^format\./, '');
      if (key === 'columnWidth') for (let c = rect.col; c < rect.col + rect.cols; c++) sheet.columnWidths.set(c, value as number);
      else if (key === 'rowHeight') for (let r = rect.row; r < rect.row + rect.rows; r++) sheet.rowHeights.set(r, value as number);
      else {
        sheet.touchFormats(rect, `reformatted (${key})`);
        sheet.formats.push({ range: rect, property: key, value });
      }
    });
  const object = <T extends object>(path: string, cls: string, fields: string[]): T => {
    const o = {} as T;
    for (const field of fields) {
      Object.defineProperty(o, field, {
        get: () => {
          throw notLoaded(field);
        },
        set: setter(path, field, `${cls}.${field}` as ModelledMember),
        enumerable: true,
      });
    }
    return o;
  };
  const format = object<XRangeFormat & { fill: XRangeFill; font: XRangeFont; borders: XRangeBorderCollection }>('format', 'RangeFormat', [
    'wrapText',
    'horizontalAlignment',
    'verticalAlignment',
    'textOrientation',
    'columnWidth',
    'rowHeight',
  ]);
  Object.defineProperty(format, 'fill', { value: object<XRangeFill>('format.fill', 'RangeFill', ['color']) });
  Object.defineProperty(format, 'font', {
    value: object<XRangeFont>('format.font', 'RangeFont', ['bold', 'italic', 'color', 'size']),
  });
  Object.defineProperty(format, 'borders', {
    value: {
      getItem: (side: BorderSide) => object<XRangeBorder>(`format.borders(${side})`, 'RangeBorder', ['style', 'weight', 'color']),
    },
  });
  return format;
}

function conditionalRangeFormat(set: (field: 'fill' | 'fontColor' | 'bold', value: unknown) => void): XConditionalRangeFormat {
  const fill = {} as XConditionalRangeFormat['fill'];
  Object.defineProperty(fill, 'color', {
    set: (v: string) => {
      set('fill', v);
    },
    get: () => {
      throw notLoaded('color');
    },
  });
  const font = {} as XConditionalRangeFormat['font'];
  Object.defineProperty(font, 'color', {
    set: (v: string) => {
      set('fontColor', v);
    },
    get: () => {
      throw notLoaded('color');
    },
  });
  Object.defineProperty(font, 'bold', {
    set: (v: boolean) => {
      set('bold', v);
    },
    get: () => {
      throw notLoaded('bold');
    },
  });
  return { fill, font };
}

class FakeRange extends Loaded implements XRange {
  private cached?: FakeRect | null;
  readonly format: XRangeFormat;
  readonly conditionalFormats: XConditionalFormatCollection;
  readonly dataValidation: XDataValidation;
  constructor(
    readonly ctx: FakeContext,
    readonly path: string,
    readonly sheet: FakeWorksheet,
    private readonly resolver: () => FakeRect | null,
    /** The set needed to get hold of this range (getRangeByIndexes needs 1.7). */
    readonly via: string,
  ) {
    super();
    this.format = formatProxy(ctx, this);
    this.conditionalFormats = {
      add: (type: 'ColorScale' | 'CellValue' | 'Custom'): XConditionalFormat => {
        const record: ConditionalFormatRecord = { range: { row: 0, col: 0, rows: 0, cols: 0 }, address: '', type, format: {} };
        const cfPath = `${this.path}.conditionalFormats.add(${type})`;
        ctx.enqueue(`${this.path}.conditionalFormats`, 'call', 'add', type, this.need('ConditionalFormatCollection.add'), () => {
          const rect = this.rect();
          record.range = rect;
          record.address = rectA1(rect);
          this.sheet.live().conditionalFormats.push(record);
        });
        const set = (name: string, value: unknown, apply: () => void, member: ModelledMember) =>
          ctx.enqueue(cfPath, 'set', name, value, this.need(member), apply);
        const styleMember = {
          fill: 'ConditionalRangeFill.color',
          fontColor: 'ConditionalRangeFont.color',
          bold: 'ConditionalRangeFont.bold',
        } as const;
        const styleSetter = (field: 'fill' | 'fontColor' | 'bold', value: unknown) =>
          set(
            `format.${field}`,
            value,
            () => {
              (record.format as Record<string, unknown>)[field] = value;
            },
            styleMember[field],
          );
        const customRule = {} as { formula: string };
        Object.defineProperty(customRule, 'formula', {
          set: (v: string) => {
            set('custom.rule.formula', v, () => (record.rule = { formula: v }), 'ConditionalFormatRule.formula');
          },
          get: () => {
            throw notLoaded('formula');
          },
        });
        const colorScale = {} as XConditionalFormat['colorScale'];
        Object.defineProperty(colorScale, 'criteria', {
          set: (v: Excel.ConditionalColorScaleCriteria) => {
            set('colorScale.criteria', v, () => (record.criteria = v), 'ColorScaleConditionalFormat.criteria');
          },
          get: () => {
            throw notLoaded('criteria');
          },
        });
        const cellValue = { format: conditionalRangeFormat(styleSetter) } as XConditionalFormat['cellValue'];
        Object.defineProperty(cellValue, 'rule', {
          set: (v: Excel.ConditionalCellValueRule) => {
            set('cellValue.rule', v, () => (record.rule = { ...v }), 'CellValueConditionalFormat.rule');
          },
          get: () => {
            throw notLoaded('rule');
          },
        });
        return { colorScale, cellValue, custom: { rule: customRule, format: conditionalRangeFormat(styleSetter) } };
      },
    };
    const validationRecord = (): ValidationRecord => {
      const rect = this.rect();
      const sheet = this.sheet.live();
      let v = sheet.validations.find(
        (x) => x.range.row === rect.row && x.range.col === rect.col && x.range.rows === rect.rows && x.range.cols === rect.cols,
      );
      if (!v) {
        sheet.touchFormats(rect, 'given a dropdown');
        v = { range: rect, address: rectA1(rect) };
        sheet.validations.push(v);
      }
      return v;
    };
    const dv = {} as XDataValidation;
    for (const field of ['rule', 'errorAlert', 'prompt', 'ignoreBlanks'] as const) {
      Object.defineProperty(dv, field, {
        set: (value: unknown) => {
          ctx.enqueue(`${this.path}.dataValidation`, 'set', field, value, this.need(`DataValidation.${field}`), () => {
            refuseLongValidationText(field, value, `${this.path}.dataValidation.${field}`);
            (validationRecord() as unknown as Record<string, unknown>)[field] = value;
          });
        },
        get: () => {
          throw notLoaded(field);
        },
      });
    }
    this.dataValidation = dv;
  }

  need(member: ModelledMember): string {
    return laterSet(this.via, since(member));
  }

  /** The rectangle, resolved when first used by an applied action. */
  rect(): FakeRect {
    const r = this.resolveRect();
    if (!r) throw officeError('ItemNotFound', "The requested resource doesn't exist.", this.path);
    return r;
  }

  private resolveRect(): FakeRect | null {
    if (this.cached === undefined) {
      this.sheet.live();
      this.cached = this.resolver();
    }
    return this.cached;
  }

  get isNullObject(): boolean {
    if (this.cached === undefined) throw notLoaded('isNullObject');
    return this.cached === null;
  }

  get worksheet(): XWorksheet {
    return this.sheet;
  }

  get values(): unknown[][] {
    return this.got('values') as unknown[][];
  }
  set values(v: unknown[][]) {
    this.writeCells('values', v);
  }
  get formulas(): unknown[][] {
    return this.got('formulas') as unknown[][];
  }
  set formulas(v: unknown[][]) {
    this.writeCells('formulas', v);
  }
  get numberFormat(): unknown[][] {
    return this.got('numberFormat') as unknown[][];
  }
  set numberFormat(v: unknown[][]) {
    this.ctx.enqueue(this.path, 'set', 'numberFormat', v, this.need('Range.numberFormat'), () => {
      const rect = this.rect();
      const sheet = this.sheet.live();
      const at = fitArray(v, rect, this.path);
      sheet.touchFormats(rect, 'given a number format');
      for (let i = 0; i < rect.rows; i++) {
        for (let j = 0; j < rect.cols; j++) {
          const f = at(i, j);
          if (f === null || f === undefined) continue;
          const key = `${rect.row + i},${rect.col + j}`;
          if (f === '@') sheet.textFormatted.add(key);
          else sheet.textFormatted.delete(key);
        }
      }
      sheet.formats.push({ range: rect, property: 'numberFormat', value: v.length === 1 && v[0].length === 1 ? v[0][0] : v });
    });
  }
  get columnHidden(): boolean {
    return this.got('columnHidden') as boolean;
  }
  set columnHidden(v: boolean) {
    this.ctx.enqueue(this.path, 'set', 'columnHidden', v, this.need('Range.columnHidden'), () => {
      const rect = this.rect();
      const hidden = this.sheet.live().hiddenColumns;
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        if (v) hidden.add(c);
        else hidden.delete(c);
      }
    });
  }
  get rowHidden(): boolean {
    return this.got('rowHidden') as boolean;
  }
  set rowHidden(v: boolean) {
    this.ctx.enqueue(this.path, 'set', 'rowHidden', v, this.need('Range.rowHidden'), () => {
      const rect = this.rect();
      const hidden = this.sheet.live().hiddenRows;
      for (let r = rect.row; r < rect.row + rect.rows; r++) {
        if (v) hidden.add(r);
        else hidden.delete(r);
      }
    });
  }
  get address(): string {
    return this.got('address') as string;
  }
  get rowCount(): number {
    return this.got('rowCount') as number;
  }
  get columnCount(): number {
    return this.got('columnCount') as number;
  }
  get rowIndex(): number {
    return this.got('rowIndex') as number;
  }
  get columnIndex(): number {
    return this.got('columnIndex') as number;
  }

  private writeCells(kind: 'values' | 'formulas', v: unknown[][]): void {
    this.ctx.enqueue(this.path, 'set', kind, v, this.need(kind === 'values' ? 'Range.values' : 'Range.formulas'), () => {
      const rect = this.rect();
      const sheet = this.sheet.live();
      const at = fitArray(v, rect, this.path);
      // Excel refuses the whole write before changing a cell.
      refuseIfProtected(sheet, this.path);
      for (let i = 0; i < rect.rows; i++) for (let j = 0; j < rect.cols; j++) refuseOverlongInput(at(i, j), this.path);
      const single = rect.rows === 1 && rect.cols === 1;
      const before = single ? shown(sheet.cell(rect.row, rect.col)) : '';
      for (let i = 0; i < rect.rows; i++) {
        for (let j = 0; j < rect.cols; j++) {
          const input = at(i, j);
          if (input === null || input === undefined) continue;
          const row = rect.row + i;
          const col = rect.col + j;
          if (input === '') {
            sheet.put(row, col, undefined, 'cleared');
            continue;
          }
          const typed = readAsTyped(input as Scalar, sheet.textFormatted.size > 0 && sheet.textFormatted.has(`${row},${col}`));
          sheet.put(row, col, { ...typed, origin: 'api' }, 'overwritten');
        }
      }
      // An add-in's own writes raise the change event too.
      const after = single ? shown(sheet.cell(rect.row, rect.col)) : '';
      fireChanged(this.ctx.fake.apiVersion, sheet, rect, rectA1(rect), single ? { before, after } : undefined);
    });
  }

  merge(across?: boolean): void {
    this.ctx.enqueue(this.path, 'call', 'merge', across ?? false, this.need('Range.merge'), () => {
      const rect = this.rect();
      const sheet = this.sheet.live();
      sheet.touchFormats(rect, 'merged');
      sheet.merges.push(rect);
    });
  }

  getSurroundingRegion(): XRange {
    return new FakeRange(
      this.ctx,
      `${this.path}.surroundingRegion()`,
      this.sheet,
      () => surroundingRegion(this.sheet.live(), this.rect()),
      this.need('Range.getSurroundingRegion'),
    );
  }

  load(propertyNames?: string | string[]): XRange {
    const wanted = props(propertyNames);
    this.ctx.enqueue(this.path, 'load', 'load', wanted, this.need('Range.load'), () => {
      const r = this.resolveRect();
      if (!r) return;
      const sheet = this.sheet.live();
      if (wanted.some((p) => CELL_PROPERTIES.has(p)) && r.rows * r.cols > EXCEL_LIMITS.cellsPerRead) {
        throw officeError(
          'ResponsePayloadSizeLimitExceeded',
          `The range ${rectA1(r)} has ${(r.rows * r.cols).toLocaleString('en-US')} cells; Excel reads at most ${EXCEL_LIMITS.cellsPerRead.toLocaleString('en-US')} in one get operation.`,
          this.path,
        );
      }
      const out: Record<string, unknown> = {};
      const fields: Record<string, () => unknown> = {
        address: () => `${quoteName(sheet.name)}!${rectA1(r)}`,
        rowCount: () => r.rows,
        columnCount: () => r.cols,
        rowIndex: () => r.row,
        columnIndex: () => r.col,
        values: () => grid(sheet, r, (c) => (c ? c.value : '')),
        formulas: () => grid(sheet, r, (c) => (c ? (c.type === 'formula' ? c.formula : c.value) : '')),
        numberFormat: () => grid(sheet, r, () => 'General'),
        columnHidden: () => allOrMixed(r.col, r.cols, sheet.hiddenColumns),
        rowHidden: () => allOrMixed(r.row, r.rows, sheet.hiddenRows),
      };
      for (const p of wanted.length ? wanted : ['address', 'values']) {
        if (!fields[p]) continue;
        const value = fields[p]();
        this.loaded.set(p, value);
        out[p] = value;
      }
      this.ctx.response.push(out);
    });
    return this;
  }
}

/** Properties that carry one value per cell, and so count against the cells-per-read limit. */
const CELL_PROPERTIES = new Set(['values', 'formulas', 'numberFormat', 'text', 'valueTypes']);

/** A formula over 8,192 characters, or text over 32,767, is refused by Excel (excelLimits.ts). */
function refuseOverlongInput(input: unknown, path: string): void {
  if (typeof input !== 'string') return;
  const formula = /^[=+\-@]/.test(input) && !input.startsWith("'");
  if (formula && input.length > EXCEL_LIMITS.formulaChars)
    throw officeError(
      'InvalidArgument',
      `A formula of ${input.length.toLocaleString('en-US')} characters is longer than Excel's ${EXCEL_LIMITS.formulaChars.toLocaleString('en-US')}.`,
      path,
    );
  if (input.length > EXCEL_LIMITS.cellTextChars + (input.startsWith("'") ? 1 : 0))
    throw officeError('InvalidArgument', `A cell holds at most ${EXCEL_LIMITS.cellTextChars.toLocaleString('en-US')} characters.`, path);
}

/** Data-validation titles, prompts and error messages over Excel's lengths are refused (excelLimits.ts, [dval]). */
function refuseLongValidationText(field: string, value: unknown, path: string): void {
  const v = (value ?? {}) as { title?: string; message?: string };
  const checks: [string | undefined, number, string][] =
    field === 'prompt'
      ? [
          [v.title, EXCEL_LIMITS.validationTitleChars, 'prompt title'],
          [v.message, EXCEL_LIMITS.validationPromptChars, 'prompt'],
        ]
      : field === 'errorAlert'
        ? [
            [v.title, EXCEL_LIMITS.validationTitleChars, 'error title'],
            [v.message, EXCEL_LIMITS.validationErrorChars, 'error message'],
          ]
        : [];
  for (const [text, max, what] of checks) {
    if (text !== undefined && text.length > max)
      throw officeError('InvalidArgument', `The data validation ${what} has ${text.length} characters; Excel allows ${max}.`, path);
  }
}

/** As Excel reads columnHidden / rowHidden: true when all are hidden, false when none, null when some. */
function allOrMixed(from: number, count: number, hidden: Set<number>): boolean | null {
  let n = 0;
  for (let k = from; k < from + count; k++) if (hidden.has(k)) n++;
  return n === count ? true : n === 0 ? false : null;
}

function quoteName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function grid(sheet: FakeSheet, r: FakeRect, f: (c: FakeCell | undefined) => unknown): unknown[][] {
  const out: unknown[][] = [];
  for (let i = 0; i < r.rows; i++) {
    const line = sheet.rows.get(r.row + i);
    const row: unknown[] = new Array(r.cols);
    for (let j = 0; j < r.cols; j++) row[j] = f(line?.[r.col + j]);
    out.push(row);
  }
  return out;
}

/** How an array maps onto a range: exact size, or a single cell copied everywhere; anything else is refused. */
function fitArray(v: unknown, rect: FakeRect, path: string): (i: number, j: number) => unknown {
  if (!Array.isArray(v) || !v.every((row) => Array.isArray(row)))
    throw officeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.', path);
  if (v.length === 1 && v[0].length === 1) return () => v[0][0];
  if (v.length !== rect.rows || v.some((row: unknown[]) => row.length !== rect.cols)) {
    throw officeError(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (array ${v.length} x ${v[0]?.length ?? 0}, range ${rect.rows} x ${rect.cols}).`,
      path,
    );
  }
  return (i, j) => v[i][j];
}

function surroundingRegion(sheet: FakeSheet, start: FakeRect): FakeRect {
  let r = { row: start.row, col: start.col, rows: 1, cols: 1 };
  const filled = (row: number, col: number) => row >= 0 && col >= 0 && !!sheet.cell(row, col);
  for (let changed = true; changed;) {
    changed = false;
    const r0 = r.row - 1;
    const r1 = r.row + r.rows;
    const c0 = r.col - 1;
    const c1 = r.col + r.cols;
    const rowHas = (row: number) => {
      for (let c = c0; c <= c1; c++) if (filled(row, c)) return true;
      return false;
    };
    const colHas = (col: number) => {
      for (let x = r0; x <= r1; x++) if (filled(x, col)) return true;
      return false;
    };
    if (r0 >= 0 && rowHas(r0)) ((r = { ...r, row: r.row - 1, rows: r.rows + 1 }), (changed = true));
    if (rowHas(r1)) ((r = { ...r, rows: r.rows + 1 }), (changed = true));
    if (c0 >= 0 && colHas(c0)) ((r = { ...r, col: r.col - 1, cols: r.cols + 1 }), (changed = true));
    if (colHas(c1)) ((r = { ...r, cols: r.cols + 1 }), (changed = true));
  }
  return r;
}

class FakeWorksheetCollection extends Loaded implements XWorksheetCollection {
  constructor(private readonly ctx: FakeContext) {
    super();
  }
  get items(): XWorksheet[] {
    return this.got('items') as XWorksheet[];
  }
  add(name?: string): XWorksheet {
    let created: FakeSheet | null = null;
    const proxy = new FakeWorksheet(this.ctx, `ws.add(${JSON.stringify(name ?? '')})`, () => created);
    this.ctx.enqueue('worksheets', 'call', 'add', name ?? null, since('WorksheetCollection.add'), () => {
      const wb = this.ctx.fake.model;
      const wanted = name ?? `Sheet${wb.sheets.length + 1}`;
      refuseSheetName(wanted, 'worksheets.add');
      if (wb.find(wanted)) throw officeError('ItemAlreadyExists', `A sheet named "${wanted}" already exists.`, 'worksheets.add');
      created = new FakeSheet(wb, wanted, wb.newId(), 'api');
      wb.sheets.push(created);
      proxy.resolve();
    });
    return proxy;
  }
  getItem(key: string): XWorksheet {
    const proxy = new FakeWorksheet(this.ctx, `ws(${JSON.stringify(key)})`, () => {
      const s = this.ctx.fake.model.find(key);
      if (!s) throw officeError('ItemNotFound', "The requested resource doesn't exist.", `worksheets.getItem(${key})`);
      return s;
    });
    return proxy;
  }
  getActiveWorksheet(): XWorksheet {
    const proxy = new FakeWorksheet(this.ctx, 'ws.active', () => this.ctx.fake.model.active);
    this.ctx.enqueue(
      proxy.path,
      'call',
      'getActiveWorksheet',
      null,
      since('WorksheetCollection.getActiveWorksheet'),
      () => void proxy.resolve(),
    );
    return proxy;
  }
  getItemOrNullObject(key: string): XWorksheet {
    const proxy = new FakeWorksheet(this.ctx, `ws.orNull(${JSON.stringify(key)})`, () => this.ctx.fake.model.find(key) ?? null);
    this.ctx.enqueue(
      proxy.path,
      'call',
      'getItemOrNullObject',
      key,
      since('WorksheetCollection.getItemOrNullObject'),
      () => void proxy.resolve(),
    );
    return proxy;
  }
  load(propertyNames?: string | string[]): XWorksheetCollection {
    const wanted = props(propertyNames).map((p) => p.replace(/^items\//, ''));
    this.ctx.enqueue('worksheets', 'load', 'load', wanted, since('WorksheetCollection.load'), () => {
      const items = this.ctx.fake.model.sheets.map((s) => {
        const p = new FakeWorksheet(this.ctx, `ws(${JSON.stringify(s.name)})`, () => s);
        p.snapshot(wanted);
        return p;
      });
      this.loaded.set('items', items);
    });
    return this;
  }
}

class FakeNamedItem extends Loaded implements XNamedItem {
  constructor(
    private readonly ctx: FakeContext,
    private readonly key: string,
    private readonly exists: () => boolean,
  ) {
    super();
  }
  private resolvedNull?: boolean;
  resolve(): void {
    this.resolvedNull = !this.exists();
  }
  get isNullObject(): boolean {
    if (this.resolvedNull === undefined) throw notLoaded('isNullObject');
    return this.resolvedNull;
  }
  get name(): string {
    return this.got('name') as string;
  }
  setLoadedName(name: string): void {
    this.loaded.set('name', name);
  }
  get formula(): string {
    return this.got('formula') as string;
  }
  get comment(): string {
    return this.got('comment') as string;
  }
  /** Reading formula needs ExcelApi 1.7 and comment 1.4 (the load itself is 1.1); Excel answers '' for no comment. */
  load(propertyNames?: string | string[]): XNamedItem {
    const wanted = props(propertyNames);
    const need = wanted.reduce(
      (set, p) =>
        p === 'formula' ? laterSet(set, since('NamedItem.formula')) : p === 'comment' ? laterSet(set, since('NamedItem.comment')) : set,
      '1.1',
    );
    this.ctx.enqueue(`names(${JSON.stringify(this.key)})`, 'load', 'load', wanted, need, () => {
      const item = this.ctx.fake.model.names.get(this.key.toLowerCase());
      this.resolvedNull = !item;
      if (!item) return;
      const all: Record<string, unknown> = { name: item.name, formula: item.formula, comment: item.comment ?? '' };
      for (const p of wanted.length ? wanted : Object.keys(all)) if (p in all) this.loaded.set(p, all[p]);
      this.ctx.response.push(all);
    });
    return this;
  }
  delete(): void {
    this.ctx.enqueue(`names(${JSON.stringify(this.key)})`, 'call', 'delete', null, since('NamedItem.delete'), () => {
      const names = this.ctx.fake.model.names;
      const item = names.get(this.key.toLowerCase());
      if (!item) throw officeError('ItemNotFound', "The requested resource doesn't exist.", `names(${this.key}).delete`);
      if (item.origin === 'user') this.ctx.fake.model.damage.push(`name "${item.name}" deleted`);
      names.delete(this.key.toLowerCase());
    });
  }
}

class FakeNamedItemCollection extends Loaded implements XNamedItemCollection {
  constructor(private readonly ctx: FakeContext) {
    super();
  }
  get items(): XNamedItem[] {
    return this.got('items') as XNamedItem[];
  }
  add(name: string, reference: string, comment?: string): XNamedItem {
    const item = new FakeNamedItem(this.ctx, name, () => this.ctx.fake.model.names.has(name.toLowerCase()));
    this.ctx.enqueue('names', 'call', 'add', [name, reference, comment ?? null], since('NamedItemCollection.add'), () => {
      const names = this.ctx.fake.model.names;
      if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
        throw officeError('InvalidArgument', `"${name}" is not a valid name.`, 'names.add');
      if (names.has(name.toLowerCase())) throw officeError('ItemAlreadyExists', `The name "${name}" already exists.`, 'names.add');
      names.set(name.toLowerCase(), { name, formula: reference, comment, origin: 'api' });
    });
    return item;
  }
  getItemOrNullObject(name: string): XNamedItem {
    const item = new FakeNamedItem(this.ctx, name, () => this.ctx.fake.model.names.has(name.toLowerCase()));
    this.ctx.enqueue(
      `names.orNull(${JSON.stringify(name)})`,
      'call',
      'getItemOrNullObject',
      name,
      since('NamedItemCollection.getItemOrNullObject'),
      () => item.resolve(),
    );
    return item;
  }
  load(propertyNames?: string | string[]): XNamedItemCollection {
    void propertyNames;
    this.ctx.enqueue('names', 'load', 'load', props(propertyNames), since('NamedItemCollection.load'), () => {
      const items = [...this.ctx.fake.model.names.values()].map((n) => {
        const item = new FakeNamedItem(this.ctx, n.name, () => true);
        item.setLoadedName(n.name);
        return item;
      });
      this.loaded.set('items', items);
      this.ctx.response.push(items.map((i) => i.name));
    });
    return this;
  }
}

class FakeTable extends Loaded implements XTable {
  private model?: { name: string; sheet: FakeSheet; range: FakeRect } | null;
  readonly worksheet: XWorksheet;
  constructor(
    private readonly ctx: FakeContext,
    private readonly key: string,
    private readonly since: string,
  ) {
    super();
    this.worksheet = new FakeWorksheet(
      ctx,
      `table(${JSON.stringify(key)}).worksheet`,
      () => this.live().sheet,
      laterSet(since, REQUIREMENT('Table.worksheet')),
    );
  }
  resolve(): void {
    this.model = this.ctx.fake.model.tables.find((t) => t.name.toLowerCase() === this.key.toLowerCase()) ?? null;
  }
  private live() {
    if (this.model === undefined) this.resolve();
    if (!this.model) throw officeError('ItemNotFound', "The requested resource doesn't exist.", `tables(${this.key})`);
    return this.model;
  }
  get isNullObject(): boolean {
    if (this.model === undefined) throw notLoaded('isNullObject');
    return this.model === null;
  }
  get name(): string {
    return this.got('name') as string;
  }
  setLoadedName(name: string): void {
    this.loaded.set('name', name);
  }
  getRange(): XRange {
    return new FakeRange(
      this.ctx,
      `table(${JSON.stringify(this.key)}).range`,
      this.worksheet as FakeWorksheet,
      () => this.live().range,
      laterSet(this.since, REQUIREMENT('Table.getRange')),
    );
  }
  load(propertyNames?: string | string[]): XTable {
    this.ctx.enqueue(
      `table(${JSON.stringify(this.key)})`,
      'load',
      'load',
      props(propertyNames),
      laterSet(this.since, REQUIREMENT('Table.load')),
      () => {
        if (this.model === undefined) this.resolve();
        if (this.model) this.loaded.set('name', this.model.name);
      },
    );
    return this;
  }
}

class FakeTableCollection extends Loaded implements XTableCollection {
  constructor(private readonly ctx: FakeContext) {
    super();
  }
  get items(): XTable[] {
    return this.got('items') as XTable[];
  }
  getItemOrNullObject(key: string): XTable {
    const t = new FakeTable(this.ctx, key, since('TableCollection.getItemOrNullObject'));
    this.ctx.enqueue(
      `tables.orNull(${JSON.stringify(key)})`,
      'call',
      'getItemOrNullObject',
      key,
      since('TableCollection.getItemOrNullObject'),
      () => t.resolve(),
    );
    return t;
  }
  load(propertyNames?: string | string[]): XTableCollection {
    this.ctx.enqueue('tables', 'load', 'load', props(propertyNames), since('TableCollection.load'), () => {
      const items = this.ctx.fake.model.tables.map((m) => {
        const t = new FakeTable(this.ctx, m.name, since('TableCollection.load'));
        t.resolve();
        t.setLoadedName(m.name);
        return t;
      });
      this.loaded.set('items', items);
      this.ctx.response.push(items.map((t) => t.name));
    });
    return this;
  }
}

class FakeWorkbook implements XWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly application: XApplication;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.tables = new FakeTableCollection(ctx);
    this.application = {
      suspendApiCalculationUntilNextSync: () =>
        ctx.enqueue(
          'application',
          'call',
          'suspendApiCalculationUntilNextSync',
          null,
          since('Application.suspendApiCalculationUntilNextSync'),
          () => undefined,
        ),
      suspendScreenUpdatingUntilNextSync: () =>
        ctx.enqueue(
          'application',
          'call',
          'suspendScreenUpdatingUntilNextSync',
          null,
          since('Application.suspendScreenUpdatingUntilNextSync'),
          () => undefined,
        ),
      calculate: (type: string) =>
        ctx.enqueue('application', 'call', 'calculate', type, since('Application.calculate'), () => void ctx.fake.model.calculations++),
    };
  }
  getSelectedRange(): XRange {
    const sel = () => {
      const s = this.ctx.fake.model.selection;
      if (!s) throw officeError('InvalidSelection', 'The current selection is invalid for this operation.');
      // @types/office-js: "If there are multiple ranges selected, this method will throw an error."
      if (s.areas && s.areas.length > 1)
        throw officeError(
          'InvalidSelection',
          'The current selection is invalid for this operation (several areas are selected).',
          'getSelectedRange',
        );
      return s;
    };
    const sheet = new FakeWorksheet(this.ctx, 'selection.worksheet', () => sel().sheet);
    return new FakeRange(this.ctx, 'selection', sheet, () => sel().range, since('Workbook.getSelectedRange'));
  }
  getSelectedRanges(): XRangeAreas {
    const ctx = this.ctx;
    const loaded = new Map<string, unknown>();
    const sheet = new FakeWorksheet(
      ctx,
      'selectedRanges.worksheet',
      () => ctx.fake.model.selection?.sheet ?? null,
      laterSet(since('Workbook.getSelectedRanges'), since('RangeAreas.worksheet')),
    );
    const areas: XRangeAreas = {
      worksheet: sheet,
      get areaCount(): number {
        if (!loaded.has('areaCount')) throw notLoaded('areaCount');
        return loaded.get('areaCount') as number;
      },
      get address(): string {
        if (!loaded.has('address')) throw notLoaded('address');
        return loaded.get('address') as string;
      },
      load(propertyNames?: string | string[]) {
        const wanted = props(propertyNames);
        const need = laterSet(since('Workbook.getSelectedRanges'), since('RangeAreas.load'));
        ctx.enqueue('selectedRanges', 'load', 'load', wanted, need, () => {
          const s = ctx.fake.model.selection;
          if (!s) throw officeError('InvalidSelection', 'The current selection is invalid for this operation.');
          const rects = s.areas ?? [s.range];
          // As Excel writes it: each area with its sheet, separated by commas.
          const all = { areaCount: rects.length, address: rects.map((r) => `${quoteName(s.sheet.name)}!${rectA1(r)}`).join(',') };
          const out: Record<string, unknown> = {};
          for (const p of wanted.length ? wanted : Object.keys(all)) {
            if (!(p in all)) continue;
            loaded.set(p, all[p as keyof typeof all]);
            out[p] = all[p as keyof typeof all];
          }
          ctx.response.push(out);
        });
        return areas;
      },
    };
    return areas;
  }
}

// ---------------------------------------------------------------- the fake

export class ExcelFake {
  readonly model = new FakeWorkbookModel();
  readonly apiVersion: string;
  readonly payloadLimitBytes: number;
  /** Requirement sets besides ExcelApi, e.g. CustomFunctionsRuntime: "1.3"; null when absent. */
  readonly otherSets: Record<string, string | null>;
  syncCount = 0;
  readonly requests: RecordedRequest[] = [];
  readonly actions: RecordedAction[] = [];
  private failures: InjectedFailure[] = [];

  constructor(options: FakeOptions = {}) {
    this.apiVersion = options.apiVersion ?? '1.17';
    this.payloadLimitBytes = options.payloadLimitBytes ?? EXCEL_LIMITS.payloadBytes;
    this.otherSets = {
      CustomFunctionsRuntime: options.customFunctionsRuntime === undefined ? '1.4' : options.customFunctionsRuntime,
      SharedRuntime: options.sharedRuntime === undefined ? '1.1' : options.sharedRuntime,
    };
    this.addSheet('Sheet1');
  }

  /** What the renderer takes as its host: Excel.run and the requirement-set check. */
  get host(): {
    run<T>(batch: (context: XRequestContext) => Promise<T>): Promise<T>;
    isSetSupported(set: string, version: string): boolean;
  } {
    return { run: (batch) => this.run(batch), isSetSupported: (set, version) => this.isSetSupported(set, version) };
  }

  isSetSupported(set: string, version: string): boolean {
    if (set === 'ExcelApi') return versionAtLeast(this.apiVersion, version);
    const have = this.otherSets[set];
    return !!have && versionAtLeast(have, version);
  }

  /** Like Excel.run: a fresh context; whatever is still queued when the batch ends is synced. */
  async run<T>(batch: (context: XRequestContext) => Promise<T>): Promise<T> {
    const ctx = new FakeContext(this);
    const result = await batch(ctx);
    if (ctx.queue.length) await ctx.sync();
    return result;
  }

  /** Makes a sync fail: by number, or at the first action that matches. */
  failSync(failure: InjectedFailure): void {
    this.failures.push(failure);
  }

  takeFailure(index: number): InjectedFailure | undefined {
    const k = this.failures.findIndex((f) => f.atSync === index || (f.atSync === undefined && f.when));
    if (k < 0) return undefined;
    const f = this.failures[k];
    if (f.atSync === index) this.failures.splice(k, 1);
    return f;
  }

  consumeFailure(f: InjectedFailure): void {
    this.failures = this.failures.filter((x) => x !== f);
  }

  // -------------------------------------------------------------- seeding (what the user had)

  /** Adds a sheet; `rows` (typed by the user, from A1 or `at`) are the user's own cells. */
  addSheet(name: string, rows: Scalar[][] = [], at = 'A1', origin: 'user' | 'api' = 'user'): FakeSheet {
    if (this.model.find(name)) throw new Error(`the fake already has a sheet "${name}"`);
    const sheet = new FakeSheet(this.model, name, this.model.newId(), origin);
    this.model.sheets.push(sheet);
    if (!this.model.active) this.model.active = sheet;
    const start = parseA1(at);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === '' || v === null || v === undefined) return;
        sheet.put(start.row + i, start.col + j, { ...readAsTyped(v), origin: 'user' }, 'seeded');
      }),
    );
    return sheet;
  }

  /** A person typing into a cell (a manager filling in a rating): not the product, not a seeded user cell. */
  type(sheetName: string, address: string, value: Scalar | ''): void {
    const sheet = this.sheet(sheetName);
    const at = parseA1(address);
    if (isProtected(sheet)) throw new Error(`"${sheetName}" is protected: a person cannot type into ${address}`);
    const before = shown(sheet.cell(at.row, at.col));
    sheet.put(at.row, at.col, value === '' ? undefined : { ...readAsTyped(value), origin: 'typed' }, 'typed over');
    fireChanged(this.apiVersion, sheet, { ...at, rows: 1, cols: 1 }, cellA1(at.row, at.col), {
      before,
      after: shown(sheet.cell(at.row, at.col)),
    });
  }

  /** A person pasting a block of values (from `address`'s top-left cell): one change event for all of them, without details. */
  paste(sheetName: string, address: string, rows: (Scalar | '')[][]): void {
    const sheet = this.sheet(sheetName);
    const at = parseA1(address);
    if (isProtected(sheet)) throw new Error(`"${sheetName}" is protected: a person cannot paste into ${address}`);
    rows.forEach((row, i) =>
      row.forEach((v, j) =>
        sheet.put(at.row + i, at.col + j, v === '' ? undefined : { ...readAsTyped(v), origin: 'typed' }, 'pasted over'),
      ),
    );
    const rect = { row: at.row, col: at.col, rows: rows.length, cols: Math.max(...rows.map((r) => r.length)) };
    fireChanged(this.apiVersion, sheet, rect, rectA1(rect));
  }

  /** Waits for the change handlers the edits so far set off. */
  settled(): Promise<void> {
    return changeHandlersSettled(this.model);
  }

  /** The task pane closed: the change handlers it added are gone, the workbook stays. */
  closePane(): void {
    dropChangeHandlers(this.model);
  }

  /** How many change handlers the add-in has registered on the sheet and not removed. */
  changeHandlers(sheetName: string): number {
    return changeHandlerCount(this.sheet(sheetName));
  }

  /** Whether protection.protect() locked the sheet. */
  isProtected(sheetName: string): boolean {
    return isProtected(this.sheet(sheetName));
  }

  addName(name: string, formula: string): void {
    this.model.names.set(name.toLowerCase(), { name, formula, origin: 'user' });
  }

  addTable(sheetName: string, name: string, address: string): void {
    this.model.tables.push({ name, sheet: this.sheet(sheetName), range: parseA1(address) });
  }

  /** Selects cells; "A1:B3,D1:D3" is a selection of several areas. */
  select(sheetName: string, address: string): void {
    const areas = address.split(',').map((a) => parseA1(a.trim()));
    const sheet = this.sheet(sheetName);
    this.model.selection = areas.length > 1 ? { sheet, range: areas[0], areas } : { sheet, range: areas[0] };
    this.model.active = sheet;
  }

  // -------------------------------------------------------------- inspecting

  sheet(name: string): FakeSheet {
    const s = this.model.find(name);
    if (!s) throw new Error(`the fake has no sheet "${name}"; it has ${this.sheetNames().join(', ')}`);
    return s;
  }

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  visibleSheetNames(): string[] {
    return this.model.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name);
  }

  cell(sheetName: string, address: string): FakeCell | undefined {
    const at = parseA1(address);
    return this.sheet(sheetName).cell(at.row, at.col);
  }

  /** What a person sees in the cells: text, numbers, booleans; formulas as "=..."; '' for empty. */
  read(sheetName: string, address: string): Scalar[][] {
    const sheet = this.sheet(sheetName);
    const r = parseA1(address);
    const out: Scalar[][] = [];
    for (let i = 0; i < r.rows; i++) {
      const row: Scalar[] = [];
      for (let j = 0; j < r.cols; j++) {
        const c = sheet.cell(r.row + i, r.col + j);
        row.push(!c ? '' : c.type === 'formula' ? c.formula! : c.value);
      }
      out.push(row);
    }
    return out;
  }

  /**
   * Everything recorded on a sheet, as plain data: its id (a sheet deleted and
   * made again gets another), every cell with its formula, and its rules and
   * dropdowns. Two equal records mean nothing on the sheet was touched.
   */
  sheetRecord(sheetName: string): unknown {
    const sheet = this.sheet(sheetName);
    const cells: [string, Scalar, string | undefined][] = [];
    for (const [row, line] of [...sheet.rows].sort((a, b) => a[0] - b[0]))
      line.forEach((c, col) => c && cells.push([cellA1(row, col), c.value, c.formula]));
    return {
      id: sheet.id,
      cells,
      conditionalFormats: sheet.conditionalFormats.map((c) => [c.address, c.type, c.rule]),
      validations: sheet.validations.map((v) => [v.address, v.rule?.list?.source]),
    };
  }

  /** Every change to a user's cell, sheet or name, e.g. 'Data!B2 overwritten'. Empty when nothing of the user's was touched. */
  get damage(): string[] {
    return this.model.damage;
  }

  get largestRequestBytes(): number {
    return this.requests.reduce((m, r) => Math.max(m, r.bytes), 0);
  }

  /** Actions matching a name (e.g. "dataValidation" targets or "add"), for assertions. */
  actionsNamed(name: string): RecordedAction[] {
    return this.actions.filter((a) => a.name === name || a.target.endsWith(`.${name}`));
  }
}

/**
 * Installs the fake as the `Excel` and `Office` globals of a page (for the
 * task pane in a browser): Excel.run, Office.onReady resolving with host Excel,
 * and Office.context.requirements.isSetSupported.
 */
export function installOfficeGlobals(
  fake: ExcelFake,
  target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>,
): void {
  target.Excel = { run: <T>(batch: (context: XRequestContext) => Promise<T>) => fake.run(batch) };
  target.Office = {
    HostType: { Excel: 'Excel' },
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: 'Excel', platform: 'PC' };
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      requirements: { isSetSupported: (set: string, version: string) => fake.isSetSupported(set, version) },
    },
  };
}

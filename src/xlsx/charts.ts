/**
 * Native charts in an .xlsx ExcelJS wrote. ExcelJS does not write charts, so
 * once it has written the file this module adds, per sheet with charts, a
 * drawing part, one chart part per chart, their relationships and content
 * types, and the sheet's <drawing> element. It also reads back the product's
 * own charts of a workbook, so a command that rewrites the file through
 * ExcelJS (which drops them) can put back those of the sheets it keeps.
 */
import { PRODUCT_CHART_PREFIX, type SheetPlan } from '../core/layouts/plan';
import { drawingPartXml, drawnChart, escapeXml, type DrawnChart } from './chartXml';
import type { Workbook } from 'exceljs';
import type { RenderResult } from './renderPlan';
import { ZipParts } from './zipEntries';
import { rewriteZip } from './zipRewrite';

const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The charts to draw on one sheet, by the name it was written under. */
export interface SheetCharts {
  sheet: string;
  charts: DrawnChart[];
  /**
   * The drawing part the sheet already points to, when the streaming writer wrote the sheet's
   * <drawing> element and relationship as it went (see wireDrawing): the sheet's XML is then left
   * alone, so a 50,000-row grid is never unpacked into memory to add one element.
   */
  wiredDrawing?: string;
}

/** The drawing part of the n-th charted sheet of a workbook that has no drawings yet. */
export function drawingPartName(n: number): string {
  return `xl/drawings/drawing${n}.xml`;
}

/** The parts of ExcelJS's streaming WorksheetWriter this module hooks into (internal, ExcelJS 4.4). */
interface StreamedSheetInternals {
  _sheetRelsWriter: { addRelationship(rel: { Type: string; Target: string }): string };
  _writeLegacyData(): void;
  stream: { write(text: string): void };
}

/**
 * Makes a streamed sheet point to a drawing part: its relationship is written now, and the
 * <drawing> element where CT_Worksheet wants it, just before <legacyDrawing> (ECMA-376 Part 1,
 * 18.3.1.99). ExcelJS writes nothing between its row breaks and legacyDrawing, so the element
 * lands after pageSetup/headerFooter/rowBreaks and before legacyDrawing/picture, as the schema
 * requires. Call before the sheet is committed.
 */
export function wireDrawing(worksheet: unknown, drawingPart: string): void {
  const sheet = worksheet as StreamedSheetInternals;
  if (typeof sheet._sheetRelsWriter?.addRelationship !== 'function' || typeof sheet._writeLegacyData !== 'function')
    throw new Error('charts: this ExcelJS streaming writer has no relationship writer to hook (ExcelJS changed?)');
  const rid = sheet._sheetRelsWriter.addRelationship({
    Type: REL_DRAWING,
    Target: `../drawings/${drawingPart.slice('xl/drawings/'.length)}`,
  });
  const writeLegacyData = sheet._writeLegacyData.bind(sheet);
  sheet._writeLegacyData = () => {
    sheet.stream.write(`<drawing r:id="${rid}"/>`);
    writeLegacyData();
  };
}

/** The plan's charts of every rendered sheet, as drawn charts named for the sheets they were written to. */
export function renderedCharts(rendered: RenderResult): SheetCharts[] {
  return rendered.sheets
    .filter((s) => s.plan.charts?.length)
    .map((s) => ({ sheet: s.name, charts: s.plan.charts!.map((c) => drawnChart(c, s.plan, s.name)) }));
}

/** Whether a plan draws any chart (a file with none is left exactly as ExcelJS wrote it). */
export function planHasCharts(sheets: readonly SheetPlan[]): boolean {
  return sheets.some((s) => (s.charts?.length ?? 0) > 0);
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Resolves a relationship target against the folder of the part that holds it. */
function resolve(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

function relsPath(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

function relationships(xml: string | undefined): Relationship[] {
  if (!xml) return [];
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    id: attr(m[0], 'Id') ?? '',
    type: attr(m[0], 'Type') ?? '',
    target: unescapeXml(attr(m[0], 'Target') ?? ''),
  }));
}

/** Reads one part's text, undefined when there is no such part. */
type PartText = (name: string) => string | undefined;

/** Sheet name -> its part, from the workbook and its relationships. */
function sheetParts(read: PartText): Map<string, string> {
  const workbook = read('xl/workbook.xml') ?? '';
  const rels = relationships(read('xl/_rels/workbook.xml.rels'));
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescapeXml(attr(m[0], 'name') ?? '');
    const rid = attr(m[0], 'r:id');
    const rel = rels.find((r) => r.id === rid);
    if (rel) out.set(name, resolve('xl/workbook.xml', rel.target));
  }
  return out;
}

// CT_Worksheet: <drawing> comes before these (ECMA-376 Part 1, 18.3.1.99).
const AFTER_DRAWING = [
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

function withDrawingElement(sheetXml: string, rid: string): string {
  if (/<drawing\b/.test(sheetXml)) throw new Error('charts: the sheet already has a drawing');
  const element = `<drawing r:id="${rid}"/>`;
  let at = sheetXml.lastIndexOf('</worksheet>');
  for (const tag of AFTER_DRAWING) {
    const i = sheetXml.search(new RegExp(`<${tag}[\\s>/]`));
    if (i >= 0 && i < at) at = i;
  }
  let out = sheetXml.slice(0, at) + element + sheetXml.slice(at);
  if (!/xmlns:r=/.test(out.slice(0, out.indexOf('>', out.indexOf('<worksheet')))))
    out = out.replace(/<worksheet\b/, `<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`);
  return out;
}

function withRelationship(relsXml: string | undefined, type: string, target: string): { xml: string; id: string } {
  const existing = relationships(relsXml);
  let n = existing.length + 1;
  while (existing.some((r) => r.id === `rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  const xml = relsXml
    ? relsXml.replace('</Relationships>', `${rel}</Relationships>`)
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${rel}</Relationships>`;
  return { xml, id };
}

function nextNumber(names: readonly string[], folder: string, stem: string): number {
  let n = 0;
  const pattern = new RegExp(`^${folder}/${stem}(\\d+)\\.xml$`);
  for (const path of names) {
    const m = pattern.exec(path);
    if (m) n = Math.max(n, Number(m[1]));
  }
  return n + 1;
}

/** Adds the charts to the workbook's bytes; sheets are named as written. Returns the bytes unchanged when there are none. */
export function addCharts(bytes: Buffer, sheets: readonly SheetCharts[]): Buffer {
  const drawn = sheets.filter((s) => s.charts.length);
  if (!drawn.length) return bytes;
  const zip = new ZipParts(bytes, 'the workbook being written');
  const replaced = new Map<string, string>();
  const read = (name: string) => replaced.get(name) ?? zip.text(name);
  const added: [string, string][] = [];
  const parts = sheetParts(read);
  const types: string[] = [];
  const override = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;
  // Fresh drawings are numbered past the parts already there and past those the sheets were wired to.
  let drawingNo = nextNumber([...zip.names, ...drawn.flatMap((s) => s.wiredDrawing ?? [])], 'xl/drawings', 'drawing');
  let chartNo = nextNumber(zip.names, 'xl/charts', 'chart');
  for (const s of drawn) {
    const sheetPart = parts.get(s.sheet);
    if (!sheetPart) throw new Error(`charts: the workbook has no sheet "${s.sheet}"`);
    const drawing = s.wiredDrawing ?? drawingPartName(drawingNo++);
    const chartRels: string[] = [];
    for (const chart of s.charts) {
      const part = `xl/charts/chart${chartNo++}.xml`;
      added.push([part, chart.xml]);
      types.push(override(part, CT_CHART));
      chartRels.push(
        `<Relationship Id="rId${chartRels.length + 1}" Type="${REL_CHART}" Target="../charts/${part.slice('xl/charts/'.length)}"/>`,
      );
    }
    added.push([drawing, drawingPartXml(s.charts)]);
    added.push([
      relsPath(drawing),
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${chartRels.join('')}</Relationships>`,
    ]);
    types.push(override(drawing, CT_DRAWING));
    if (s.wiredDrawing) continue;
    const sheetRels = relsPath(sheetPart);
    const existing = read(sheetRels);
    const rels = withRelationship(existing, REL_DRAWING, `../drawings/${drawing.slice('xl/drawings/'.length)}`);
    if (existing === undefined) added.push([sheetRels, rels.xml]);
    else replaced.set(sheetRels, rels.xml);
    replaced.set(sheetPart, withDrawingElement(read(sheetPart) ?? '', rels.id));
  }
  replaced.set('[Content_Types].xml', (read('[Content_Types].xml') ?? '').replace('</Types>', `${types.join('')}</Types>`));
  return rewriteZip(bytes, replaced, added);
}

/** A drawing holds only the product's charts: no pictures, shapes or anyone else's chart. */
function onlyProductCharts(drawingXml: string): boolean {
  if (/<xdr:(sp|pic|grpSp|cxnSp)\b/.test(drawingXml)) return false;
  const names = [...drawingXml.matchAll(/<xdr:cNvPr\b[^>]*>/g)].map((m) => unescapeXml(attr(m[0], 'name') ?? ''));
  return names.length > 0 && names.every((n) => n.startsWith(PRODUCT_CHART_PREFIX));
}

export interface WorkbookCharts {
  /** The product's charts, by sheet name, with their anchors and parts as they are in the file. */
  product: SheetCharts[];
  /** Chart parts that are not the product's (someone else's chart, or a drawing shared with pictures). */
  others: string[];
}

/**
 * The charts of a workbook, the product's (to carry over) apart from anyone
 * else's (which a rewrite would lose). `names` and `read` look inside the file
 * (ZipParts does, without unpacking it).
 */
export function workbookCharts(names: readonly string[], read: PartText): WorkbookCharts {
  const product: SheetCharts[] = [];
  const claimed = new Set<string>();
  for (const [sheet, part] of sheetParts(read)) {
    const rid = /<drawing\b[^>]*r:id="([^"]*)"/.exec(read(part) ?? '')?.[1];
    if (!rid) continue;
    const rel = relationships(read(relsPath(part))).find((r) => r.id === rid && r.type === REL_DRAWING);
    if (!rel) continue;
    const drawingPart = resolve(part, rel.target);
    const drawingXml = read(drawingPart) ?? '';
    if (!onlyProductCharts(drawingXml)) continue;
    const chartRels = relationships(read(relsPath(drawingPart)));
    const charts: DrawnChart[] = [];
    for (const m of drawingXml.matchAll(/<xdr:twoCellAnchor\b[^>]*>([\s\S]*?)<\/xdr:twoCellAnchor>/g)) {
      const cells = /<xdr:from>[\s\S]*?<\/xdr:to>/.exec(m[1])?.[0];
      const name = unescapeXml(attr(/<xdr:cNvPr\b[^>]*>/.exec(m[1])?.[0] ?? '', 'name') ?? '');
      const chartRid = /<c:chart\b[^>]*r:id="([^"]*)"/.exec(m[1])?.[1];
      const chartRel = chartRels.find((r) => r.id === chartRid);
      if (!cells || !chartRel) continue;
      const chartPart = resolve(drawingPart, chartRel.target);
      const xml = read(chartPart);
      if (xml === undefined) continue;
      claimed.add(chartPart);
      charts.push({ name, cells, xml });
    }
    if (charts.length) product.push({ sheet, charts });
  }
  return { product, others: names.filter((path) => /^xl\/charts\/chart\d+\.xml$/.test(path) && !claimed.has(path)) };
}

/**
 * The product's charts of a workbook read before a rewrite, for the sheets the
 * rewrite keeps as they were (not written again this run) and that are still there.
 */
export function chartsToCarry(
  original: Buffer,
  fileName: string,
  keptSheets: readonly string[],
  written: readonly string[],
): SheetCharts[] {
  const zip = new ZipParts(original, fileName);
  const rewritten = new Set(written.map((n) => n.toLowerCase()));
  const kept = new Set(keptSheets);
  return workbookCharts(zip.names, (name) => zip.text(name)).product.filter(
    (s) => kept.has(s.sheet) && !rewritten.has(s.sheet.toLowerCase()),
  );
}

/**
 * An in-memory workbook's bytes with its charts: those drawn this run and,
 * when it was read from a file, the product's charts of the sheets kept from it.
 */
export async function workbookBytesWithCharts(
  workbook: Workbook,
  drawn: readonly SheetCharts[],
  original?: { bytes: Buffer; fileName: string },
): Promise<Buffer> {
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  const names = workbook.worksheets.map((w) => w.name);
  const present = new Set(names);
  const carried = original
    ? chartsToCarry(
        original.bytes,
        original.fileName,
        names,
        drawn.map((d) => d.sheet),
      )
    : [];
  return addCharts(bytes, [...carried, ...drawn.filter((d) => present.has(d.sheet))]);
}

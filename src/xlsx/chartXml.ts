/**
 * A plan's chart as the two OOXML parts Excel and LibreOffice draw: the chart
 * (DrawingML chart: xl/charts/chartN.xml) and the sheet's drawing that anchors
 * it to cells (xl/drawings/drawingN.xml). Series are formulas over the sheet's
 * own cells, with core's values as their cache, so the file shows the right
 * picture before any recalculation and redraws as the cells change.
 *
 * Element order follows the schema (ECMA-376 Part 1, 21.2): Excel refuses a
 * chart whose children are out of order.
 */
import type { ChartPlan, ChartSeries, PlanCell, Rect, SheetPlan } from '../core/layouts/plan';
import { chartShapeName, isFormula } from '../core/layouts/plan';
import { sheetRef } from '../core/layouts/a1';
import { planCellAt } from '../core/layouts/registry';

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The cells of a one-row or one-column range, in order. */
function cellsOf(r: Rect): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) out.push({ row: r.row + i, col: r.col + j });
  return out;
}

/** What the cell shows, as core computed it. */
function shown(cell: PlanCell | undefined): string | number | null {
  if (cell === undefined || cell === null) return null;
  if (isFormula(cell)) return cell.result === undefined || cell.result === null ? null : cell.result;
  return typeof cell === 'boolean' ? String(cell).toUpperCase() : cell;
}

function strRef(ref: string, values: (string | number | null)[]): string {
  const pts = values.map((v, i) => (v === null || v === '' ? '' : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`)).join('');
  return `<c:strRef><c:f>${escapeXml(ref)}</c:f><c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(ref: string, values: (string | number | null)[]): string {
  const pts = values.map((v, i) => (typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '')).join('');
  return `<c:numRef><c:f>${escapeXml(ref)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache></c:numRef>`;
}

function richText(text: string, size = 1200, bold = true): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="en-GB" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function title(text: string | undefined, size?: number): string {
  return text ? `<c:title>${richText(text, size, size === undefined)}<c:overlay val="0"/></c:title>` : '';
}

const solid = (color: string) => `<a:solidFill><a:srgbClr val="${color.toUpperCase()}"/></a:solidFill>`;

function series(chart: ChartPlan, s: ChartSeries, index: number, sheet: SheetPlan, sheetName: string): string {
  const values = (r: Rect) => cellsOf(r).map((c) => shown(planCellAt(sheet, c.row, c.col)));
  const head = `<c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>`;
  const cat = `<c:cat>${strRef(sheetRef(sheetName, chart.categories), values(chart.categories))}</c:cat>`;
  const val = `<c:val>${numRef(sheetRef(sheetName, s.values), values(s.values))}</c:val>`;
  if (chart.kind === 'radar') {
    const line = `<c:spPr><a:ln w="28575">${solid(s.color)}</a:ln></c:spPr>`;
    return `<c:ser>${head}${line}<c:marker><c:symbol val="none"/></c:marker>${cat}${val}</c:ser>`;
  }
  const err = s.errorBars
    ? `<c:errBars><c:errBarType val="both"/><c:errValType val="cust"/><c:noEndCap val="0"/>` +
      `<c:plus>${numRef(sheetRef(sheetName, s.errorBars), values(s.errorBars))}</c:plus>` +
      `<c:minus>${numRef(sheetRef(sheetName, s.errorBars), values(s.errorBars))}</c:minus>` +
      `<c:spPr><a:ln w="12700">${solid('404040')}</a:ln></c:spPr></c:errBars>`
    : '';
  return `<c:ser>${head}<c:spPr>${solid(s.color)}</c:spPr><c:invertIfNegative val="0"/>${err}${cat}${val}</c:ser>`;
}

const CAT_AX = 500000001;
const VAL_AX = 500000002;

function axes(chart: ChartPlan): string {
  const horizontal = chart.kind === 'clusteredBar';
  const radar = chart.kind === 'radar';
  const orientation = horizontal && chart.firstCategoryOnTop ? 'maxMin' : 'minMax';
  const bounds = `${chart.valueAxis?.max !== undefined ? `<c:max val="${chart.valueAxis.max}"/>` : ''}${
    chart.valueAxis?.min !== undefined ? `<c:min val="${chart.valueAxis.min}"/>` : ''
  }`;
  const format = chart.valueFormat ?? 'General';
  const cat =
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="${orientation}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? 'l' : 'b'}"/>${radar ? '<c:majorGridlines/>' : ''}${title(chart.axisTitles?.category, 1000)}` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="${radar ? 'none' : 'out'}"/><c:minorTickMark val="none"/>` +
    // Labels at the low end, so a negative bar never covers its own name.
    `<c:tickLblPos val="${radar ? 'nextTo' : 'low'}"/><c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const val =
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/>${bounds}</c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines/>${title(chart.axisTitles?.value, 1000)}` +
    `<c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/><c:majorTickMark val="${radar ? 'cross' : 'out'}"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="${CAT_AX}"/><c:crosses val="${horizontal && chart.firstCategoryOnTop ? 'max' : 'autoZero'}"/>` +
    `<c:crossBetween val="between"/></c:valAx>`;
  return cat + val;
}

/** The chart part (xl/charts/chartN.xml) of one plan chart on the sheet written as `sheetName`. */
export function chartPartXml(chart: ChartPlan, sheet: SheetPlan, sheetName: string): string {
  const sers = chart.series.map((s, i) => series(chart, s, i, sheet, sheetName)).join('');
  const axIds = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  const plot =
    chart.kind === 'radar'
      ? `<c:radarChart><c:radarStyle val="marker"/><c:varyColors val="0"/>${sers}${axIds}</c:radarChart>`
      : `<c:barChart><c:barDir val="${chart.kind === 'clusteredBar' ? 'bar' : 'col'}"/><c:grouping val="clustered"/>` +
        `<c:varyColors val="0"/>${sers}<c:gapWidth val="80"/>${axIds}</c:barChart>`;
  const legend = chart.series.length > 1 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title(chart.title)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${axes(chart)}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr>${solid('FFFFFF')}<a:ln w="9525">${solid('BFBFBF')}</a:ln></c:spPr></c:chartSpace>`
  );
}

/** A chart anchored to cells: its drawing fragment's from/to, and its part. */
export interface DrawnChart {
  /** The shape's name in the drawing. */
  name: string;
  /** `<xdr:from>…</xdr:from><xdr:to>…</xdr:to>`. */
  cells: string;
  xml: string;
}

export function anchorCells(r: Rect): string {
  const at = (row: number, col: number) =>
    `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return `<xdr:from>${at(r.row, r.col)}</xdr:from><xdr:to>${at(r.row + r.rows, r.col + r.cols)}</xdr:to>`;
}

export function drawnChart(chart: ChartPlan, sheet: SheetPlan, sheetName: string): DrawnChart {
  return { name: chartShapeName(chart), cells: anchorCells(chart.anchor), xml: chartPartXml(chart, sheet, sheetName) };
}

/** A sheet's drawing part: chart k is the relationship rId{k+1} of the drawing's rels. */
export function drawingPartXml(charts: readonly DrawnChart[]): string {
  const anchors = charts
    .map(
      (c, k) =>
        `<xdr:twoCellAnchor editAs="oneCell">${c.cells}<xdr:graphicFrame macro="">` +
        `<xdr:nvGraphicFramePr><xdr:cNvPr id="${k + 2}" name="${escapeXml(c.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId${k + 1}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors}</xdr:wsDr>`
  );
}

/**
 * Before the command line rebuilds sheets inside an existing workbook it
 * reads the whole file with ExcelJS and writes it back. ExcelJS drops what it
 * does not model (charts other than the product's own, which are put back, pivot tables, slicers, macros, form controls,
 * external links, threaded comments, sparklines, named formulas). Rather than
 * lose a user's work silently, such a workbook is refused before anything is
 * written, with the list of what would be lost.
 */
import { CompetencyError, listForHumans } from '../core/problems';
import { ZipParts } from './zipEntries';
import { workbookCharts } from './charts';

const DROPPED_PARTS: [RegExp, string][] = [
  [/^xl\/chartsheets\//, 'chart sheets'],
  [/^xl\/pivotTables\//, 'pivot tables'],
  [/^xl\/pivotCache\//, 'pivot tables'],
  [/^xl\/slicers\//, 'slicers'],
  [/^xl\/slicerCaches\//, 'slicers'],
  [/^xl\/timelines\//, 'timelines'],
  [/^xl\/vbaProject\.bin$/, 'macros'],
  [/^xl\/activeX\//, 'ActiveX controls'],
  [/^xl\/ctrlProps\//, 'form controls'],
  [/^xl\/externalLinks\//, 'links to other workbooks'],
  [/^xl\/connections\.xml$/, 'data connections'],
  [/^xl\/queryTables\//, 'query tables'],
  [/^xl\/model\//, 'a data model'],
  [/^xl\/threadedComments\//, 'threaded comments'],
  [/^xl\/richData\//, 'pictures in cells or linked data types'],
  [/^xl\/diagrams\//, 'SmartArt'],
];

// ExcelJS keeps a defined name only when it is a plain reference like Sheet!$A$1 or Sheet!$A$1:$B$2.
const PLAIN_REFERENCE = /^(?:'(?:[^']|'')+'|[^'!]+)!\$[A-Z]{1,3}\$\d+(?::\$[A-Z]{1,3}\$\d+)?$/;

/** What ExcelJS would drop from this workbook; empty when it can be rebuilt safely. */
export function droppedByRewrite(bytes: Buffer, fileName: string): string[] {
  const zip = new ZipParts(bytes, fileName);
  const lost = new Set<string>();
  // The product's own charts are drawn again (or carried over, charts.ts); anyone else's would be lost.
  if (workbookCharts(zip.names, (name) => zip.text(name)).others.length) lost.add('charts');
  for (const name of zip.names) for (const [pattern, what] of DROPPED_PARTS) if (pattern.test(name)) lost.add(what);
  const workbook = zip.text('xl/workbook.xml') ?? '';
  for (const m of workbook.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    const attrs = m[1];
    const name = /\bname="([^"]*)"/.exec(attrs)?.[1] ?? '';
    if (name.startsWith('_xlnm.')) continue;
    const ref = m[2]
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&')
      .trim();
    if (/\blocalSheetId=/.test(attrs)) lost.add(`the sheet-level name ${name}`);
    else if (!ref.split(',').every((part) => PLAIN_REFERENCE.test(part.trim()))) lost.add(`the named formula ${name}`);
  }
  for (const name of zip.names) {
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name) && /sparklineGroup/.test(zip.text(name) ?? '')) lost.add('sparklines');
  }
  return [...lost];
}

/** Throws a clear error, naming what would be lost, when the workbook cannot be rebuilt without loss. */
export function assertKeepable(bytes: Buffer, fileName: string): void {
  const lost = droppedByRewrite(bytes, fileName);
  if (lost.length) {
    throw new CompetencyError(
      'invalid-file',
      `the workbook has ${listForHumans(lost, 'and')}, which the command line cannot carry over; nothing was written. ` +
        'Rebuild its sheets from Excel with the add-in, or write a new workbook with --out',
      fileName,
    );
  }
}

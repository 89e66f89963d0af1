/**
 * A layout plan written to .xlsx bytes the way the workbook command writes it:
 * sheets, names and the registry; streamed (a new file) or through an
 * in-memory workbook (a rebuild with --into).
 */
import ExcelJS from 'exceljs';
import { Writable } from 'stream';
import type { LayoutPlan } from '../../../src/core/layouts/plan';
import { renderPlan, writePlanStream } from '../../../src/xlsx/renderPlan';
import { registryFor, streamRegistry, writeRegistry } from '../../../src/xlsx/workbookRegistry';

export async function planWorkbookBytes(plan: LayoutPlan, how: 'stream' | 'memory' = 'stream'): Promise<Buffer> {
  const names = plan.names.map((n) => n.name);
  if (how === 'memory') {
    const wb = new ExcelJS.Workbook();
    const rendered = renderPlan(wb, plan);
    writeRegistry(wb, registryFor(rendered, plan.title, names));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await writePlanStream(plan, sink, { extra: (book, r) => streamRegistry(book, registryFor(r, plan.title, names)) });
  return Buffer.concat(chunks);
}

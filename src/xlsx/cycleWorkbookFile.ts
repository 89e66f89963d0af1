/**
 * A cycle's workbooks as files. Writing and opening each happen in exactly one
 * function here (writeCycleWorkbook, openCycleWorkbook), so that encrypting a
 * file on the way out and decrypting it on the way in can be added in one
 * place. Opening uses ExcelJS for now, kept to openCycleWorkbook so a
 * streaming reader can take its place.
 */
import ExcelJS, { type Workbook } from 'exceljs';
import { Writable } from 'stream';
import type { CycleRecords } from '../core/cycle/identity';
import type { LayoutPlan } from '../core/layouts/plan';
import { CompetencyError } from '../core/problems';
import { writePlanStream } from './renderPlan';
import { registryFor, streamRegistry } from './workbookRegistry';

export interface WriteCycleOptions {
  /** The password of the protected sheets of a file handed out (none by default). */
  password?: string;
}

/** Streams a cycle workbook's plan, with its cycle records in the hidden registry, to bytes. */
export async function writeCycleWorkbook(plan: LayoutPlan, cycle: CycleRecords, options: WriteCycleOptions = {}): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await writePlanStream(plan, sink, {
    password: options.password,
    extra: (book, rendered) => {
      const registry = registryFor(
        rendered,
        plan.title,
        plan.names.map((n) => n.name),
      );
      streamRegistry(book, { ...registry, cycle });
    },
  });
  return Buffer.concat(chunks);
}

/** A returned or master workbook from its bytes; a file that is not an .xlsx is refused by name. */
export async function openCycleWorkbook(bytes: Uint8Array, fileName: string): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new CompetencyError(
      'invalid-file',
      `it cannot be read as an .xlsx workbook (${(e as Error).message}); was it saved as "Excel Workbook (.xlsx)"?`,
      fileName,
    );
  }
  return workbook;
}

/**
 * A cycle's workbooks as files. Writing and opening each happen in exactly one
 * function here (writeCycleWorkbook, openCycleWorkbook): a file handed out is
 * encrypted on the way out when it has a password to open; on the way in the
 * command decrypts it first (it holds the passwords). Opening uses ExcelJS
 * for now, kept to openCycleWorkbook so a streaming reader can take its place.
 */
import ExcelJS, { type Workbook } from 'exceljs';
import { Writable } from 'stream';
import type { CycleRecords } from '../core/cycle/identity';
import type { LayoutPlan } from '../core/layouts/plan';
import { CompetencyError } from '../core/problems';
import { writePlanStream } from './renderPlan';
import { encryptWorkbook, isEncryptedWorkbook } from './workbookEncryption';
import { registryFor, streamRegistry } from './workbookRegistry';

export interface WriteCycleOptions {
  /** The password of the protected sheets of a file handed out (none by default). */
  password?: string;
  /** A password to open: the file is written encrypted with it (none by default). */
  openPassword?: string;
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
  const bytes = Buffer.concat(chunks);
  return options.openPassword === undefined ? bytes : encryptWorkbook(bytes, options.openPassword);
}

/**
 * A returned or master workbook from its bytes (decrypted already, when it has
 * a password to open: see cli/workbookAccess.ts); a file that is not an .xlsx
 * is refused by name.
 */
export async function openCycleWorkbook(bytes: Uint8Array, fileName: string): Promise<Workbook> {
  if (isEncryptedWorkbook(bytes))
    throw new CompetencyError(
      'invalid-file',
      'the workbook is encrypted with a password to open; give the passwords with --passwords FILE',
      fileName,
    );
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

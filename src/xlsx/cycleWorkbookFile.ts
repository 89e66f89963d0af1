/**
 * A cycle's workbooks as files. Writing and opening each happen in exactly one
 * function here (writeCycleWorkbook, openCycleWorkbook): a file handed out is
 * encrypted on the way out when it has a password to open; on the way in the
 * command decrypts it first (it holds the passwords). A master is opened with
 * ExcelJS (collect writes into it); a return is only read, so it is opened
 * with the streaming reader (openReturnedWorkbook), which unpacks only the
 * sheets asked for: its registry and its grid, not the framework's sheets.
 */
import ExcelJS, { type Workbook } from 'exceljs';
import { Writable } from 'stream';
import type { CycleRecords } from '../core/cycle/identity';
import type { LayoutPlan } from '../core/layouts/plan';
import { CompetencyError } from '../core/problems';
import { writePlanStream } from './renderPlan';
import { openWorkbook, type WorkbookFile } from './readWorkbook';
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

function refuseEncrypted(bytes: Uint8Array, fileName: string): void {
  if (isEncryptedWorkbook(bytes))
    throw new CompetencyError(
      'invalid-file',
      'the workbook is encrypted with a password to open; give the passwords with --passwords FILE',
      fileName,
    );
}

const notAWorkbook = (reason: string) => `it cannot be read as an .xlsx workbook (${reason}); was it saved as "Excel Workbook (.xlsx)"?`;

/**
 * A returned or master workbook from its bytes (decrypted already, when it has
 * a password to open: see cli/workbookAccess.ts); a file that is not an .xlsx
 * is refused by name.
 */
export async function openCycleWorkbook(bytes: Uint8Array, fileName: string): Promise<Workbook> {
  refuseEncrypted(bytes, fileName);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new CompetencyError('invalid-file', notAWorkbook((e as Error).message), fileName);
  }
  return workbook;
}

/**
 * A returned workbook from its bytes (decrypted already), opened for reading
 * with the streaming reader; refused by name, as openCycleWorkbook does, when
 * it is encrypted or not an .xlsx.
 */
export async function openReturnedWorkbook(bytes: Buffer, fileName: string): Promise<WorkbookFile> {
  refuseEncrypted(bytes, fileName);
  try {
    return await openWorkbook(bytes, fileName);
  } catch (e) {
    if (!(e instanceof CompetencyError)) throw e;
    throw new CompetencyError('invalid-file', notAWorkbook(e.where ? e.message.slice(e.where.length + 2) : e.message), fileName);
  }
}

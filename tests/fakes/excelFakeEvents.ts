/**
 * The worksheet change event and sheet protection, for the Office.js fake
 * (excelFake.ts), as Microsoft documents them:
 * - Worksheet.onChanged (ExcelApi 1.7) fires after cells of the sheet change,
 *   whether a person typed them or an add-in wrote them, with the address
 *   changed and the sheet's id; the handler runs later, not inside the edit.
 * - WorksheetChangedEventArgs.details (ExcelApi 1.9) holds valueBefore and
 *   valueAfter, and "can be retrieved when the changed event is triggered on
 *   a single cell. If the changed event is triggered on multiple cells, this
 *   property cannot be retrieved": below 1.9, or for several cells, it is absent.
 * - WorksheetProtection.protect (ExcelApi 1.2; 1.7 with a password) locks the sheet: writing its
 *   cells then fails with AccessDenied, and a person cannot type into them.
 * - onChanged.add returns an EventHandlerResult; its remove() takes effect when its context syncs
 *   (excel-add-ins-events, "Remove an event handler"). Handlers go with the add-in's runtime when
 *   the pane closes or reloads, and with their sheet when it is deleted.
 * (learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs,
 * excel.changedeventdetail, excel.worksheetprotection,
 * learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events)
 */
import type { XChangedEventArgs, XMeetingWorksheet } from '../../src/host/meetingApi';
import { FakeOfficeError, type FakeContext, type FakeRect, type FakeSheet, type FakeWorkbookModel, type Scalar } from './excelFake';
import { since } from './excelLimits';

interface SheetProxy {
  ctx: FakeContext;
  path: string;
  live(): FakeSheet;
  need(member: 'Worksheet.onChanged' | 'WorksheetProtection.protect'): string;
}

interface Registration {
  sheet: FakeSheet;
  handler: (args: XChangedEventArgs) => Promise<unknown>;
}

const registrations = new WeakMap<FakeWorkbookModel, Registration[]>();
const running = new WeakMap<FakeWorkbookModel, Promise<unknown>[]>();
const locked = new WeakSet<FakeSheet>();

/** onChanged and protection for one worksheet proxy of the fake. */
export function fakeWorksheetEvents(sheet: SheetProxy): Pick<XMeetingWorksheet, 'onChanged' | 'protection'> {
  const { ctx, path } = sheet;
  return {
    onChanged: {
      add(handler) {
        const since = sheet.need('Worksheet.onChanged');
        let added: Registration | undefined;
        ctx.enqueue(`${path}.onChanged`, 'call', 'add', null, since, () => {
          const model = sheet.live().workbook;
          const list = registrations.get(model) ?? [];
          added = { sheet: sheet.live(), handler };
          list.push(added);
          registrations.set(model, list);
        });
        return {
          context: ctx,
          remove() {
            ctx.enqueue(`${path}.onChanged`, 'call', 'remove', null, since, () => {
              if (!added) throw new FakeOfficeError('InvalidOperation', 'The event handler was never added.', `${path}.onChanged`);
              const list = registrations.get(added.sheet.workbook) ?? [];
              registrations.set(
                added.sheet.workbook,
                list.filter((r) => r !== added),
              );
            });
          },
        };
      },
    },
    protection: {
      protect(options) {
        ctx.enqueue(`${path}.protection`, 'call', 'protect', options ?? null, sheet.need('WorksheetProtection.protect'), () => {
          locked.add(sheet.live());
        });
      },
    },
  };
}

/** The add-in's runtime closing (the pane closed): Excel drops the handlers it added. */
export function dropChangeHandlers(model: FakeWorkbookModel): void {
  registrations.delete(model);
}

/** How many change handlers are registered on the sheet now (added and not removed, the pane open). */
export function changeHandlerCount(sheet: FakeSheet): number {
  return (registrations.get(sheet.workbook) ?? []).filter((r) => r.sheet === sheet).length;
}

export function isProtected(sheet: FakeSheet): boolean {
  return locked.has(sheet);
}

/** What Excel answers a write to a protected sheet. */
export function refuseIfProtected(sheet: FakeSheet, location: string): void {
  if (locked.has(sheet))
    throw new FakeOfficeError('AccessDenied', 'The cell or chart you are trying to change is on a protected sheet.', location);
}

/**
 * Tells the sheet's change handlers that `rect` changed. `before` and `after`
 * are the cell's values when one cell changed; details go with them only from
 * ExcelApi 1.9. Handlers run after the current task, as Excel's events do.
 */
export function fireChanged(
  apiVersion: string,
  sheet: FakeSheet,
  rect: FakeRect,
  address: string,
  values?: { before: Scalar | ''; after: Scalar | '' },
): void {
  const model = sheet.workbook;
  const list = (registrations.get(model) ?? []).filter((r) => r.sheet === sheet);
  if (!list.length) return;
  const single = rect.rows === 1 && rect.cols === 1;
  const details =
    single && values && atLeast(apiVersion, since('WorksheetChangedEventArgs.details'))
      ? { valueBefore: values.before, valueAfter: values.after }
      : undefined;
  const args: XChangedEventArgs = { address, worksheetId: sheet.id, ...(details ? { details } : {}) };
  const pending = running.get(model) ?? [];
  running.set(model, pending);
  for (const r of list) pending.push(new Promise((resolve) => setTimeout(resolve, 0)).then(() => r.handler(args)));
}

/** Waits until every change handler fired so far has finished (and those they set off). */
export async function changeHandlersSettled(model: FakeWorkbookModel): Promise<void> {
  for (;;) {
    const pending = running.get(model) ?? [];
    if (!pending.length) return;
    running.set(model, []);
    await Promise.all(pending);
  }
}

function atLeast(have: string, need: string): boolean {
  const [a1, a2] = have.split('.').map(Number);
  const [b1, b2] = need.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

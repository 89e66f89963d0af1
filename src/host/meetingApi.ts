/**
 * The worksheet members a calibration meeting needs beyond the renderer's
 * subset (excelApi.ts), as types taken from @types/office-js. Requirement
 * sets, from Microsoft's Excel JavaScript API reference
 * (learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs,
 * excel.changedeventdetail, excel.worksheetprotection):
 * - Worksheet.onChanged and WorksheetChangedEventArgs.address / worksheetId: ExcelApi 1.7;
 * - WorksheetChangedEventArgs.details (ChangedEventDetail.valueBefore / valueAfter):
 *   ExcelApi 1.9, and only "when the changed event is triggered on a single cell";
 * - WorksheetProtection.protect: ExcelApi 1.2 with options, 1.7 with a password (the fake asks 1.7).
 * - onChanged.add returns an EventHandlerResult whose remove() takes the handler off once its
 *   context syncs (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events, "Remove an
 *   event handler"; learn.microsoft.com/javascript/api/office/officeextension.eventhandlerresult).
 */
import type { XWorksheet } from './excelApi';

export type XChangedEventArgs = Pick<Excel.WorksheetChangedEventArgs, 'address' | 'worksheetId'> & {
  /** Absent below ExcelApi 1.9 and for a change of several cells at once. */
  details?: Pick<Excel.ChangedEventDetail, 'valueBefore' | 'valueAfter'>;
};

/** What onChanged.add gives back: remove() is queued on `context`, so that context must sync. */
export interface XEventHandlerResult {
  readonly context: { sync(): Promise<unknown> };
  remove(): void;
}

export interface XMeetingWorksheet extends XWorksheet {
  readonly onChanged: { add(handler: (args: XChangedEventArgs) => Promise<unknown>): XEventHandlerResult };
  readonly protection: { protect(options?: Excel.WorksheetProtectionOptions): void };
}

/** Compile-time proof that a real Office.js worksheet has these members (fails the typecheck if they drift). */
type Fits<Subset, _Real extends Subset> = true;
export type WorksheetFitsMeeting = Fits<XMeetingWorksheet, Excel.Worksheet>;

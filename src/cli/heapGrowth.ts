/**
 * How far the JavaScript heap may grow between two full garbage collections.
 * After each full collection V8 lets the heap grow to its live size times a
 * factor it picks from how fast collection is, up to 4x when collecting is
 * cheap (V8 src/heap/heap-controller.cc, `MaxGrowingFactor`). For a
 * 50,000-person `workbook --into` that is about 500 MB live when the rebuild
 * starts planning, so the heap reached 1.9 GB of mostly garbage before V8
 * collected again (the peak of the whole run). Capping the factor at 1.5x
 * (V8's --heap-growing-percent) collects sooner: the same run peaked at
 * 1.39 GB with the same CPU time (docs/calibration.md, "Memory for very large
 * grids", has the figures).
 *
 * Set for the command line process only (bin/competency-matrix.js), never in
 * the add-in or a test runner. A --heap-growing-percent the user gave node
 * (on the command line or in NODE_OPTIONS) is left as it is.
 */
import { setFlagsFromString } from 'v8';

/** The heap may grow to 1.5x its live size before the next full collection. */
export const HEAP_GROWTH_FLAG = '--heap-growing-percent=50';

const FLAG = /--heap[-_]growing[-_]percent\b/;

/** True when the process was started with its own heap-growing setting. */
export function userSetHeapGrowth(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return execArgv.some((a) => FLAG.test(a)) || FLAG.test(nodeOptions ?? '');
}

/** Caps V8's heap growth for this process (see above); returns whether it did. */
export function boundHeapGrowth(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS): boolean {
  if (userSetHeapGrowth(execArgv, nodeOptions)) return false;
  // The flag is read at each full collection, so setting it after start-up takes effect (checked on Node 20, V8 11.3).
  setFlagsFromString(HEAP_GROWTH_FLAG);
  return true;
}

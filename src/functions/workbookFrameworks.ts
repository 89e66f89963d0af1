/**
 * Frameworks stored in the open workbook (imported by the task pane into the
 * hidden sheet "CompetencyMatrix.Frameworks"), as the worksheet functions see
 * them. The hook for the shared runtime: the task pane reads that sheet,
 * validates each framework with the full validator and calls
 * `setWorkbookFrameworks(models)`; TARGET, READINESS, ROSTERGAP and the scale
 * argument find them from then on.
 *
 * The list lives in one global slot, not in this module, because the task pane
 * and functions.js are separate webpack entries (each with its own copy of this
 * module) loaded into the same page. This file imports nothing, so the task
 * pane can call it without pulling in the functions.
 */
import type { FrameworkModel } from '../core/framework/model';

const SLOT = Symbol.for('competency-matrix.functions.workbook-frameworks');

interface Slot {
  frameworks: readonly FrameworkModel[];
  /** Bumped on every change, so caches built from the list know to rebuild. */
  version: number;
}

// The slot object, once found or made, never changes (only its fields do), so this module keeps a
// reference to it: every worksheet-function call checks the version, and a global lookup costs more.
let found: Slot | undefined;

function slot(): Slot {
  if (found) return found;
  const g = globalThis as { [SLOT]?: Slot };
  g[SLOT] ??= { frameworks: [], version: 0 };
  return (found = g[SLOT]);
}

/** Replaces the workbook's frameworks (pass [] when the workbook has none). */
export function setWorkbookFrameworks(frameworks: readonly FrameworkModel[]): void {
  const s = slot();
  s.frameworks = [...frameworks];
  s.version++;
}

export function workbookFrameworks(): readonly FrameworkModel[] {
  return slot().frameworks;
}

export function workbookFrameworksVersion(): number {
  return slot().version;
}

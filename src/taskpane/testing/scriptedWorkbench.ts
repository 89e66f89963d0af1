/**
 * A workbench for component tests: real built-in frameworks, actions that
 * record their requests and answer with what each test scripts. Not part of
 * the bundle (only tests import it).
 */
import { builtInFrameworks } from '../../core/frameworks/library';
import type {
  ActionSummary,
  Capabilities,
  GridSummary,
  HostInfo,
  ImportedFramework,
  RunControl,
  UndoPreview,
  Workbench,
} from '../workbench/types';

type Answer = ActionSummary | Error | ((run: RunControl) => Promise<ActionSummary>);

export interface ScriptedWorkbench extends Workbench {
  calls: { action: string; request: unknown }[];
  answers: Partial<Record<'matrix' | 'grid' | 'heatmaps' | 'calibration', Answer>>;
  tables: string[] | Error;
  grids: GridSummary[] | Error;
  importAnswer?: ImportedFramework | Error;
  /** The answer to an import given a scale (after the scale picker); importAnswer otherwise. */
  importWithScaleAnswer?: ImportedFramework | Error;
  sheetImportAnswer?: ImportedFramework | Error;
  stored: ImportedFramework[] | Error;
  /** What checkUndo answers; nothing typed since by default. */
  undoPreview: UndoPreview | Error;
}

export function summary(patch: Partial<ActionSummary> = {}): ActionSummary {
  return { sheetsCreated: [], sheetsReplaced: [], ratingsKept: 0, ratingsUnplaced: 0, warnings: [], ...patch };
}

export function scriptedWorkbench(
  host: HostInfo = { kind: 'excel', theme: 'light', limitations: [], addinFunctions: true },
  capabilities: Capabilities = { calibration: true },
): ScriptedWorkbench {
  const wb: ScriptedWorkbench = {
    calls: [],
    answers: {},
    tables: [],
    grids: [],
    stored: [],
    undoPreview: { typed: 0, typedPeople: 0, cleared: 0, keptAside: [] },
    connect: async () => host,
    capabilities: () => capabilities,
    builtInFrameworks: async () => builtInFrameworks(),
    importFramework: async (files, options) => {
      wb.calls.push({ action: 'import', request: files.map((f) => ({ name: f.name, size: f.bytes.length })) });
      if (options?.scale !== undefined) {
        wb.calls.push({ action: 'import-scale', request: options.scale });
        if (wb.importWithScaleAnswer instanceof Error) throw wb.importWithScaleAnswer;
        if (wb.importWithScaleAnswer) return wb.importWithScaleAnswer;
      }
      if (wb.importAnswer instanceof Error) throw wb.importAnswer;
      if (!wb.importAnswer) throw new Error('no import scripted');
      return wb.importAnswer;
    },
    importFromSheet: async () => {
      wb.calls.push({ action: 'import-sheet', request: undefined });
      if (wb.sheetImportAnswer instanceof Error) throw wb.sheetImportAnswer;
      if (!wb.sheetImportAnswer) throw new Error('no sheet import scripted');
      return wb.sheetImportAnswer;
    },
    storedFrameworks: async () => {
      if (wb.stored instanceof Error) throw wb.stored;
      return wb.stored;
    },
    listTables: async () => {
      wb.calls.push({ action: 'tables', request: undefined });
      if (wb.tables instanceof Error) throw wb.tables;
      return wb.tables;
    },
    listGrids: async () => {
      wb.calls.push({ action: 'grids', request: undefined });
      if (wb.grids instanceof Error) throw wb.grids;
      return wb.grids;
    },
    insertMatrix: (request, run) => answer('matrix', request, run),
    createGrid: (request, run) => answer('grid', request, run),
    addHeatmaps: (request, run) => answer('heatmaps', request, run),
    buildCalibration: (request, run) => answer('calibration', request, run),
    checkUndo: async () => {
      wb.calls.push({ action: 'check-undo', request: undefined });
      if (wb.undoPreview instanceof Error) throw wb.undoPreview;
      return wb.undoPreview;
    },
    undo: (_run) => {
      wb.calls.push({ action: 'undo', request: undefined });
      return Promise.resolve(summary({ notes: ['Team grid: undone.'] }));
    },
    keepUndo: (_run) => {
      wb.calls.push({ action: 'keep', request: undefined });
      return Promise.resolve(summary({ notes: ['The copies kept for undo were removed; the workbook stays as it is.'] }));
    },
  };
  async function answer(action: keyof ScriptedWorkbench['answers'], request: unknown, run: RunControl): Promise<ActionSummary> {
    wb.calls.push({ action, request });
    const a = wb.answers[action] ?? summary();
    if (a instanceof Error) throw a;
    if (typeof a === 'function') return a(run);
    return a;
  }
  return wb;
}

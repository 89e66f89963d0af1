/**
 * The task pane's state and the one reducer that changes it. Options of each
 * action live here rather than in the components, so collapsing a section or
 * switching framework never loses what the user chose; everything else (which
 * roles exist, whether an action may run) is derived, not stored.
 */
import type { FrameworkModel } from '../../core/framework/model';
import type { GridReadiness } from '../../core/layouts/gridShape';
import type { ActionSummary, FormulaStyle, GridSummary, HostInfo, ImportedFramework, Progress, UndoPreview } from '../workbench/types';
import type { UserProblem } from '../problems/describeProblem';

export type ActionKind =
  'matrix' | 'grid' | 'update-grid' | 'heatmaps' | 'calibration' | 'collect' | 'import' | 'undo' | 'keep' | 'meeting-start' | 'meeting-end';

export type RosterSourceKind = 'selection' | 'table' | 'csv' | 'blank';

export interface CsvChoice {
  fileName: string;
  text: string;
  /** Non-empty lines after the first, to reassure the user the right file was read. */
  rows: number;
}

export interface GridOptions {
  source: RosterSourceKind;
  table?: string;
  csv?: CsvChoice;
  /** As typed, so a half-typed number is not lost; validated when used. */
  blankCount: string;
  blankRoleId?: string;
  formulas: FormulaStyle;
  /** Next-role readiness on the grid: strict (default), tolerant or none. */
  readiness: GridReadiness;
}

export interface CalibrationOptions {
  minGroupSize: string;
}

export type Operation =
  | { status: 'idle' }
  | { status: 'running'; action: ActionKind; progress?: Progress; cancelling: boolean; cancellable: boolean }
  | { status: 'succeeded'; action: ActionKind; summary: ActionSummary }
  | { status: 'failed'; action: ActionKind; problem: UserProblem }
  | { status: 'cancelled'; action: ActionKind; detail?: string };

export type LibraryState =
  { status: 'loading' } | { status: 'ready'; builtIn: readonly FrameworkModel[] } | { status: 'failed'; problem: UserProblem };

/** A list read from the workbook on demand (tables, grids): read when first needed, read again after an action. */
export type WorkbookList<T> =
  { status: 'unknown' } | { status: 'loading' } | { status: 'ready'; items: T[] } | { status: 'failed'; problem: UserProblem };
export type TablesState = WorkbookList<string>;
export type GridsState = WorkbookList<GridSummary>;

export interface TaskpaneState {
  host: { status: 'connecting' } | { status: 'ready'; info: HostInfo };
  library: LibraryState;
  imported: ImportedFramework[];
  /** Key of the chosen framework (see frameworkKey). */
  selected?: string;
  /** Roles chosen for the matrix, by framework key; absent means all roles. */
  matrixRoles: Record<string, string[]>;
  grid: GridOptions;
  calibration: CalibrationOptions;
  tables: TablesState;
  grids: GridsState;
  /** The grid the heatmap and calibration actions work on, by sheet name. */
  gridSheet?: string;
  operation: Operation;
  /** Why the frameworks kept in the workbook could not be read, if they could not. */
  storedProblem?: UserProblem;
  /** The last import's outcome, shown beside the picker. */
  lastImport?: { name: string; warnings: string[]; replaced: boolean };
  /** The last action, while it can be undone (until the next one, or "Keep"). */
  undo?: { action: ActionKind };
  /** What undoing would cost, while the pane asks whether to go ahead. */
  undoPreview?: UndoPreview;
}

export type TaskpaneEvent =
  | { type: 'host-ready'; info: HostInfo }
  | { type: 'library-loaded'; builtIn: readonly FrameworkModel[] }
  | { type: 'library-failed'; problem: UserProblem }
  | { type: 'framework-selected'; key: string }
  | { type: 'framework-imported'; framework: ImportedFramework }
  | { type: 'stored-frameworks-loaded'; frameworks: ImportedFramework[] }
  | { type: 'stored-frameworks-failed'; problem: UserProblem }
  | { type: 'matrix-roles-changed'; frameworkKey: string; roleIds: string[] }
  | { type: 'grid-options-changed'; patch: Partial<GridOptions> }
  | { type: 'calibration-options-changed'; patch: Partial<CalibrationOptions> }
  | { type: 'tables-loading' }
  | { type: 'tables-loaded'; names: string[] }
  | { type: 'tables-failed'; problem: UserProblem }
  | { type: 'grids-loading' }
  | { type: 'grids-loaded'; grids: GridSummary[] }
  | { type: 'grids-failed'; problem: UserProblem }
  | { type: 'grid-chosen'; sheet: string }
  | { type: 'action-started'; action: ActionKind; cancellable: boolean }
  | { type: 'action-progress'; progress: Progress }
  | { type: 'cancel-requested' }
  | { type: 'action-succeeded'; summary: ActionSummary }
  | { type: 'action-failed'; action: ActionKind; problem: UserProblem }
  | { type: 'action-cancelled'; detail?: string }
  | { type: 'result-dismissed' }
  | { type: 'undo-asked'; preview: UndoPreview }
  | { type: 'undo-declined' };

export const DEFAULT_BLANK_ROWS = '10';

export function initialState(): TaskpaneState {
  return {
    host: { status: 'connecting' },
    library: { status: 'loading' },
    imported: [],
    matrixRoles: {},
    grid: { source: 'selection', blankCount: DEFAULT_BLANK_ROWS, formulas: 'portable', readiness: 'strict' },
    calibration: { minGroupSize: '4' },
    tables: { status: 'unknown' },
    grids: { status: 'unknown' },
    operation: { status: 'idle' },
  };
}

/** Built-in and imported frameworks may share an id, so keys say which list. */
export function frameworkKey(origin: 'builtin' | 'imported', id: string): string {
  return `${origin}:${id}`;
}

export function selectedFramework(state: TaskpaneState): FrameworkModel | undefined {
  if (!state.selected) return undefined;
  const imported = state.imported.find((f) => frameworkKey('imported', f.model.id) === state.selected);
  if (imported) return imported.model;
  if (state.library.status !== 'ready') return undefined;
  return state.library.builtIn.find((f) => frameworkKey('builtin', f.id) === state.selected);
}

/** Roles the matrix will include for the chosen framework, in framework order. */
export function chosenMatrixRoles(state: TaskpaneState): string[] {
  const fw = selectedFramework(state);
  if (!fw || !state.selected) return [];
  const chosen = state.matrixRoles[state.selected];
  const all = fw.roles.map((r) => r.id);
  return chosen ? all.filter((id) => chosen.includes(id)) : all;
}

/** The grids made with the chosen framework, and the one the actions will use. */
export function frameworkGrids(state: TaskpaneState): { grids: GridSummary[]; chosen?: GridSummary } {
  const fw = selectedFramework(state);
  const grids = state.grids.status === 'ready' && fw ? state.grids.items.filter((g) => g.frameworkId === fw.id) : [];
  return { grids, chosen: grids.find((g) => g.sheet === state.gridSheet) ?? grids[0] };
}

export function isBusy(state: TaskpaneState): boolean {
  return state.operation.status === 'running';
}

function withOperation(state: TaskpaneState, operation: Operation): TaskpaneState {
  return { ...state, operation };
}

export function taskpaneReducer(state: TaskpaneState, event: TaskpaneEvent): TaskpaneState {
  switch (event.type) {
    case 'host-ready':
      return { ...state, host: { status: 'ready', info: event.info } };
    case 'library-loaded':
      return { ...state, library: { status: 'ready', builtIn: event.builtIn } };
    case 'library-failed':
      return { ...state, library: { status: 'failed', problem: event.problem } };
    case 'framework-selected': {
      // A finished action's result belongs to the framework it ran on: clear it.
      const operation = state.operation.status === 'running' ? state.operation : { status: 'idle' as const };
      return { ...state, selected: event.key, operation, grid: { ...state.grid, blankRoleId: undefined } };
    }
    case 'framework-imported': {
      const key = frameworkKey('imported', event.framework.model.id);
      const replaced = state.imported.some((f) => frameworkKey('imported', f.model.id) === key);
      const imported = [...state.imported.filter((f) => frameworkKey('imported', f.model.id) !== key), event.framework];
      const { [key]: _dropped, ...matrixRoles } = state.matrixRoles;
      return {
        ...state,
        imported,
        selected: key,
        matrixRoles,
        lastImport: {
          name: event.framework.model.name,
          warnings: event.framework.warnings.map((w) => `${w.path}: ${w.message}`),
          replaced,
        },
        operation: state.operation.status === 'running' ? state.operation : { status: 'idle' },
      };
    }
    case 'stored-frameworks-loaded': {
      // A file imported in this session wins over the copy kept in the workbook.
      const have = new Set(state.imported.map((f) => f.model.id));
      return {
        ...state,
        imported: [...event.frameworks.filter((f) => !have.has(f.model.id)), ...state.imported],
        storedProblem: undefined,
      };
    }
    case 'stored-frameworks-failed':
      return { ...state, storedProblem: event.problem };
    case 'matrix-roles-changed':
      return { ...state, matrixRoles: { ...state.matrixRoles, [event.frameworkKey]: event.roleIds } };
    case 'grid-options-changed':
      return { ...state, grid: { ...state.grid, ...event.patch } };
    case 'calibration-options-changed':
      return { ...state, calibration: { ...state.calibration, ...event.patch } };
    case 'tables-loading':
      return { ...state, tables: { status: 'loading' } };
    case 'tables-loaded': {
      const table = state.grid.table && event.names.includes(state.grid.table) ? state.grid.table : event.names[0];
      return { ...state, tables: { status: 'ready', items: event.names }, grid: { ...state.grid, table } };
    }
    case 'tables-failed':
      return { ...state, tables: { status: 'failed', problem: event.problem } };
    case 'grids-loading':
      return { ...state, grids: { status: 'loading' } };
    case 'grids-loaded':
      return { ...state, grids: { status: 'ready', items: event.grids } };
    case 'grids-failed':
      return { ...state, grids: { status: 'failed', problem: event.problem } };
    case 'grid-chosen':
      return { ...state, gridSheet: event.sheet };
    case 'action-started':
      if (state.operation.status === 'running') return state;
      return withOperation(
        // Any other action removes what the last one kept: its undo is over.
        {
          ...state,
          lastImport: undefined,
          undoPreview: undefined,
          undo: event.action === 'undo' || event.action === 'keep' ? state.undo : undefined,
        },
        { status: 'running', action: event.action, cancelling: false, cancellable: event.cancellable },
      );
    case 'action-progress':
      if (state.operation.status !== 'running') return state;
      return withOperation(state, { ...state.operation, progress: event.progress });
    case 'cancel-requested':
      if (state.operation.status !== 'running' || !state.operation.cancellable) return state;
      return withOperation(state, { ...state.operation, cancelling: true });
    case 'action-succeeded':
      if (state.operation.status !== 'running') return state;
      // The workbook changed: tables and grids are read again when next needed.
      return withOperation(
        {
          ...state,
          tables: { status: 'unknown' },
          grids: { status: 'unknown' },
          undo: event.summary.undoable ? { action: state.operation.action } : undefined,
        },
        { status: 'succeeded', action: state.operation.action, summary: event.summary },
      );
    case 'action-failed':
      return withOperation(state, { status: 'failed', action: event.action, problem: event.problem });
    case 'action-cancelled':
      if (state.operation.status !== 'running') return state;
      return withOperation(state, { status: 'cancelled', action: state.operation.action, detail: event.detail });
    case 'result-dismissed':
      return state.operation.status === 'running' ? state : withOperation(state, { status: 'idle' });
    case 'undo-asked':
      return state.undo ? { ...state, undoPreview: event.preview } : state;
    case 'undo-declined':
      return { ...state, undoPreview: undefined };
  }
}

/**
 * The task pane's one seam to the outside world. Components ask a Workbench to
 * do things (load frameworks, read a roster, write a plan) and get plain
 * results or a thrown error back; they never see Office.js, the layouts or the
 * renderer. The real one (officeWorkbench.ts) loads those lazily and goes
 * through src/host; component tests pass a scripted one.
 */
import type { FrameworkModel } from '../../core/framework/model';
import type { GridReadiness } from '../../core/layouts/gridShape';
import type { Issue } from '../../core/problems';

export type ThemeName = 'light' | 'dark';

/** Where the pane is running and what that Excel can do. */
export type HostInfo =
  | { kind: 'outside'; theme: ThemeName }
  | {
      kind: 'excel';
      theme: ThemeName;
      /** Plain sentences on what will not work here. */
      limitations: string[];
      /** The add-in's worksheet functions run here (CustomFunctionsRuntime 1.1), so add-in formulas can be offered. */
      addinFunctions: boolean;
    };

export interface Progress {
  /** Steps finished so far, out of total. */
  done: number;
  total: number;
  /** What is happening now, in the user's words, when the host says. */
  detail?: string;
}

export interface RunControl {
  onProgress(progress: Progress): void;
  signal: AbortSignal;
}

/** What an action changed, as the user should hear it. */
export interface ActionSummary {
  sheetsCreated: string[];
  sheetsReplaced: string[];
  ratingsKept: number;
  /** Other entries people made in the product's sheets (coverage levels), carried over too. */
  otherEntriesKept?: number;
  ratingsUnplaced: number;
  /** The sheet that lists ratings that could not be placed, if any. */
  unplacedSheet?: string;
  /** Which grid a grid action built: added beside the others, or rebuilt. */
  grid?: { sheet: string; added: boolean; shared: string[]; others: number };
  warnings: string[];
  /** What the action replaced was kept: the pane offers to undo it. */
  undoable?: boolean;
  /**
   * Sentences that lead the summary, before the sheets and ratings lines: what an undo or a
   * "Keep" did, which is the whole point of those actions.
   */
  notes?: string[];
  /**
   * Sentences that close the summary, after the sheets and ratings lines: the details of an
   * outcome (a meeting's decisions, a collect's report). Kept apart from `notes` for that order.
   */
  facts?: string[];
}

/** What undoing the last action would do to entries made since, asked before anything changes. */
export interface UndoPreview {
  /** Ratings typed or changed on the action's sheets; undo moves them to "Unplaced ratings". */
  typed: number;
  typedPeople: number;
  /** Ratings cleared there; undo brings the old values back. */
  cleared: number;
  /** The action's sheets with other entries of the user's: kept under another name. */
  keptAside: string[];
}

export interface ImportedFramework {
  model: FrameworkModel;
  /** The file it came from, or where it is kept ("this workbook"). */
  fileName: string;
  warnings: Issue[];
}

export type RosterSource =
  | { kind: 'selection' }
  | { kind: 'table'; table: string }
  | { kind: 'csv'; fileName: string; text: string }
  | { kind: 'blank'; count: number; roleId: string };

export type FormulaStyle = 'portable' | 'addin';

export interface MatrixRequest {
  framework: FrameworkModel;
  roleIds: string[];
}

export interface GridRequest {
  framework: FrameworkModel;
  roster: RosterSource;
  formulas: FormulaStyle;
  /** Next-role readiness on the grid; strict when left out. */
  readiness?: GridReadiness;
  /** The grid sheet to rebuild with these people ("Update this grid"); without it a grid is added. */
  update?: string;
}

/** A team grid the product made, found in the workbook. */
export interface GridSummary {
  sheet: string;
  /** Whose grid it is: the team, table, sheet or file its people came from. */
  label?: string;
  /** The framework it was made with. */
  frameworkId: string;
  people: number;
  /** When it was last written (ISO), "" when the workbook does not say. */
  writtenAt?: string;
}

export interface HeatmapRequest {
  framework: FrameworkModel;
  /** The grid sheet whose heatmaps to refresh. */
  gridSheet: string;
}

export interface CalibrationRequest {
  framework: FrameworkModel;
  gridSheet: string;
  minGroupSize: number;
  /** Calibrate these grids (on the same framework, `gridSheet` among them) together, on one pooled pack. */
  together?: readonly { sheet: string; label: string }[];
}

export interface CollectRequest {
  /** The framework chosen in the pane: it must be the one the master was split with. */
  framework: FrameworkModel;
  /** The returned team and self-assessment workbooks the user picked, read in the browser. */
  files: { name: string; bytes: Uint8Array }[];
}

export interface MeetingRequest {
  framework: FrameworkModel;
  gridSheet: string;
}

/** A rating change in a meeting's log, as the pane lists it. */
export interface MeetingEntry {
  /** Its row in the log, counted from 0. */
  index: number;
  person: string;
  competency: string;
  before: string;
  after: string;
  reason: string;
}

/** What the pane sees of a running meeting. */
export interface MeetingProgress {
  entries: readonly MeetingEntry[];
  /** Changes of several cells at once, left to the end of the meeting. */
  deferred: number;
  /** Changes Excel refused to log (found again at the end). */
  failed: number;
}

/** A calibration meeting being recorded in the workbook. */
export interface MeetingSession {
  gridSheet: string;
  decisionsSheet: string;
  snapshotSheet: string;
  /** True when the meeting was started earlier and picked up again. */
  resumed: boolean;
  progress(): MeetingProgress;
  /** Calls back on every change logged; returns the unsubscribe. */
  subscribe(listener: (progress: MeetingProgress) => void): () => void;
  setReason(index: number, reason: string): Promise<void>;
  end(run: RunControl): Promise<ActionSummary>;
}

/** Which actions this build of the product offers. */
export interface Capabilities {
  calibration: boolean;
}

export interface Workbench {
  connect(): Promise<HostInfo>;
  capabilities(): Capabilities;
  builtInFrameworks(): Promise<readonly FrameworkModel[]>;
  /**
   * One framework file, or the CSV tables of one framework. `scale` (a built-in
   * scale id) rates a file that states no levels (a CASE package without rubrics);
   * without it such a file is refused with an error whose `needsScale` is true.
   */
  importFramework(files: { name: string; bytes: Uint8Array }[], options?: { scale?: string }): Promise<ImportedFramework>;
  /** The active sheet read as a proficiency matrix (one the product wrote and a person edited, or their own table). */
  importFromSheet(): Promise<ImportedFramework>;
  /** Frameworks kept in the open workbook by an earlier import. */
  storedFrameworks(): Promise<ImportedFramework[]>;
  listTables(): Promise<string[]>;
  listGrids(): Promise<GridSummary[]>;
  insertMatrix(request: MatrixRequest, run: RunControl): Promise<ActionSummary>;
  createGrid(request: GridRequest, run: RunControl): Promise<ActionSummary>;
  addHeatmaps(request: HeatmapRequest, run: RunControl): Promise<ActionSummary>;
  buildCalibration(request: CalibrationRequest, run: RunControl): Promise<ActionSummary>;
  /** Merge returned cycle workbooks into the master open in Excel, as `cycle collect` does. */
  collectReturns?(request: CollectRequest, run: RunControl): Promise<ActionSummary>;
  /** What undoing the last action would cost; changes nothing. */
  checkUndo(): Promise<UndoPreview>;
  /** Puts the workbook back as it was before the last action. */
  undo(run: RunControl): Promise<ActionSummary>;
  /** Keeps the last action: removes what was kept to undo it. */
  keepUndo(run: RunControl): Promise<ActionSummary>;
  /** Snapshot the grid, start the decision log and record the grid's changes into it. */
  startMeeting?(request: MeetingRequest, run: RunControl): Promise<{ summary: ActionSummary; session: MeetingSession }>;
  /** A meeting on a grid of this framework started earlier and never ended (the pane was closed), recording again. */
  openMeeting?(framework: FrameworkModel): Promise<MeetingSession | undefined>;
}

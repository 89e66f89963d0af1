import type { Role } from '../../../core/framework/schema';
import type { GridOptions, RosterSourceKind, TablesState } from '../../state/taskpaneState';

export interface GridActionState {
  options: GridOptions;
  roles: readonly Role[];
  tables: TablesState;
  /** The blank-row count when valid. */
  blankCount?: number;
  blankCountInvalid: boolean;
  /** This Excel runs the add-in's worksheet functions, so add-in formulas can be chosen. */
  addinFunctions: boolean;
  busy: boolean;
  /** Why the grid cannot be created yet, if it cannot. */
  blocked?: string;
  setSource(source: RosterSourceKind): void;
  setOptions(patch: Partial<GridOptions>): void;
  loadTables(): void;
  chooseCsv(file: File): void;
  run(): void;
  /** The grid "Update this grid" rebuilds, when the workbook has one on this framework. */
  updateTarget?: string;
  update(): void;
}

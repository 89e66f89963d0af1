import type { FrameworkModel } from '../../../core/framework/model';

export interface FrameworkOption {
  key: string;
  name: string;
  description: string;
}

export interface FrameworkPickerState {
  loading: boolean;
  builtIn: FrameworkOption[];
  imported: FrameworkOption[];
  selectedKey: string;
  busy: boolean;
  lastImport?: { name: string; warnings: string[]; replaced: boolean };
  onSelect(key: string): void;
  storedProblem?: { detail: string; fix: string };
  onImportFiles(files: File[]): void;
  /** A file that states no levels (a CASE package without rubrics) waits for the user to choose a scale. */
  scaleChoice?: { fileName: string; options: { id: string; label: string }[]; chosen: string };
  onScaleChosen(id: string): void;
  onImportWithScale(): void;
  onCancelScale(): void;
  /** Offered only inside Excel: there is no sheet to read elsewhere. */
  canImportSheet: boolean;
  onImportSheet(): void;
}

export type FrameworkModelLike = Pick<FrameworkModel, 'id' | 'name' | 'roles' | 'competencies' | 'data'>;

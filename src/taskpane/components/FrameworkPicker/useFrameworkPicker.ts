/** The picker's state: the two lists as options, the chosen key, and importing a file. */
import { useCallback } from 'react';
import { strings } from '../../strings';
import { useTaskpane } from '../../state/TaskpaneContext';
import { frameworkKey, isBusy } from '../../state/taskpaneState';
import { describeProblem } from '../../problems/describeProblem';
import type { FrameworkModelLike, FrameworkOption, FrameworkPickerState } from './FrameworkPicker.types';

/** Framework files are small; anything past this is not a framework. */
export const MAX_FRAMEWORK_FILE_MB = 20;

function option(origin: 'builtin' | 'imported', fw: FrameworkModelLike): FrameworkOption {
  return {
    key: frameworkKey(origin, fw.id),
    name: fw.name,
    description: strings.picker.optionDescription(fw.data.provenance.publisher, fw.roles.length, fw.competencies.length),
  };
}

export function useFrameworkPicker(): FrameworkPickerState {
  const { state, dispatch, workbench } = useTaskpane();
  const busy = isBusy(state);

  const onImportFiles = useCallback(
    async (files: File[]) => {
      try {
        const large = files.find((file) => file.size > MAX_FRAMEWORK_FILE_MB * 1024 * 1024);
        if (large) {
          dispatch({
            type: 'action-failed',
            action: 'import',
            problem: {
              title: strings.errors.fileTooLargeTitle,
              detail: strings.errors.fileTooLarge(large.name, MAX_FRAMEWORK_FILE_MB),
              fix: strings.errors.frameworkTooLargeFix,
            },
          });
          return;
        }
        const read = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
        const framework = await workbench.importFramework(read);
        dispatch({ type: 'framework-imported', framework });
      } catch (e) {
        dispatch({ type: 'action-failed', action: 'import', problem: describeProblem(e) });
      }
    },
    [dispatch, workbench],
  );

  const onImportSheet = useCallback(async () => {
    try {
      dispatch({ type: 'framework-imported', framework: await workbench.importFromSheet() });
    } catch (e) {
      dispatch({ type: 'action-failed', action: 'import', problem: describeProblem(e) });
    }
  }, [dispatch, workbench]);

  return {
    loading: state.library.status === 'loading',
    builtIn: state.library.status === 'ready' ? state.library.builtIn.map((f) => option('builtin', f)) : [],
    imported: state.imported.map((f) => option('imported', f.model)),
    selectedKey: state.selected ?? '',
    busy,
    lastImport: state.lastImport,
    storedProblem: state.storedProblem,
    onSelect: (key) => dispatch({ type: 'framework-selected', key }),
    onImportFiles: (files) => void onImportFiles(files),
    canImportSheet: state.host.status === 'ready' && state.host.info.kind === 'excel',
    onImportSheet: () => void onImportSheet(),
  };
}

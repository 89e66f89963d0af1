/** The picker's state: the two lists as options, the chosen key, and importing a file. */
import { useCallback, useMemo, useState } from 'react';
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

/** The core's refusal of a file without levels carries needsScale (checked by shape: core/interchange loads lazily). */
function needsScale(e: unknown): boolean {
  return !!e && typeof e === 'object' && (e as { needsScale?: unknown }).needsScale === true;
}

type FileRead = { name: string; bytes: Uint8Array };

/** Every scale of the built-in frameworks, once each, as the picker lists them. */
function builtInScaleOptions(frameworks: readonly FrameworkModelLike[]): { id: string; label: string }[] {
  const seen = new Set<string>();
  return frameworks.flatMap((f) =>
    f.data.scales.flatMap((s) => {
      if (seen.has(s.id)) return [];
      seen.add(s.id);
      return [{ id: s.id, label: strings.picker.scaleOption(s.name, s.levels.map((l) => l.name).join(', ')) }];
    }),
  );
}

export function useFrameworkPicker(): FrameworkPickerState {
  const { state, dispatch, workbench } = useTaskpane();
  const busy = isBusy(state);
  const [waiting, setWaiting] = useState<FileRead[] | undefined>();
  const [chosenScale, setChosenScale] = useState('');
  const scaleOptions = useMemo(() => (state.library.status === 'ready' ? builtInScaleOptions(state.library.builtIn) : []), [state.library]);

  const importRead = useCallback(
    async (read: FileRead[], scale?: string) => {
      try {
        const framework = await workbench.importFramework(read, scale === undefined ? undefined : { scale });
        setWaiting(undefined);
        dispatch({ type: 'framework-imported', framework });
      } catch (e) {
        if (scale === undefined && needsScale(e)) {
          setWaiting(read);
          setChosenScale('');
          return;
        }
        setWaiting(undefined);
        dispatch({ type: 'action-failed', action: 'import', problem: describeProblem(e) });
      }
    },
    [dispatch, workbench],
  );

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
        await importRead(read);
      } catch (e) {
        dispatch({ type: 'action-failed', action: 'import', problem: describeProblem(e) });
      }
    },
    [dispatch, importRead],
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
    scaleChoice: waiting ? { fileName: waiting.map((f) => f.name).join(', '), options: scaleOptions, chosen: chosenScale } : undefined,
    onScaleChosen: setChosenScale,
    onImportWithScale: () => {
      if (waiting && chosenScale) void importRead(waiting, chosenScale);
    },
    onCancelScale: () => setWaiting(undefined),
    canImportSheet: state.host.status === 'ready' && state.host.info.kind === 'excel',
    onImportSheet: () => void onImportSheet(),
  };
}

/**
 * The grid action's state: where the roster comes from (selection, table, CSV
 * file decoded here in the browser, or blank rows), the formula style and
 * readiness, and what still blocks running it.
 */
import { useCallback, useEffect } from 'react';
import type { FrameworkModel } from '../../../core/framework/model';
import { decodeText } from '../../../core/interchange/text';
import { strings } from '../../strings';
import { useTaskpane } from '../../state/TaskpaneContext';
import { frameworkGrids, isBusy, type GridOptions } from '../../state/taskpaneState';
import { describeProblem } from '../../problems/describeProblem';
import type { RosterSource } from '../../workbench/types';
import type { GridActionState } from './GridAction.types';
import { parseWholeNumber } from './parseWholeNumber';

export const MAX_BLANK_ROWS = 10000;
export const MAX_ROSTER_FILE_MB = 50;

/** Lines with something on them after the header: a quick count to show the right file was read. */
function dataRows(text: string): number {
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.replace(/[,;\t"\s]/g, '') !== '');
  return Math.max(0, lines.length - 1);
}

function rosterSource(options: GridOptions, blankCount: number | undefined, defaultRoleId: string): RosterSource | undefined {
  switch (options.source) {
    case 'selection':
      return { kind: 'selection' };
    case 'table':
      return options.table ? { kind: 'table', table: options.table } : undefined;
    case 'csv':
      return options.csv ? { kind: 'csv', fileName: options.csv.fileName, text: options.csv.text } : undefined;
    case 'blank':
      return blankCount !== undefined ? { kind: 'blank', count: blankCount, roleId: options.blankRoleId ?? defaultRoleId } : undefined;
  }
}

export function useGridAction(framework: FrameworkModel): GridActionState {
  const { state, dispatch, workbench, run } = useTaskpane();
  const options = state.grid;
  const addinFunctions = state.host.status === 'ready' && state.host.info.kind === 'excel' && state.host.info.addinFunctions;
  const busy = isBusy(state);
  const blankCount = parseWholeNumber(options.blankCount, 1, MAX_BLANK_ROWS);
  const setOptions = useCallback((patch: Partial<GridOptions>) => dispatch({ type: 'grid-options-changed', patch }), [dispatch]);

  const loadTables = useCallback(async () => {
    dispatch({ type: 'tables-loading' });
    try {
      dispatch({ type: 'tables-loaded', names: await workbench.listTables() });
    } catch (e) {
      dispatch({ type: 'tables-failed', problem: describeProblem(e) });
    }
  }, [dispatch, workbench]);

  // The table list is read when the user first asks for a table, not on start.
  useEffect(() => {
    if (options.source === 'table' && state.tables.status === 'unknown') void loadTables();
  }, [options.source, state.tables.status, loadTables]);

  const chooseCsv = useCallback(
    async (file: File) => {
      try {
        if (file.size > MAX_ROSTER_FILE_MB * 1024 * 1024) {
          dispatch({
            type: 'action-failed',
            action: 'grid',
            problem: {
              title: strings.errors.fileTooLargeTitle,
              detail: strings.errors.fileTooLarge(file.name, MAX_ROSTER_FILE_MB),
              fix: strings.errors.rosterTooLargeFix,
            },
          });
          return;
        }
        const text = decodeText(file.name, new Uint8Array(await file.arrayBuffer()));
        setOptions({ csv: { fileName: file.name, text, rows: dataRows(text) } });
      } catch (e) {
        setOptions({ csv: undefined });
        dispatch({ type: 'action-failed', action: 'grid', problem: describeProblem(e) });
      }
    },
    [dispatch, setOptions],
  );

  const source = rosterSource(options, blankCount, framework.roles[0].id);
  const { chosen } = frameworkGrids(state);
  // Add-in formulas only where the custom functions runtime is there, whatever was chosen before.
  const request = (roster: RosterSource) => ({
    framework,
    roster,
    formulas: addinFunctions ? options.formulas : ('portable' as const),
    readiness: options.readiness,
  });
  const blocked =
    source !== undefined
      ? undefined
      : options.source === 'table'
        ? strings.grid.noTable
        : options.source === 'csv'
          ? strings.grid.noFile
          : strings.grid.blankCountInvalid(MAX_BLANK_ROWS);

  return {
    options,
    roles: framework.roles,
    tables: state.tables,
    blankCount,
    blankCountInvalid: options.source === 'blank' && blankCount === undefined,
    addinFunctions,
    busy,
    blocked,
    setSource: (kind) => setOptions({ source: kind }),
    setOptions,
    loadTables: () => void loadTables(),
    chooseCsv: (file) => void chooseCsv(file),
    run: () => {
      if (!source) return;
      void run('grid', (control) => workbench.createGrid(request(source), control));
    },
    updateTarget: chosen?.sheet,
    update: () => {
      if (!source || !chosen) return;
      const update = chosen.sheet;
      void run('update-grid', (control) => workbench.createGrid({ ...request(source), update }, control));
    },
  };
}

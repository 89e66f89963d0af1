/**
 * Holds the task pane's state and its workbench, and runs actions: one at a
 * time, each with its own AbortController, every outcome (summary, problem,
 * cancellation) recorded in state for the feedback area to show.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useRef, type ReactNode } from 'react';
import { cancellationDetail, describeProblem, isAbort } from '../problems/describeProblem';
import type { ActionSummary, RunControl, Workbench } from '../workbench/types';
import { initialState, taskpaneReducer, type ActionKind, type TaskpaneEvent, type TaskpaneState } from './taskpaneState';

interface TaskpaneContextValue {
  state: TaskpaneState;
  dispatch: (event: TaskpaneEvent) => void;
  workbench: Workbench;
  /** Runs one action with progress and cancellation; ignored while another runs. */
  run: (action: ActionKind, work: (control: RunControl) => Promise<ActionSummary>, options?: { cancellable?: boolean }) => Promise<void>;
  cancel: () => void;
}

const TaskpaneContext = createContext<TaskpaneContextValue | undefined>(undefined);

export function TaskpaneProvider(props: { workbench: Workbench; children: ReactNode; initial?: TaskpaneState }) {
  const { workbench } = props;
  const [state, dispatch] = useReducer(taskpaneReducer, props.initial ?? initialState());
  const running = useRef<AbortController | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void (async () => {
      const info = await workbench.connect();
      if (!live) return;
      dispatch({ type: 'host-ready', info });
      if (info.kind !== 'excel') return;
      try {
        const builtIn = await workbench.builtInFrameworks();
        if (live) dispatch({ type: 'library-loaded', builtIn });
      } catch (e) {
        if (live) dispatch({ type: 'library-failed', problem: describeProblem(e) });
      }
      try {
        const frameworks = await workbench.storedFrameworks();
        if (live && frameworks.length) dispatch({ type: 'stored-frameworks-loaded', frameworks });
      } catch (e) {
        if (live) dispatch({ type: 'stored-frameworks-failed', problem: describeProblem(e) });
      }
    })();
    return () => {
      live = false;
    };
  }, [workbench]);

  const run = useCallback<TaskpaneContextValue['run']>(async (action, work, options) => {
    if (running.current) return;
    const controller = new AbortController();
    running.current = controller;
    dispatch({ type: 'action-started', action, cancellable: options?.cancellable ?? true });
    try {
      const summary = await work({ signal: controller.signal, onProgress: (progress) => dispatch({ type: 'action-progress', progress }) });
      dispatch({ type: 'action-succeeded', summary });
    } catch (e) {
      // Once the user cancelled, whatever the host threw on the way out is the cancellation.
      if (controller.signal.aborted || isAbort(e)) dispatch({ type: 'action-cancelled', detail: cancellationDetail(e) });
      else dispatch({ type: 'action-failed', action, problem: describeProblem(e) });
    } finally {
      running.current = undefined;
    }
  }, []);

  const cancel = useCallback(() => {
    if (!running.current) return;
    dispatch({ type: 'cancel-requested' });
    running.current.abort();
  }, []);

  const value = useMemo(() => ({ state, dispatch, workbench, run, cancel }), [state, workbench, run, cancel]);
  return <TaskpaneContext.Provider value={value}>{props.children}</TaskpaneContext.Provider>;
}

export function useTaskpane(): TaskpaneContextValue {
  const value = useContext(TaskpaneContext);
  if (!value) throw new Error('useTaskpane must be used inside <TaskpaneProvider>');
  return value;
}

/** Derives what the feedback area shows from the current operation. */
import { strings } from '../../strings';
import { useTaskpane } from '../../state/TaskpaneContext';
import type { OperationStatusState } from './OperationStatus.types';
import { summaryLines } from './summaryLines';

export function useOperationStatus(): OperationStatusState {
  const { state, dispatch, cancel } = useTaskpane();
  const op = state.operation;
  const onDismiss = () => dispatch({ type: 'result-dismissed' });
  switch (op.status) {
    case 'idle':
      return { kind: 'idle' };
    case 'running': {
      const p = op.progress;
      const known = p && p.total > 0;
      return {
        kind: 'running',
        label: strings.progress.label(strings.actionNames[op.action]),
        value: known ? Math.min(1, p.done / p.total) : undefined,
        step: known ? strings.progress.step(Math.min(p.done, p.total), p.total) : undefined,
        detail: op.cancelling ? strings.progress.cancelling : p?.detail,
        cancellable: op.cancellable,
        cancelling: op.cancelling,
        onCancel: cancel,
      };
    }
    case 'succeeded':
      return {
        kind: 'succeeded',
        title: strings.summary.doneTitle(strings.actionNames[op.action]),
        lines: summaryLines(op.summary),
        warnings: op.summary.warnings,
        onDismiss,
      };
    case 'failed':
      return { kind: 'failed', title: strings.errors.title(strings.actionNames[op.action]), problem: op.problem, onDismiss };
    case 'cancelled':
      return {
        kind: 'cancelled',
        title: strings.summary.cancelledTitle(strings.actionNames[op.action]),
        body: op.detail ?? strings.summary.cancelledBody,
        onDismiss,
      };
  }
}

import {
  Body1,
  Body1Strong,
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  mergeClasses,
} from '@fluentui/react-components';
import { strings } from '../../strings';
import { UndoOffer } from '../UndoOffer/UndoOffer';
import type { OperationStatusState } from './OperationStatus.types';
import type { useOperationStatusStyles } from './useOperationStatusStyles';

type Styles = ReturnType<typeof useOperationStatusStyles>;

function dismiss(onDismiss: () => void) {
  return (
    <MessageBarActions>
      <Button size="small" appearance="transparent" onClick={onDismiss}>
        {strings.summary.dismiss}
      </Button>
    </MessageBarActions>
  );
}

function renderContent(state: OperationStatusState, styles: Styles) {
  switch (state.kind) {
    case 'idle':
      return null;
    case 'running':
      return (
        <div className={styles.running}>
          <div className={styles.row}>
            <Body1Strong id="operation-label">{state.label}</Body1Strong>
            {state.cancellable && (
              <Button size="small" disabled={state.cancelling} onClick={state.onCancel}>
                {strings.progress.cancel}
              </Button>
            )}
          </div>
          <ProgressBar value={state.value} thickness="large" aria-labelledby="operation-label" aria-valuetext={state.step} />
          {(state.step || state.detail) && (
            <Caption1 className={styles.muted}>{[state.step, state.detail].filter(Boolean).join(' · ')}</Caption1>
          )}
        </div>
      );
    case 'succeeded':
      return (
        <MessageBar intent={state.warnings.length ? 'warning' : 'success'} layout="multiline">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{state.title}</MessageBarTitle>
            {state.lines.map((line) => (
              <div key={line}>{line}</div>
            ))}
            {state.warnings.length > 0 && (
              <>
                <div>{strings.summary.warnings}</div>
                <ul className={styles.list}>
                  {state.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
          {dismiss(state.onDismiss)}
        </MessageBar>
      );
    case 'failed':
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{state.title}</MessageBarTitle>
            <div>
              <Body1Strong>{state.problem.title}.</Body1Strong> {state.problem.detail}
            </div>
            <Body1 className={styles.fix}>
              <Body1Strong>{strings.errors.whatToDo}</Body1Strong> {state.problem.fix}
            </Body1>
          </MessageBarBody>
          {dismiss(state.onDismiss)}
        </MessageBar>
      );
    case 'cancelled':
      return (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{state.title}</MessageBarTitle>
            {state.body}
          </MessageBarBody>
          {dismiss(state.onDismiss)}
        </MessageBar>
      );
  }
}

export function renderOperationStatus(state: OperationStatusState, styles: Styles) {
  // The live region is always in the page so screen readers hear each change.
  return (
    <div
      className={mergeClasses(styles.root, state.kind !== 'idle' && styles.active)}
      role={state.kind === 'failed' ? 'alert' : 'status'}
      aria-live={state.kind === 'failed' ? 'assertive' : 'polite'}
      data-testid="operation-status"
      data-state={state.kind}
    >
      {renderContent(state, styles)}
      <UndoOffer />
    </div>
  );
}

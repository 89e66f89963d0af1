/**
 * "Undo <action>" and "Keep" after an action, until the next one. Before
 * undoing it asks the workbench what would happen to entries made since, and
 * when there are some, says so and waits for the user to choose.
 */
import {
  Body1,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { strings } from '../../strings';
import { useTaskpane } from '../../state/TaskpaneContext';
import { isBusy } from '../../state/taskpaneState';
import { describeProblem } from '../../problems/describeProblem';
import type { UndoPreview } from '../../workbench/types';

const useStyles = makeStyles({
  offer: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  text: { flexBasis: '100%', color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  root: { paddingTop: tokens.spacingVerticalS },
});

/** The sentences that say what undoing would do to entries made since; none when nothing was. */
export function previewLines(p: UndoPreview): string[] {
  const lines: string[] = [];
  if (p.typed) lines.push(strings.undo.typed(p.typed, p.typedPeople));
  if (p.cleared) lines.push(strings.undo.cleared(p.cleared));
  if (p.keptAside.length) lines.push(strings.undo.sheetsAside(p.keptAside));
  return lines;
}

export function UndoOffer() {
  const styles = useStyles();
  const { state, dispatch, workbench, run } = useTaskpane();
  if (!state.undo) return null;
  const busy = isBusy(state);
  const action = strings.actionNames[state.undo.action];
  const undo = () => void run('undo', (control) => workbench.undo(control), { cancellable: false });
  const ask = async () => {
    try {
      const preview = await workbench.checkUndo();
      if (previewLines(preview).length) dispatch({ type: 'undo-asked', preview });
      else undo();
    } catch (e) {
      dispatch({ type: 'action-failed', action: 'undo', problem: describeProblem(e) });
    }
  };
  if (state.undoPreview) {
    return (
      <div className={styles.root} data-testid="undo-offer">
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.undo.askTitle(action)}</MessageBarTitle>
            <ul className={styles.list}>
              {previewLines(state.undoPreview).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" disabled={busy} onClick={undo}>
              {strings.undo.confirm}
            </Button>
            <Button size="small" disabled={busy} onClick={() => dispatch({ type: 'undo-declined' })}>
              {strings.undo.decline}
            </Button>
          </MessageBarActions>
        </MessageBar>
      </div>
    );
  }
  return (
    <div className={`${styles.root} ${styles.offer}`} data-testid="undo-offer">
      <Body1 className={styles.text}>{strings.undo.offer(action)}</Body1>
      <Button size="small" disabled={busy} onClick={() => void ask()}>
        {strings.undo.button(action)}
      </Button>
      <Button
        size="small"
        appearance="subtle"
        disabled={busy}
        title={strings.undo.keepHint}
        onClick={() => void run('keep', (control) => workbench.keepUndo(control), { cancellable: false })}
      >
        {strings.undo.keep}
      </Button>
    </div>
  );
}

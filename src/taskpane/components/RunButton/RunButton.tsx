/**
 * The button that starts an action. While another action runs, or while the
 * options are incomplete, it stays focusable but inert, and says why next to it.
 */
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { strings } from '../../strings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalXXS,
    marginTop: tokens.spacingVerticalS,
  },
  why: { color: tokens.colorNeutralForeground3 },
});

export interface RunButtonProps {
  id: string;
  label: string;
  busy: boolean;
  /** Why the action cannot run yet, in words; absent when it can. */
  blocked?: string;
  onRun(): void;
}

export function RunButton(props: RunButtonProps) {
  const styles = useStyles();
  const why = props.busy ? strings.actions.busy : props.blocked;
  const whyId = `${props.id}-why`;
  return (
    <div className={styles.root}>
      <Button
        id={props.id}
        appearance="primary"
        disabledFocusable={!!why}
        aria-describedby={why ? whyId : undefined}
        onClick={() => !why && props.onRun()}
      >
        {props.label}
      </Button>
      {why && (
        <Caption1 id={whyId} className={styles.why}>
          {why}
        </Caption1>
      )}
    </div>
  );
}

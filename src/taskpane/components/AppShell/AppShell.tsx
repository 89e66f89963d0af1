/**
 * The page: a heading, then what fits where the pane runs. Connecting shows a
 * spinner; outside Excel a helpful message; in Excel the framework section,
 * the actions and the feedback area that stays in view at the bottom.
 */
import { useEffect } from 'react';
import { Body1, Spinner, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { strings } from '../../strings';
import { useTaskpane } from '../../state/TaskpaneContext';
import { OutsideExcel } from '../OutsideExcel/OutsideExcel';
import { HostLimitations } from '../HostLimitations/HostLimitations';
import { FrameworkSection } from '../FrameworkSection/FrameworkSection';
import { ActionsPanel } from '../ActionsPanel/ActionsPanel';
import { OperationStatus } from '../OperationStatus/OperationStatus';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    paddingTop: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tagline: { color: tokens.colorNeutralForeground3 },
  main: {
    flexGrow: 1,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalL,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    minWidth: 0,
  },
  centre: { paddingTop: tokens.spacingVerticalXXL },
});

/** Marked once the user can act (a framework can be chosen, or the outside-Excel help is shown): the bench's time to interactive. */
export const INTERACTIVE_MARK = 'taskpane-interactive';

function useInteractiveMark(ready: boolean): void {
  useEffect(() => {
    const timing = typeof performance === 'undefined' ? undefined : performance;
    if (!ready || typeof timing?.mark !== 'function' || typeof timing.getEntriesByName !== 'function') return;
    if (timing.getEntriesByName(INTERACTIVE_MARK).length === 0) timing.mark(INTERACTIVE_MARK);
  }, [ready]);
}

export function AppShell() {
  const styles = useStyles();
  const { state } = useTaskpane();
  const info = state.host.status === 'ready' ? state.host.info : undefined;
  useInteractiveMark(info?.kind === 'outside' || (info?.kind === 'excel' && state.library.status !== 'loading'));
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Title3 as="h1">{strings.app.title}</Title3>
        <Body1 className={styles.tagline}>{strings.app.tagline}</Body1>
      </header>
      <main className={styles.main} aria-busy={!info}>
        {!info && <Spinner className={styles.centre} label={strings.app.connecting} />}
        {info?.kind === 'outside' && <OutsideExcel />}
        {info?.kind === 'excel' && (
          <>
            <HostLimitations limitations={info.limitations} />
            <FrameworkSection />
            <ActionsPanel />
          </>
        )}
      </main>
      {info?.kind === 'excel' && <OperationStatus />}
    </div>
  );
}

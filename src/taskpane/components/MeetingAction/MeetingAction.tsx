/**
 * The calibration meeting: start it on a grid (a snapshot and a decision log),
 * watch the changes arrive and give each a reason, end it (summary, locked log).
 * A meeting left open when the pane was closed is picked up again on opening.
 */
import { useEffect, useState } from 'react';
import { Body1, Button, Caption1, Field, Input, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { FrameworkModel } from '../../../core/framework/model';
import { strings } from '../../strings';
import { useTaskpane } from '../../state/TaskpaneContext';
import { frameworkGrids, isBusy } from '../../state/taskpaneState';
import type { MeetingProgress, MeetingSession } from '../../workbench/types';
import { GridChoice } from '../GridChoice/GridChoice';
import { RunButton } from '../RunButton/RunButton';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  reason: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flexGrow: 1 },
});

function useMeeting(framework: FrameworkModel) {
  const { workbench } = useTaskpane();
  const [session, setSession] = useState<MeetingSession>();
  const [progress, setProgress] = useState<MeetingProgress>();
  const [resumeError, setResumeError] = useState<string>();
  useEffect(() => {
    let live = true;
    workbench.openMeeting?.(framework).then(
      (s) => live && s && setSession(s),
      (e: unknown) => live && setResumeError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [workbench, framework]);
  useEffect(() => {
    if (!session) return;
    setProgress(session.progress());
    return session.subscribe(setProgress);
  }, [session]);
  return { session, setSession, progress, resumeError };
}

function Decisions(props: { session: MeetingSession; progress: MeetingProgress }) {
  const styles = useStyles();
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  const [saved, setSaved] = useState<Record<number, boolean>>({});
  const [problem, setProblem] = useState<string>();
  const { entries, deferred, failed } = props.progress;
  const save = async (index: number) => {
    try {
      await props.session.setReason(index, drafts[index] ?? '');
      setSaved((s) => ({ ...s, [index]: true }));
      setProblem(undefined);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section aria-labelledby="meeting-changes" aria-live="polite">
      <Subtitle2 as="h4" id="meeting-changes">
        {strings.meeting.changesHeading}
      </Subtitle2>
      {!entries.length && <Body1 className={styles.muted}>{strings.meeting.noChanges}</Body1>}
      <ul className={styles.list}>
        {[...entries].reverse().map((e) => (
          <li key={e.index} data-testid="meeting-entry">
            <Body1>{strings.meeting.change(e.person, e.competency, e.before, e.after)}</Body1>
            <div className={styles.reason}>
              <Field className={styles.grow} label={strings.meeting.reason(e.person, e.competency)}>
                <Input
                  value={drafts[e.index] ?? e.reason}
                  onChange={(_, d) => {
                    setDrafts((s) => ({ ...s, [e.index]: d.value }));
                    setSaved((s) => ({ ...s, [e.index]: false }));
                  }}
                />
              </Field>
              <Button aria-label={`${strings.meeting.saveReason}: ${e.person}, ${e.competency}`} onClick={() => void save(e.index)}>
                {strings.meeting.saveReason}
              </Button>
            </div>
            {saved[e.index] && <Caption1>{strings.meeting.reasonSaved}</Caption1>}
          </li>
        ))}
      </ul>
      {deferred > 0 && <Caption1>{strings.meeting.deferred(deferred)}</Caption1>}
      {failed > 0 && <Caption1>{strings.meeting.failed}</Caption1>}
      {problem && <Caption1 role="alert">{problem}</Caption1>}
    </section>
  );
}

export function MeetingAction(props: { framework: FrameworkModel }) {
  const styles = useStyles();
  const { state, workbench, run } = useTaskpane();
  const { chosen } = frameworkGrids(state);
  const { session, setSession, progress, resumeError } = useMeeting(props.framework);
  const busy = isBusy(state);
  if (!session) {
    return (
      <div className={styles.root}>
        <Body1 className={styles.muted}>{strings.meeting.description}</Body1>
        {resumeError && (
          <Caption1 role="alert">
            {strings.meeting.resumeFailed} {resumeError}
          </Caption1>
        )}
        <GridChoice id="meeting-grid" />
        <RunButton
          id="start-meeting"
          label={strings.meeting.start}
          busy={busy}
          blocked={!chosen ? strings.gridChoice.noGrid : undefined}
          onRun={() =>
            chosen &&
            void run('meeting-start', async (control) => {
              const started = await workbench.startMeeting!({ framework: props.framework, gridSheet: chosen.sheet }, control);
              setSession(started.session);
              return started.summary;
            })
          }
        />
      </div>
    );
  }
  return (
    <div className={styles.root}>
      <Body1 data-testid="meeting-status">
        {session.resumed
          ? strings.meeting.resumed(session.gridSheet, session.decisionsSheet)
          : strings.meeting.running(session.gridSheet, session.decisionsSheet)}
      </Body1>
      {progress && <Decisions session={session} progress={progress} />}
      <RunButton
        id="end-meeting"
        label={strings.meeting.end}
        busy={busy}
        onRun={() =>
          void run('meeting-end', async (control) => {
            const summary = await session.end(control);
            setSession(undefined);
            return summary;
          })
        }
      />
    </div>
  );
}

/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../App';
import { builtIn } from '../../../core/frameworks/library';
import { strings } from '../../strings';
import { scriptedWorkbench, summary } from '../../testing/scriptedWorkbench';
import { ignoreFluentInertWarning } from '../../testing/ignoreFluentInertWarning';
import type { MeetingEntry, MeetingProgress, MeetingSession } from '../../workbench/types';

ignoreFluentInertWarning();

/** A meeting session the test drives: it pushes logged changes and records what the pane asks of it. */
function scriptedSession(resumed = false, entries: MeetingEntry[] = []) {
  let progress: MeetingProgress = { entries, deferred: 0, failed: 0 };
  const listeners = new Set<(p: MeetingProgress) => void>();
  const reasons: [number, string][] = [];
  let ended = 0;
  const session: MeetingSession = {
    gridSheet: 'Team grid',
    decisionsSheet: 'Decisions',
    snapshotSheet: 'Snapshot Meeting 2026-12-03',
    resumed,
    progress: () => progress,
    subscribe: (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    setReason: async (index, reason) => void reasons.push([index, reason]),
    end: async () => {
      ended++;
      return summary({ facts: [strings.meeting.ended('Decisions'), strings.meeting.loggedCount(1)] });
    },
  };
  const log = (e: MeetingEntry, patch: Partial<MeetingProgress> = {}) =>
    act(() => {
      progress = { ...progress, entries: [...progress.entries, e], ...patch };
      for (const l of listeners) l(progress);
    });
  return { session, log, reasons, ended: () => ended };
}

const ada: MeetingEntry = { index: 0, person: 'Ada', competency: 'Adaptability', before: 'B', after: 'I', reason: '' };

async function openMeetingSection(wb: ReturnType<typeof scriptedWorkbench>) {
  wb.grids = [{ sheet: 'Team grid', frameworkId: 'mit-devops', people: 5 }];
  render(<App workbench={wb} />);
  const select = await screen.findByLabelText(strings.picker.label);
  const option = within(select).getByRole('option', { name: builtIn('mit-devops').name });
  fireEvent.change(select, { target: { value: (option as HTMLOptionElement).value } });
  fireEvent.click(await screen.findByRole('button', { name: strings.meeting.heading }));
}

describe('the calibration meeting section', () => {
  it('starts a meeting on the chosen grid, lists each change as it is logged, saves a reason and ends it', async () => {
    const wb = scriptedWorkbench();
    const s = scriptedSession();
    const requests: unknown[] = [];
    wb.startMeeting = async (request) => {
      requests.push(request);
      return { summary: summary({ sheetsCreated: ['Decisions', s.session.snapshotSheet] }), session: s.session };
    };
    wb.openMeeting = async () => undefined;
    await openMeetingSection(wb);
    await screen.findByLabelText(strings.gridChoice.label);
    fireEvent.click(screen.getByRole('button', { name: strings.meeting.start }));
    await screen.findByText(strings.meeting.running('Team grid', 'Decisions'));
    expect(requests).toMatchObject([{ gridSheet: 'Team grid' }]);
    expect(screen.getByText(strings.meeting.noChanges)).toBeTruthy();

    s.log(ada, { deferred: 1 });
    expect(screen.getByText(strings.meeting.change('Ada', 'Adaptability', 'B', 'I'))).toBeTruthy();
    expect(screen.getByText(strings.meeting.deferred(1))).toBeTruthy();
    fireEvent.change(screen.getByLabelText(strings.meeting.reason('Ada', 'Adaptability')), { target: { value: 'agreed' } });
    fireEvent.click(screen.getByRole('button', { name: `${strings.meeting.saveReason}: Ada, Adaptability` }));
    await screen.findByText(strings.meeting.reasonSaved);
    expect(s.reasons).toEqual([[0, 'agreed']]);

    fireEvent.click(screen.getByRole('button', { name: strings.meeting.end }));
    await screen.findByText(strings.meeting.loggedCount(1));
    expect(s.ended()).toBe(1);
    await waitFor(() => expect(screen.getByRole('button', { name: strings.meeting.start })).toBeTruthy());
  });

  it('picks up a meeting left open in the workbook, with the changes already logged', async () => {
    const wb = scriptedWorkbench();
    const s = scriptedSession(true, [{ ...ada, reason: 'agreed' }]);
    wb.startMeeting = async () => {
      throw new Error('not expected');
    };
    wb.openMeeting = async () => s.session;
    await openMeetingSection(wb);
    await screen.findByText(strings.meeting.resumed('Team grid', 'Decisions'));
    expect((screen.getByLabelText(strings.meeting.reason('Ada', 'Adaptability')) as HTMLInputElement).value).toBe('agreed');
    expect(screen.queryByRole('button', { name: strings.meeting.start })).toBeNull();
  });
});

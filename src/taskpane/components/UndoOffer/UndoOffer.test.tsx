/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../App';
import { builtIn } from '../../../core/frameworks/library';
import { strings } from '../../strings';
import { scriptedWorkbench, summary, type ScriptedWorkbench } from '../../testing/scriptedWorkbench';
import { ignoreFluentInertWarning } from '../../testing/ignoreFluentInertWarning';

ignoreFluentInertWarning();

const fw = builtIn('sre-ladder');
const undoButton = () => screen.queryByRole('button', { name: strings.undo.button(strings.actionNames.matrix) });

async function insertMatrix(wb: ScriptedWorkbench, undoable = true) {
  wb.answers.matrix = summary({ sheetsCreated: ['SRE Matrix'], undoable });
  const select = await screen.findByLabelText(strings.picker.label);
  const option = within(select).getByRole('option', { name: fw.name });
  fireEvent.change(select, { target: { value: (option as HTMLOptionElement).value } });
  fireEvent.click(screen.getByRole('button', { name: strings.matrix.run }));
  await waitFor(() => expect(screen.getByTestId('operation-status').dataset.state).toBe('succeeded'));
}

describe('undo in the task pane', () => {
  it('offers "Undo Insert matrix" and "Keep" after an action, and undoes straight away when nothing was typed since', async () => {
    const wb = scriptedWorkbench();
    render(<App workbench={wb} />);
    await insertMatrix(wb);
    expect(screen.getByText(strings.undo.offer(strings.actionNames.matrix))).toBeTruthy();
    fireEvent.click(undoButton()!);
    await waitFor(() => expect(wb.calls.map((c) => c.action)).toContain('undo'));
    await waitFor(() => expect(screen.getByTestId('operation-status').textContent).toContain('Team grid: undone.'));
    // Undone: the offer is gone until the next action.
    expect(undoButton()).toBeNull();
  });

  it('says what would happen to entries made since and waits; "Do not undo" changes nothing', async () => {
    const wb = scriptedWorkbench();
    wb.undoPreview = { typed: 3, typedPeople: 2, cleared: 1, keptAside: ['Team grid'] };
    render(<App workbench={wb} />);
    await insertMatrix(wb);
    fireEvent.click(undoButton()!);
    expect(await screen.findByText(strings.undo.typed(3, 2))).toBeTruthy();
    expect(screen.getByText(strings.undo.cleared(1))).toBeTruthy();
    expect(screen.getByText(strings.undo.sheetsAside(['Team grid']))).toBeTruthy();
    expect(wb.calls.map((c) => c.action)).not.toContain('undo');
    fireEvent.click(screen.getByRole('button', { name: strings.undo.decline }));
    expect(wb.calls.map((c) => c.action)).not.toContain('undo');
    expect(undoButton()).toBeTruthy();
    fireEvent.click(undoButton()!);
    fireEvent.click(await screen.findByRole('button', { name: strings.undo.confirm }));
    await waitFor(() => expect(wb.calls.map((c) => c.action)).toContain('undo'));
  });

  it('"Keep" removes the kept copies and ends the offer; an action that kept nothing offers nothing', async () => {
    const wb = scriptedWorkbench();
    render(<App workbench={wb} />);
    await insertMatrix(wb);
    fireEvent.click(screen.getByRole('button', { name: strings.undo.keep }));
    await waitFor(() => expect(screen.getByTestId('operation-status').textContent).toContain(strings.undo.kept));
    expect(wb.calls.map((c) => c.action)).toContain('keep');
    expect(undoButton()).toBeNull();
    await insertMatrix(wb, false);
    expect(undoButton()).toBeNull();
  });
});

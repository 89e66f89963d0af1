/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../App';
import { builtIn } from '../../../core/frameworks/library';
import { strings } from '../../strings';
import { scriptedWorkbench, summary } from '../../testing/scriptedWorkbench';
import type { GridReadiness } from '../../../core/layouts/gridShape';
import { ignoreFluentInertWarning } from '../../testing/ignoreFluentInertWarning';

ignoreFluentInertWarning();

async function openGridAction() {
  const wb = scriptedWorkbench();
  wb.answers.grid = summary({ sheetsCreated: ['Team grid'] });
  render(<App workbench={wb} />);
  const select = await screen.findByLabelText(strings.picker.label);
  const option = within(select).getByRole('option', { name: builtIn('mit-devops').name });
  fireEvent.change(select, { target: { value: (option as HTMLOptionElement).value } });
  fireEvent.click(screen.getByRole('button', { name: strings.grid.heading }));
  return wb;
}

async function readinessSent(wb: ReturnType<typeof scriptedWorkbench>): Promise<GridReadiness> {
  fireEvent.click(screen.getByRole('button', { name: strings.grid.run }));
  await waitFor(() => expect(wb.calls.some((c) => c.action === 'grid')).toBe(true));
  return (wb.calls.find((c) => c.action === 'grid')!.request as { readiness: GridReadiness }).readiness;
}

describe('the grid action’s readiness choice', () => {
  it('offers strict, tolerant and none, with strict chosen at first and sent by default', async () => {
    const wb = await openGridAction();
    const group = screen.getByRole('radiogroup', { name: strings.grid.readinessLabel });
    const radios = within(group).getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.value)).toEqual(['strict', 'tolerant', 'none']);
    expect(radios.find((r) => r.checked)?.value).toBe('strict');
    expect(await readinessSent(wb)).toBe('strict');
  });

  it.each([
    ['tolerant', strings.grid.readinessTolerant],
    ['none', strings.grid.readinessNone],
  ] as const)('sends %s when the user picks it, and explains what it means', async (mode, label) => {
    const wb = await openGridAction();
    const radio = screen.getByRole('radio', { name: label });
    fireEvent.click(radio);
    expect((radio as HTMLInputElement).checked).toBe(true);
    const hint = document.getElementById(radio.getAttribute('aria-describedby')!);
    expect(hint?.textContent).toBe(mode === 'tolerant' ? strings.grid.readinessTolerantHint : strings.grid.readinessNoneHint);
    expect(await readinessSent(wb)).toBe(mode);
  });

  it('no longer says readiness is fixed', async () => {
    await openGridAction();
    expect(screen.queryByText(/Each person also gets readiness for the next role/)).toBeNull();
  });
});

describe('adding a grid or updating one', () => {
  const grids = [
    { sheet: 'Team grid', label: 'Sheet1', frameworkId: 'mit-devops', people: 5, writtenAt: '2026-12-01T09:00:00.000Z' },
    { sheet: 'Sheet2 grid', label: 'Sheet2', frameworkId: 'mit-devops', people: 3, writtenAt: '2026-12-02T09:00:00.000Z' },
  ];

  it('offers no update while the workbook has no grid on the framework, and "Create grid" asks for a new grid', async () => {
    const wb = await openGridAction();
    await waitFor(() => expect(wb.calls.some((c) => c.action === 'grids')).toBe(true));
    expect(screen.queryByRole('button', { name: strings.grid.update })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: strings.grid.run }));
    await waitFor(() => expect(wb.calls.some((c) => c.action === 'grid')).toBe(true));
    expect((wb.calls.find((c) => c.action === 'grid')!.request as { update?: string }).update).toBeUndefined();
  });

  it('lists the grids with whose they are, their people and date, and "Update this grid" rebuilds the one chosen', async () => {
    const wb = scriptedWorkbench();
    wb.grids = grids;
    wb.answers.grid = summary({ sheetsReplaced: ['Sheet2 grid'], grid: { sheet: 'Sheet2 grid', added: false, shared: [], others: 1 } });
    render(<App workbench={wb} />);
    const select = await screen.findByLabelText(strings.picker.label);
    const option = within(select).getByRole('option', { name: builtIn('mit-devops').name });
    fireEvent.change(select, { target: { value: (option as HTMLOptionElement).value } });
    fireEvent.click(screen.getByRole('button', { name: strings.grid.heading }));
    const choice = await screen.findByLabelText(strings.grid.updateChoice);
    expect(
      within(choice)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      strings.gridChoice.option('Team grid', 5, 'Sheet1', grids[0].writtenAt),
      strings.gridChoice.option('Sheet2 grid', 3, 'Sheet2', grids[1].writtenAt),
    ]);
    expect(strings.gridChoice.option('Sheet2 grid', 3, 'Sheet2', grids[1].writtenAt)).toBe('Sheet2 grid – Sheet2 (3 people, 2026-12-02)');
    fireEvent.change(choice, { target: { value: 'Sheet2 grid' } });
    fireEvent.click(screen.getByRole('button', { name: strings.grid.update }));
    await waitFor(() => expect(wb.calls.some((c) => c.action === 'grid')).toBe(true));
    expect((wb.calls.find((c) => c.action === 'grid')!.request as { update?: string }).update).toBe('Sheet2 grid');
    expect(await screen.findByText(strings.summary.gridUpdated('Sheet2 grid', 1))).toBeTruthy();
  });
});

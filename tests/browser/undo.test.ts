/**
 * Undo in the production task pane, with the recording Excel fake as host:
 * for each action (matrix, grid, heatmaps, calibration) the whole workbook is
 * snapshotted before it, the action runs, "Undo <action>" is clicked, and the
 * workbook must equal the snapshot: every sheet, cell, format, rule,
 * dropdown, name, visibility and tab position, the user's sheet included.
 * Ratings typed since are asked about first and end on "Unplaced ratings".
 */
import { builtIn } from '../../src/core/frameworks/library';
import { strings } from '../../src/taskpane/strings';
import type { TaskpanePage } from './support/taskpanePage';
import { describeInChromium, paneSession } from './support/paneSession';
import type { FakeHostConfig } from './fakeHost/fakeHostConfig';

const MIT = builtIn('mit-devops');

/** A roster with ratings on two competencies, selected on the user's own sheet, beside a sheet of their notes. */
const HOST: FakeHostConfig = {
  sheets: [
    {
      name: 'Sheet1',
      rows: [
        ['Id', 'Name', 'Role', 'Manager', 'Adaptability', 'Analytical Thinking'],
        ['E01', 'Ada Lovelace', 'DevOps Engineer I', 'Grace', 'B', 'I'],
        ['E02', 'Alan Turing', 'DevOps Engineer II', 'Grace', 'I', 'I'],
        ['E03', 'Edsger Dijkstra', 'DevOps Engineer III', 'Grace', 'A', 'A'],
        ['E04', 'Barbara Liskov', 'DevOps Engineer II', 'Ken', 'I', 'B'],
      ],
    },
    { name: 'Notes', rows: [['my own notes', 42]] },
  ],
  selection: { sheet: 'Sheet1', address: 'A1:F5' },
};

describeInChromium('undo in the task pane (fake host, production build)', () => {
  const session = paneSession();
  let pane: TaskpanePage | undefined;

  /** Clicks "Undo <action>" and waits for the undo's own summary. */
  async function undo(p: TaskpanePage, action: string): Promise<string> {
    await p.page.getByRole('button', { name: strings.undo.button(action) }).click();
    await p.page.waitForFunction(() => {
      const s = document.querySelector('[data-testid="operation-status"]');
      return s?.getAttribute('data-state') === 'succeeded' && /undone\./.test(s.textContent ?? '');
    });
    return (await p.page.getByTestId('operation-status').innerText()).replace(/\s+/g, ' ');
  }

  /**
   * "Keep" on the previous action, when it is offered: starting the next action
   * ends that offer anyway, so "as before" is the workbook with it kept.
   */
  async function keepIfOffered(p: TaskpanePage): Promise<void> {
    const keep = p.page.getByRole('button', { name: strings.undo.keep });
    if (!(await keep.count())) return;
    await keep.click();
    await p.page.getByText(strings.undo.kept).waitFor();
  }

  async function runAndUndo(p: TaskpanePage, button: string, action: string): Promise<void> {
    await keepIfOffered(p);
    const before = await p.fake<unknown>('snapshot');
    expect((await p.run(button)).state).toBe('succeeded');
    expect(await p.fake<unknown>('snapshot')).not.toEqual(before);
    const text = await undo(p, action);
    expect(text).toContain('undone.');
    expect(await p.fake<unknown>('snapshot')).toEqual(before);
    // Until the next action there is nothing more to undo.
    expect(await p.page.getByRole('button', { name: strings.undo.button(action) }).count()).toBe(0);
  }

  it('undoes each action, leaving the workbook exactly as before it, the user sheets untouched', async () => {
    pane = await session.open({ width: 450, config: HOST });
    const { page } = pane;
    await pane.chooseFramework(MIT.name);

    await runAndUndo(pane, strings.matrix.run, strings.actionNames.matrix);
    expect((await pane.run(strings.matrix.run)).state).toBe('succeeded');

    await pane.openSection(strings.grid.heading);
    await runAndUndo(pane, strings.grid.run, strings.actionNames.grid);
    expect((await pane.run(strings.grid.run)).state).toBe('succeeded');

    await pane.fake('type', 'Team grid', 'L10', 'A');
    await pane.openSection(strings.heatmaps.heading);
    await page.getByLabel(strings.gridChoice.label).waitFor();
    await runAndUndo(pane, strings.heatmaps.run, strings.actionNames.heatmaps);

    await pane.openSection(strings.calibration.heading);
    await page.locator('#calibration-grid').waitFor();
    await page.getByLabel(strings.calibration.minGroup).fill('2');
    await runAndUndo(pane, strings.calibration.run, strings.actionNames.calibration);

    expect(await pane.fake<unknown[][]>('read', 'Notes', 'A1:B1')).toEqual([['my own notes', 42]]);
    expect(await pane.fake<string[]>('damage')).toEqual([]);
    expect(pane.watch.errors).toEqual([]);
  });

  it('asks before undoing over ratings typed since, and keeps them on "Unplaced ratings"; "Keep" removes the hidden copies', async () => {
    pane = await session.open({ width: 320, config: HOST });
    const { page } = pane;
    await pane.chooseFramework(MIT.name);
    await pane.openSection(strings.grid.heading);
    expect((await pane.run(strings.grid.run)).state).toBe('succeeded');
    await keepIfOffered(pane);
    const before = await pane.fake<{ sheets: { name: string }[] }>('snapshot');
    await pane.openSection(strings.heatmaps.heading);
    await page.getByLabel(strings.gridChoice.label).waitFor();
    expect((await pane.run(strings.heatmaps.run)).state).toBe('succeeded');

    // A manager rates someone on the rebuilt grid.
    await pane.fake('type', 'Team grid', 'N12', 'E');
    await page.getByRole('button', { name: strings.undo.button(strings.actionNames.heatmaps) }).click();
    await page.getByText(strings.undo.typed(1, 1)).waitFor();
    await pane.screenshot('undo-asks');
    expect(await pane.fake<unknown[][]>('read', 'Team grid', 'N12')).toEqual([['E']]);
    await page.getByRole('button', { name: strings.undo.confirm }).click();
    await page.waitForFunction(() => /undone\./.test(document.querySelector('[data-testid="operation-status"]')?.textContent ?? ''));
    expect(await page.getByTestId('operation-status').innerText()).toContain(strings.undo.moved(1, 'Unplaced ratings'));
    const names = await pane.fake<string[]>('sheetNames');
    expect(names).toContain('Unplaced ratings');
    expect((await pane.fake<unknown[][]>('read', 'Unplaced ratings', 'A1:Z12')).flat()).toEqual(expect.arrayContaining(['E03', 'E']));
    // Everything else is as before the heatmaps.
    const now = await pane.fake<{ sheets: { name: string }[] }>('snapshot');
    const others = (s: typeof now) => s.sheets.filter((x) => !['Unplaced ratings', 'CompetencyMatrix.Registry'].includes(x.name));
    expect(others(now)).toEqual(others(before));

    // The next action keeps its own copies; "Keep" removes them.
    await pane.openSection(strings.grid.heading);
    expect((await pane.run(strings.grid.run)).state).toBe('succeeded');
    expect((await pane.fake<string[]>('sheetNames')).some((n) => n.startsWith('CM-undo '))).toBe(true);
    await page.getByRole('button', { name: strings.undo.keep }).click();
    await page.getByText(strings.undo.kept).waitFor();
    const after = await pane.fake<string[]>('sheetNames');
    expect(after.filter((n) => n.startsWith('CM-undo ') || n === 'CompetencyMatrix.Undo')).toEqual([]);
    expect(await pane.fake<string[]>('damage')).toEqual([]);
    expect(pane.watch.errors).toEqual([]);
  });
});

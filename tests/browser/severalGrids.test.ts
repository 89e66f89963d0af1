/**
 * Several grids in one workbook, in the production task pane over the
 * recording Excel fake: a second team selected and "Create grid" chosen again
 * gives a second grid beside the first (on the same framework, or on another),
 * a rating typed on the first grid is still there, and heatmaps and
 * calibration on either grid leave every sheet of the other as the fake
 * recorded it (id, cells, formulas, rules, dropdowns).
 */
import { builtIn } from '../../src/core/frameworks/library';
import type { FrameworkModel } from '../../src/core/framework/model';
import { strings } from '../../src/taskpane/strings';
import type { TaskpanePage } from './support/taskpanePage';
import { describeInChromium, paneSession } from './support/paneSession';
import type { FakeHostConfig } from './fakeHost/fakeHostConfig';

const MIT = builtIn('mit-devops');
const SRE = builtIn('sre-ladder');

/** A team as a user pastes it: header, then people rated on two competencies so a calibration has something to count. */
function team(model: FrameworkModel, prefix: string): (string | number)[][] {
  const codes = model.scaleOf(model.competencies[0]).levels.map((l) => l.code);
  const header = ['Id', 'Name', 'Role', 'Manager', model.competencies[0].name, model.competencies[1].name];
  const people = [0, 1, 2, 3].map((i) => [
    `${prefix}${i + 1}`,
    `${prefix} person ${i + 1}`,
    model.roles[i % 2].name,
    ['Grace', 'Ken'][i % 2],
    codes[i % codes.length],
    codes[(i + 1) % codes.length],
  ]);
  return [header, ...people];
}

function host(second: FrameworkModel): FakeHostConfig {
  return {
    sheets: [
      { name: 'Sheet1', rows: team(MIT, 'A') },
      { name: 'Sheet2', rows: team(second, 'B') },
    ],
    selection: { sheet: 'Sheet1', address: 'A1:F5' },
  };
}

/** The first person's first rating cell on a grid (row 10, column L). */
const FIRST_RATING = 'L10';

describeInChromium('several grids in one workbook (task pane, fake host, production build)', () => {
  const session = paneSession();
  let pane: TaskpanePage | undefined;

  const records = (sheets: string[]) => Promise.all(sheets.map((s) => pane!.fake<unknown>('sheetRecord', s)));

  /** Picks a grid in a section's grid list (several sections may be open, each with its list). */
  async function chooseGrid(section: 'heatmap' | 'calibration', sheet: string) {
    const choice = pane!.page.locator(`#${section}-grid`);
    await choice.waitFor();
    await choice.selectOption(sheet);
  }

  it.each([
    ['one framework', MIT, 'Sheet2 grid', [] as string[]],
    ['two frameworks', SRE, 'Sheet2 grid (sre-ladder)', ['Matrix (sre-ladder)', 'Scales (sre-ladder)', 'Targets (sre-ladder)']],
  ])(
    'two teams on %s give two grids side by side, and each action touches only its own grid',
    async (_case, second, secondGrid, ownSheets) => {
      pane = await session.open({ width: 450, config: host(second) });
      const { page } = pane;
      await pane.chooseFramework(MIT.name);
      await pane.openSection(strings.grid.heading);
      expect((await pane.run(strings.grid.run)).state).toBe('succeeded');
      const level = MIT.scaleOf(MIT.competencies[0]).levels[3].code;
      await pane.fake('type', 'Team grid', FIRST_RATING, level);
      const firstSheets = ['Team grid', 'Matrix', 'Scales', 'Targets'];
      const firstBefore = await records(firstSheets);

      // The second team: selected on its own sheet, "Create grid" again.
      await pane.fake('select', 'Sheet2', 'A1:F5');
      if (second !== MIT) await pane.chooseFramework(second.name);
      await pane.openSection(strings.grid.heading);
      const added = await pane.run(strings.grid.run);
      expect(added.state).toBe('succeeded');
      expect(added.text).toContain(
        strings.summary.gridAdded(secondGrid, second === MIT ? ['Matrix', 'Scales', 'Descriptors', 'Roles', 'Targets'] : []).slice(0, 30),
      );
      expect(await pane.fake<string[]>('sheetNames')).toEqual(expect.arrayContaining(['Team grid', secondGrid, ...ownSheets]));
      expect(await records(firstSheets)).toEqual(firstBefore);
      expect(await pane.fake('read', 'Team grid', FIRST_RATING)).toEqual([[level]]);
      expect((await pane.fake<unknown[][]>('read', secondGrid, 'A10:A13')).map((r) => r[0])).toEqual(['B1', 'B2', 'B3', 'B4']);

      // Heatmaps and calibration on the second grid: the first grid's sheets stay as they were.
      await pane.openSection(strings.heatmaps.heading);
      await chooseGrid('heatmap', secondGrid);
      expect((await pane.run(strings.heatmaps.run)).state).toBe('succeeded');
      await pane.openSection(strings.calibration.heading);
      await chooseGrid('calibration', secondGrid);
      await page.getByLabel(strings.calibration.minGroup).fill('2');
      expect((await pane.run(strings.calibration.run)).state).toBe('succeeded');
      expect(await records(firstSheets)).toEqual(firstBefore);

      // And on the first grid (its framework chosen again): the second grid's sheets stay as they were.
      const secondSheets = [secondGrid, ...ownSheets];
      const secondBefore = await records(secondSheets);
      if (second !== MIT) await pane.chooseFramework(MIT.name);
      await pane.openSection(strings.heatmaps.heading);
      await chooseGrid('heatmap', 'Team grid');
      const heat = await pane.run(strings.heatmaps.run);
      expect(heat.state).toBe('succeeded');
      expect(heat.text).toMatch(/\d+ ratings were kept/);
      await pane.openSection(strings.calibration.heading);
      await chooseGrid('calibration', 'Team grid');
      await page.getByLabel(strings.calibration.minGroup).fill('2');
      expect((await pane.run(strings.calibration.run)).state).toBe('succeeded');
      expect(await records(secondSheets)).toEqual(secondBefore);
      expect(await pane.fake('read', 'Team grid', FIRST_RATING)).toEqual([[level]]);
      expect(await pane.fake<string[]>('damage')).toEqual([]);
      expect(pane.watch.errors).toEqual([]);
    },
    180_000,
  );
  it('calibrates two grids on one framework together: one pack over both teams, both grids untouched', async () => {
    pane = await session.open({ width: 450, config: host(MIT) });
    const { page } = pane;
    await pane.chooseFramework(MIT.name);
    await pane.openSection(strings.grid.heading);
    expect((await pane.run(strings.grid.run)).state).toBe('succeeded');
    await pane.fake('select', 'Sheet2', 'A1:F5');
    await pane.openSection(strings.grid.heading);
    expect((await pane.run(strings.grid.run)).state).toBe('succeeded');
    const grids = ['Team grid', 'Sheet2 grid', 'Matrix', 'Scales', 'Targets'];
    const before = await records(grids);

    await pane.openSection(strings.calibration.heading);
    await page.locator('#calibration-grid').waitFor();
    await page.getByLabel(strings.calibration.together(2, MIT.name)).check();
    await page.getByLabel(strings.calibration.minGroup).fill('2');
    const built = await pane.run(strings.calibration.run);
    expect(built.state).toBe('succeeded');

    // One pooled sheet lists the people of both teams, each beside the grid it comes from.
    const pooled = (await pane.fake<string[]>('sheetNames')).filter((n) => n.startsWith('Pooled '));
    expect(pooled).toHaveLength(1);
    // The fake keeps formulas as written: each pooled id is a live copy of its grid's id cell (rows 10 to 13).
    const ids = (await pane.fake<unknown[][]>('read', pooled[0], 'B4:B11')).map((r) => r[0]);
    const copy = (sheet: string, row: number) => `=IF('${sheet}'!$A$${row}="","",'${sheet}'!$A$${row})`;
    expect(ids).toEqual([...[10, 11, 12, 13].map((r) => copy('Team grid', r)), ...[10, 11, 12, 13].map((r) => copy('Sheet2 grid', r))]);
    // The Calibration sheet's title names the pooled sheet: its figures read both grids through it.
    const title = await pane.fake<unknown[][]>('read', 'Calibration', 'A1');
    expect(String(title[0][0])).toContain(pooled[0]);
    expect(await records(grids)).toEqual(before);
    expect(await pane.fake<string[]>('damage')).toEqual([]);
    expect(pane.watch.errors).toEqual([]);
  }, 180_000);
});

/**
 * The production task pane in headless Chromium with the recording Excel fake
 * as its host: a new user's whole path (framework, matrix, grid for a pasted
 * roster, heatmaps) by clicks and one typed number, every error path showing
 * what to do, the workbook operations the fake recorded, axe-core checks, and
 * screenshots at 320 and 450 px in tests/output/screenshots.
 */
import fs from 'fs';
import path from 'path';
import { builtIn } from '../../src/core/frameworks/library';
import { strings } from '../../src/taskpane/strings';
import { axeViolations, type TaskpanePage } from './support/taskpanePage';
import { describeInChromium, paneSession } from './support/paneSession';
import type { FakeHostConfig } from './fakeHost/fakeHostConfig';
import { FRAMEWORKS_SHEET, frameworksToSheetRows } from '../../src/core/interchange/frameworkSheet';

const MIT = builtIn('mit-devops');
const SRE = builtIn('sre-ladder');

/** A roster as a user pastes it into Sheet1: header, then one row per person. */
const PASTED_ROSTER: (string | number)[][] = [
  ['Id', 'Name', 'Role', 'Manager'],
  ['E01', 'Ada Lovelace', 'DevOps Engineer I', 'Grace'],
  ['E02', 'Alan Turing', 'DevOps Engineer II', 'Grace'],
  ['E03', 'Edsger Dijkstra', 'DevOps Engineer III', 'Grace'],
  ['E04', 'Barbara Liskov', 'DevOps Engineer II', 'Ken'],
  ['E05', 'Ken Thompson', 'DevOps Engineer IV', 'Ken'],
];

/** The same people with ratings on two competencies, so a calibration has something to look at. */
const RATED_ROSTER: (string | number)[][] = PASTED_ROSTER.map((row, i) =>
  i === 0 ? [...row, 'Adaptability', 'Analytical Thinking'] : [...row, ['B', 'I', 'A', 'I', 'E'][i - 1], ['I', 'I', 'A', 'B', 'A'][i - 1]],
);

const RATED_ROSTER_HOST: FakeHostConfig = {
  sheets: [{ name: 'Sheet1', rows: RATED_ROSTER }],
  selection: { sheet: 'Sheet1', address: 'A1:F6' },
};

const pastedRosterHost: FakeHostConfig = {
  sheets: [{ name: 'Sheet1', rows: PASTED_ROSTER }],
  selection: { sheet: 'Sheet1', address: 'A1:D6' },
};

describeInChromium('the task pane in Excel (fake host, production build)', () => {
  const session = paneSession();
  const open = (width: number, config?: FakeHostConfig) => session.open({ width, config });
  let pane: TaskpanePage | undefined;

  it.each([450, 320])(
    'takes a new user at %i px from a framework to a matrix, a grid for a pasted roster and heatmaps, by clicks alone',
    async (width) => {
      pane = await open(width, pastedRosterHost);
      const { page } = pane;
      await pane.chooseFramework(MIT.name);
      await page.getByRole('heading', { name: MIT.name }).waitFor();
      await pane.screenshot('framework-preview');
      expect(await pane.fake<string[]>('sheetNames')).toEqual(['Sheet1']);

      const matrix = await pane.run(strings.matrix.run);
      expect(matrix.state).toBe('succeeded');
      expect(matrix.text).toContain('Created');
      expect(await pane.fake<string[]>('sheetNames')).toEqual(expect.arrayContaining(['Sheet1', 'Matrix', 'Scales']));
      expect((await pane.fake<unknown[][]>('read', 'Matrix', 'A1'))[0][0]).toContain(MIT.name);
      expect((await pane.fake<unknown[]>('conditionalFormats', 'Matrix')).length).toBeGreaterThan(0);
      await pane.screenshot('matrix-inserted');

      await pane.openSection(strings.grid.heading);
      expect(await page.getByRole('radio', { name: strings.grid.sourceSelection }).isChecked()).toBe(true);
      const grid = await pane.run(strings.grid.run);
      expect(grid.state).toBe('succeeded');
      expect(grid.text).toContain('Team grid');
      const ids = (await pane.fake<unknown[][]>('read', 'Team grid', 'A10:A14')).map((r) => r[0]);
      expect(ids).toEqual(['E01', 'E02', 'E03', 'E04', 'E05']);
      const dropdowns = await pane.fake<{ source: string }[]>('validations', 'Team grid');
      expect(dropdowns.length).toBeGreaterThan(0);
      // Level dropdowns over the ratings, sourced from the scale table in the workbook (never an inline list).
      expect(dropdowns).toContainEqual({ address: 'L10:T14', source: expect.stringMatching(/^=Scales!\$A\$\d+:\$A\$\d+$/) });
      expect(await pane.fake<unknown[][]>('read', 'Sheet1', 'A1:D2')).toEqual(PASTED_ROSTER.slice(0, 2));
      await pane.screenshot('grid-created');

      // A manager rates two people before the heatmaps are refreshed: both ratings must survive.
      await pane.fake('type', 'Team grid', 'L10', 'A');
      await pane.fake('type', 'Team grid', 'M11', 'BD');
      await pane.openSection(strings.heatmaps.heading);
      await page.getByLabel(strings.gridChoice.label).waitFor();
      expect(await page.getByLabel(strings.gridChoice.label).inputValue()).toBe('Team grid');
      const before = (await pane.fake<unknown[]>('conditionalFormats', 'Team grid')).length;
      const heatmaps = await pane.run(strings.heatmaps.run);
      expect(heatmaps.state).toBe('succeeded');
      expect(heatmaps.text).toContain(strings.summary.replaced(['Team grid']).slice(0, 8));
      expect(heatmaps.text).toContain(strings.summary.ratingsKept(2));
      expect(await pane.fake<unknown[][]>('read', 'Team grid', 'L10:M11')).toEqual([
        ['A', ''],
        ['', 'BD'],
      ]);
      const after = await pane.fake<{ address: string; type: string }[]>('conditionalFormats', 'Team grid');
      expect(after.length).toBeGreaterThanOrEqual(before);
      expect(after.some((c) => c.type === 'ColorScale')).toBe(true);
      await pane.screenshot('heatmaps-refreshed');

      expect(await pane.fake<string[]>('damage')).toEqual([]);
      expect(pane.watch.errors).toEqual([]);
    },
  );

  it('creates a grid from a roster CSV file read in the browser', async () => {
    pane = await open(450, { sheets: [{ name: 'Sheet1', rows: [['my own notes']] }] });
    const { page } = pane;
    await pane.chooseFramework(MIT.name);
    await pane.openSection(strings.grid.heading);
    await page.getByRole('radio', { name: strings.grid.sourceCsv }).click();
    const csv = PASTED_ROSTER.map((r) => r.join(',')).join('\r\n');
    await page.getByTestId('roster-file').setInputFiles({ name: 'team.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByText(strings.grid.csvChosen('team.csv', 5)).waitFor();
    expect((await pane.run(strings.grid.run)).state).toBe('succeeded');
    expect((await pane.fake<unknown[][]>('read', 'Team grid', 'B10:B11')).map((r) => r[0])).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(await pane.fake<string[]>('damage')).toEqual([]);
    expect(await pane.fake<unknown[][]>('read', 'Sheet1', 'A1')).toEqual([['my own notes']]);
    expect(pane.watch.errors).toEqual([]);
  });

  it('builds the calibration pack from a grid with ratings', async () => {
    pane = await open(450, RATED_ROSTER_HOST);
    const { page } = pane;
    await pane.chooseFramework(MIT.name);
    await pane.openSection(strings.grid.heading);
    expect((await pane.run(strings.grid.run)).state).toBe('succeeded');
    await pane.openSection(strings.calibration.heading);
    await page.getByLabel(strings.gridChoice.label).waitFor();
    await page.getByLabel(strings.calibration.minGroup).fill('2');
    const outcome = await pane.run(strings.calibration.run);
    expect(outcome.state).toBe('succeeded');
    expect(await pane.fake<string[]>('sheetNames')).toEqual(expect.arrayContaining(['Calibration', 'Calibration data']));
    await pane.screenshot('calibration-built');
    expect(await pane.fake<string[]>('damage')).toEqual([]);
    expect(pane.watch.errors).toEqual([]);
  });

  it('records a calibration meeting: three changes, one with a reason, on a Decisions sheet locked at the end with the before and after', async () => {
    pane = await open(450, RATED_ROSTER_HOST);
    const { page } = pane;
    await pane.chooseFramework(MIT.name);
    await pane.openSection(strings.grid.heading);
    expect((await pane.run(strings.grid.run)).state).toBe('succeeded');
    await pane.openSection(strings.meeting.heading);
    await page.getByLabel(strings.gridChoice.label).waitFor();
    const started = await pane.run(strings.meeting.start);
    expect(started.state).toBe('succeeded');
    const sheets = await pane.fake<string[]>('sheetNames');
    expect(sheets).toContain('Decisions');
    const snapshot = sheets.find((n) => n.startsWith('Snapshot Meeting '));
    expect(snapshot).toBeDefined();
    await page.getByText(strings.meeting.running('Team grid', 'Decisions')).waitFor();

    // The facilitator changes three ratings on the grid, as a person types them.
    // Competency columns are found by their heading, in whichever header row the grid shows it.
    const top = await pane.fake<string[][]>('read', 'Team grid', 'A1:Z9');
    const column = (name: string) => String.fromCharCode(65 + Math.max(...top.map((r) => r.indexOf(name))));
    const adaptability = column('Adaptability');
    const analytical = column('Analytical Thinking');
    await pane.fake('type', 'Team grid', `${adaptability}10`, 'I'); // Ada: B -> I
    await page.getByTestId('meeting-entry').nth(0).waitFor();
    await pane.fake('type', 'Team grid', `${analytical}11`, 'A'); // Alan: I -> A
    await page.getByTestId('meeting-entry').nth(1).waitFor();
    await page.getByLabel(strings.meeting.reason('Alan Turing', 'Analytical Thinking')).fill('Led the incident review');
    const save = page.getByRole('button', { name: `${strings.meeting.saveReason}: Alan Turing, Analytical Thinking` });
    await save.click();
    await page.getByTestId('meeting-entry').filter({ hasText: 'Alan Turing' }).getByText(strings.meeting.reasonSaved).waitFor();
    await pane.fake('type', 'Team grid', `${adaptability}14`, 'A'); // Ken: E -> A
    await page.getByTestId('meeting-entry').nth(2).waitFor();
    // Picking the same level again is no change of rating, and is not logged.
    await pane.fake('type', 'Team grid', `${adaptability}12`, 'a');
    await pane.screenshot('meeting-running');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: strings.meeting.end }).click();
    await page.getByText(strings.meeting.loggedCount(3)).waitFor();
    const ended = await pane.outcome();
    expect(ended.state).toBe('succeeded');
    expect(ended.text).toContain(strings.meeting.differ(3));

    const log = await pane.fake<string[][]>('read', 'Decisions', 'B9:J12');
    expect(log.map((r) => [r[0], r[4], r[5], r[6], r[7], r[8]])).toEqual([
      ['E01', 'Adaptability', 'B', 'I', '', 'edit'],
      ['E02', 'Analytical Thinking', 'I', 'A', 'Led the incident review', 'edit'],
      ['E05', 'Adaptability', 'E', 'A', '', 'edit'],
      ['', '', '', '', '', ''],
    ]);
    expect(await pane.fake<boolean>('isProtected', 'Decisions')).toBe(true);
    // The before/after of the room: ratings per level (BD, B, I, A, E) then the changes per manager.
    const summary = await pane.fake<(string | number)[][]>('read', 'Decisions', 'L4:P14');
    expect(summary.slice(0, 7).map((r) => r.slice(0, 3))).toEqual([
      ['Ratings per level', 'Before', 'After'],
      ['BD', 0, 0],
      ['B', 2, 1],
      ['I', 4, 4],
      ['A', 3, 5],
      ['E', 1, 0],
      ['Total', 10, 10],
    ]);
    expect(summary.slice(8, 11).map((r) => r.slice(0, 4))).toEqual([
      ['Changes per manager', 'Compared', 'Changed', 'Net change'],
      ['Grace', 6, 2, 2],
      ['Ken', 4, 1, -1],
    ]);
    await pane.screenshot('meeting-ended');
    expect(await pane.fake<string[]>('damage')).toEqual([]);
    expect(pane.watch.errors).toEqual([]);
  });

  it('says what to select when the selection is empty, and writes nothing', async () => {
    pane = await open(320, { selection: { sheet: 'Sheet1', address: 'C3' } });
    await pane.chooseFramework(MIT.name);
    await pane.openSection(strings.grid.heading);
    const outcome = await pane.run(strings.grid.run);
    expect(outcome.state).toBe('failed');
    expect(outcome.text).toContain('The selection is empty');
    expect(outcome.text).toContain(strings.errors.whatToDo);
    expect(await pane.fake<string[]>('sheetNames')).toEqual(['Sheet1']);
    await pane.screenshot('error-empty-selection');
  });

  it('names the row and the valid roles when the pasted roster has an unknown role', async () => {
    const rows = PASTED_ROSTER.map((r) => [...r]);
    rows[3][2] = 'Wizard';
    pane = await open(450, { sheets: [{ name: 'Sheet1', rows }], selection: { sheet: 'Sheet1', address: 'B2' } });
    await pane.chooseFramework(MIT.name);
    await pane.openSection(strings.grid.heading);
    const outcome = await pane.run(strings.grid.run);
    expect(outcome.state).toBe('failed');
    expect(outcome.text).toContain('row 4: role "Wizard" is not a role');
    expect(outcome.text).toContain('DevOps Engineer IV');
    expect(outcome.text).toContain(strings.errors.kinds['invalid-roster'].fix);
    expect(await pane.fake<string[]>('sheetNames')).toEqual(['Sheet1']);
  });

  it('reads the roster from an Excel table the user picks', async () => {
    pane = await open(450, {
      sheets: [{ name: 'People', rows: PASTED_ROSTER, at: 'B3' }],
      tables: [{ sheet: 'People', name: 'Roster', address: 'B3:E8' }],
    });
    const { page } = pane;
    await pane.chooseFramework(MIT.name);
    await pane.openSection(strings.grid.heading);
    await page.getByRole('radio', { name: strings.grid.sourceTable }).click();
    await page.getByLabel(strings.grid.tableLabel, { exact: true }).waitFor();
    expect(await page.getByLabel(strings.grid.tableLabel, { exact: true }).inputValue()).toBe('Roster');
    expect((await pane.run(strings.grid.run)).state).toBe('succeeded');
    expect((await pane.fake<unknown[][]>('read', 'Team grid', 'A10:A14')).map((r) => r[0])).toEqual(['E01', 'E02', 'E03', 'E04', 'E05']);
  });

  it('can be used from the keyboard alone: Tab to the framework, arrow to choose, Tab to an action, Enter to run', async () => {
    pane = await open(320, pastedRosterHost);
    const { page } = pane;
    await page.getByLabel(strings.picker.label).waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || '');
    const tabTo = async (matches: (label: string) => boolean) => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        if (matches(await focused())) return;
      }
      throw new Error('never reached by Tab');
    };
    await tabTo((label) => label === 'framework-select');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('heading', { name: MIT.name }).waitFor();
    await tabTo((label) => label === 'run-matrix');
    await page.keyboard.press('Enter');
    expect((await pane.outcome()).state).toBe('succeeded');
    // The result can be dismissed from the keyboard too.
    await tabTo((label) => label === strings.summary.dismiss);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="operation-status"]')?.getAttribute('data-state') === 'idle');
  });

  it('creates a grid of blank rows when the only key pressed is a typed number', async () => {
    pane = await open(450);
    const { page } = pane;
    await pane.chooseFramework(SRE.name);
    await pane.openSection(strings.grid.heading);
    await page.getByRole('radio', { name: strings.grid.sourceBlank }).click();
    await page.getByLabel(strings.grid.blankCount).fill('12');
    expect((await pane.run(strings.grid.run)).state).toBe('succeeded');
    const ids = await pane.fake<unknown[][]>('read', 'Team grid', 'A10:A22');
    expect(ids.map((r) => r[0]).filter((v) => v !== '')).toHaveLength(12);
    expect(pane.watch.errors).toEqual([]);
  });

  it('shows progress while Excel works, cancels when asked, and says what the cancel left', async () => {
    pane = await open(320);
    const { page } = pane;
    await pane.chooseFramework(MIT.name);
    await pane.fake('holdNextSync');
    await page.getByRole('button', { name: strings.matrix.run }).click();
    const status = page.getByTestId('operation-status');
    await page.waitForFunction(() => document.querySelector('[data-testid="operation-status"]')?.getAttribute('data-state') === 'running');
    await page.getByRole('progressbar').waitFor();
    await pane.screenshot('progress');
    expect(await page.getByRole('button', { name: strings.matrix.run }).getAttribute('aria-disabled')).toBe('true');
    await status.getByRole('button', { name: strings.progress.cancel }).click();
    await pane.fake('release');
    const outcome = await pane.outcome();
    expect(outcome.state).toBe('cancelled');
    expect(outcome.text).toMatch(/Cancelled before .* was finished/);
    expect(await pane.fake<string[]>('sheetNames')).toEqual(['Sheet1']);
  });

  it('tells the user to unprotect a sheet when Excel refuses a write', async () => {
    pane = await open(450, { failFirstWrite: { code: 'AccessDenied', message: 'The sheet is protected.' } });
    await pane.chooseFramework(MIT.name);
    const outcome = await pane.run(strings.matrix.run);
    expect(outcome.state).toBe('failed');
    expect(outcome.text).toContain(strings.errors.whatToDo);
    expect(outcome.text).toContain(strings.errors.protectedSheet.fix);
    // The renderer's account of what it did: nothing half-written is left behind.
    expect(outcome.text).toContain('Excel stopped while writing');
    expect(await pane.fake<string[]>('sheetNames')).toEqual(['Sheet1']);
    await pane.screenshot('error-protected');
  });

  it('says what to do when Excel refuses a request as too large', async () => {
    pane = await open(450, { payloadLimitBytes: 20_000 });
    await pane.chooseFramework(MIT.name);
    const outcome = await pane.run(strings.matrix.run);
    expect(outcome.state).toBe('failed');
    expect(outcome.text).toContain(strings.errors.payload.title);
    expect(outcome.text).toContain(strings.errors.payload.fix);
    expect(await pane.fake<string[]>('sheetNames')).toEqual(['Sheet1']);
  });

  it('asks the user to rename a sheet of theirs that has the name the add-in keeps its records under', async () => {
    pane = await open(320, { sheets: [{ name: 'CompetencyMatrix.Registry', rows: [['my', 'own', 'data']] }] });
    await pane.chooseFramework(MIT.name);
    const outcome = await pane.run(strings.matrix.run);
    expect(outcome.state).toBe('failed');
    expect(outcome.text).toContain('Rename it');
    expect(outcome.text).toContain(strings.errors.kinds['sheet-conflict'].fix);
    expect(await pane.fake<unknown[][]>('read', 'CompetencyMatrix.Registry', 'A1:C1')).toEqual([['my', 'own', 'data']]);
  });

  it('says why a CSV in another encoding cannot be read and how to save it', async () => {
    pane = await open(320);
    const { page } = pane;
    await pane.chooseFramework(MIT.name);
    await pane.openSection(strings.grid.heading);
    await page.getByRole('radio', { name: strings.grid.sourceCsv }).click();
    await page
      .getByTestId('roster-file')
      .setInputFiles({ name: 'team.csv', mimeType: 'text/csv', buffer: Buffer.from([0x69, 0x64, 0x2c, 0x4a, 0xf6, 0x72, 0x67, 0x0a]) });
    const outcome = await pane.outcome();
    expect(outcome.state).toBe('failed');
    expect(outcome.text).toContain('CSV UTF-8');
  });

  it('names the rows to fix when a roster CSV has unknown roles, and writes nothing', async () => {
    pane = await open(450);
    const { page } = pane;
    await pane.chooseFramework(MIT.name);
    await pane.openSection(strings.grid.heading);
    await page.getByRole('radio', { name: strings.grid.sourceCsv }).click();
    const csv = 'id,name,role\nE1,Ada,Wizard\nE2,Bo,DevOps Engineer I\n';
    await page.getByTestId('roster-file').setInputFiles({ name: 'team.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText(strings.grid.csvChosen('team.csv', 2)).waitFor();
    const outcome = await pane.run(strings.grid.run);
    expect(outcome.state).toBe('failed');
    expect(outcome.text).toContain('row 2: role "Wizard" is not a role');
    expect(outcome.text).toContain(strings.errors.kinds['invalid-roster'].fix);
    expect(await pane.fake<string[]>('sheetNames')).toEqual(['Sheet1']);
    await pane.screenshot('error-roster');
  });

  it('names the place to fix when an imported framework file is broken', async () => {
    pane = await open(450);
    const { page } = pane;
    await page.getByLabel(strings.picker.label).waitFor();
    await page
      .getByTestId('framework-file')
      .setInputFiles({ name: 'ours.json', mimeType: 'application/json', buffer: Buffer.from('{"id": "ours", "name": "Ours"') });
    const outcome = await pane.outcome();
    expect(outcome.state).toBe('failed');
    expect(outcome.text).toContain('ours.json');
    expect(outcome.text).toContain(strings.errors.whatToDo);
  });

  it('imports a framework file and writes its matrix', async () => {
    pane = await open(450);
    const { page } = pane;
    const own = { ...SRE.data, id: 'our-sre', name: 'Our SRE ladder' };
    await page.getByLabel(strings.picker.label).waitFor();
    await page
      .getByTestId('framework-file')
      .setInputFiles({ name: 'ours.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(own)) });
    await page.getByText(strings.picker.importedOk('Our SRE ladder')).waitFor();
    expect(await page.getByLabel(strings.picker.label).inputValue()).toBe('imported:our-sre');
    expect((await pane.run(strings.matrix.run)).state).toBe('succeeded');
    expect((await pane.fake<unknown[][]>('read', 'Matrix', 'A1'))[0][0]).toContain('Our SRE ladder');
  });

  it('keeps an imported framework in the workbook, so the pane lists it when the workbook is opened again', async () => {
    const own = { ...SRE.data, id: 'our-sre', name: 'Our SRE ladder' };
    pane = await open(450);
    await pane.page.getByLabel(strings.picker.label).waitFor();
    await pane.page
      .getByTestId('framework-file')
      .setInputFiles({ name: 'ours.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(own)) });
    await pane.page.getByText(strings.picker.importedOk('Our SRE ladder')).waitFor();
    expect((await pane.run(strings.matrix.run)).state).toBe('succeeded');
    expect(await pane.fake<string[]>('sheetNames')).toContain(FRAMEWORKS_SHEET);
    const kept = await pane.fake<unknown[][]>('read', FRAMEWORKS_SHEET, 'A1:C2');
    expect(kept[1].slice(0, 1)).toEqual(['our-sre']);
    await pane.page.close();

    // A colleague's copy: the same hidden sheet, no file at hand.
    pane = await open(450, { sheets: [{ name: FRAMEWORKS_SHEET, rows: frameworksToSheetRows([own]) }] });
    const select = pane.page.getByLabel(strings.picker.label);
    await pane.page.locator('#framework-select optgroup', { hasText: 'Our SRE ladder' }).waitFor({ state: 'attached' });
    await select.selectOption({ label: 'Our SRE ladder' });
    await pane.page.getByRole('heading', { name: 'Our SRE ladder' }).waitFor();
    expect(pane.watch.errors).toEqual([]);
  });

  it('says up front that add-in formulas are not available where Excel lacks the custom functions runtime', async () => {
    pane = await open(320, { apiVersion: '1.14', customFunctionsRuntime: null });
    await pane.page.getByText(strings.limits.noFunctions).waitFor();
    await pane.chooseFramework(MIT.name);
    await pane.openSection(strings.grid.heading);
    expect(await pane.page.getByRole('radio', { name: strings.grid.formulasAddin }).isDisabled()).toBe(true);
    await pane.screenshot('limited-excel');
  });

  it('says plainly that an Excel below ExcelApi 1.9 cannot write sheets, before anything is tried', async () => {
    pane = await open(450, { apiVersion: '1.8' });
    await pane.page
      .getByText(/cannot write sheets in this version of Excel/)
      .first()
      .waitFor();
    await pane.chooseFramework(MIT.name);
    const outcome = await pane.run(strings.matrix.run);
    expect(outcome.state).toBe('failed');
    expect(outcome.text).toContain(strings.errors.kinds['unsupported-host'].fix);
  });

  it.each([320, 450])('follows a dark Office theme at %i px', async (width) => {
    pane = await open(width, { themeBackground: '#262626' });
    await pane.chooseFramework(MIT.name);
    await pane.page.getByRole('heading', { name: MIT.name }).waitFor();
    expect(await pane.page.locator('[data-theme]').first().getAttribute('data-theme')).toBe('dark');
    const background = await pane.page.evaluate(() => getComputedStyle(document.querySelector('main')!.parentElement!).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
    await pane.screenshot('dark-theme');
    expect(await axeViolations(pane.page)).toEqual([]);
  });

  it.each([320, 450])(
    'passes axe-core checks at %i px with the preview, every action and an error open, and nothing overflows sideways',
    async (width) => {
      pane = await open(width);
      const { page } = pane;
      await pane.chooseFramework(MIT.name);
      for (const section of [strings.preview.roles(MIT.roles.length), strings.preview.scales(MIT.scales.length)])
        await page.getByRole('button', { name: section }).click();
      expect(await axeViolations(page)).toEqual([]);
      for (const section of [strings.grid.heading, strings.heatmaps.heading, strings.calibration.heading, strings.meeting.heading]) {
        await pane.openSection(section);
        expect(await axeViolations(page)).toEqual([]);
      }
      await pane.openSection(strings.grid.heading);
      await page.getByRole('radio', { name: strings.grid.sourceBlank }).click();
      await page.getByLabel(strings.grid.blankCount).fill('0');
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await pane.screenshot('grid-options');
      expect(pane.watch.errors).toEqual([]);
    },
  );
});

afterAll(() => {
  const dir = path.join(__dirname, '../output/screenshots');
  if (fs.existsSync(dir)) console.log(`screenshots: ${dir}`);
});

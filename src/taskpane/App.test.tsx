/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from './App';
import { CompetencyError } from '../core/problems';
import { builtIn } from '../core/frameworks/library';
import { strings } from './strings';
import { scriptedWorkbench, summary, type ScriptedWorkbench } from './testing/scriptedWorkbench';
import type { GridRequest, MatrixRequest, Progress, RunControl } from './workbench/types';
import { TextDecoder, TextEncoder } from 'util';
import { ignoreFluentInertWarning } from './testing/ignoreFluentInertWarning';

// jsdom leaves out the encoding API that every browser has; the CSV decoding needs it.
Object.assign(globalThis, { TextDecoder, TextEncoder });

ignoreFluentInertWarning();

function start(wb: ScriptedWorkbench = scriptedWorkbench()) {
  render(<App workbench={wb} />);
  return wb;
}

async function chooseFramework(name: string) {
  const select = await screen.findByLabelText(strings.picker.label);
  const option = within(select).getByRole('option', { name });
  fireEvent.change(select, { target: { value: (option as HTMLOptionElement).value } });
}

function status() {
  return screen.getByTestId('operation-status');
}

function openSection(name: string) {
  fireEvent.click(screen.getByRole('button', { name }));
}

function fileOf(name: string, content: string | Uint8Array, type = 'text/csv'): File {
  const file = new File([content as BlobPart], name, { type });
  // jsdom's File lacks arrayBuffer(); the browser has it.
  if (!('arrayBuffer' in file)) {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    Object.defineProperty(file, 'arrayBuffer', {
      value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    });
  }
  return file;
}

describe('the task pane', () => {
  it('tells someone who opened the page in a plain browser how to open it from Excel, and offers no actions', async () => {
    start(scriptedWorkbench({ kind: 'outside', theme: 'light' }));
    expect(await screen.findByText(strings.outsideExcel.title)).toBeTruthy();
    expect(screen.getByText(strings.outsideExcel.howTo)).toBeTruthy();
    expect(screen.queryByLabelText(strings.picker.label)).toBeNull();
    expect(screen.queryByRole('button', { name: strings.matrix.run })).toBeNull();
  });

  it('lists the five built-in frameworks and asks for a choice before showing any action', async () => {
    start();
    const select = await screen.findByLabelText(strings.picker.label);
    const names = within(select)
      .getAllByRole('option')
      .filter((o) => !(o as HTMLOptionElement).disabled)
      .map((o) => o.textContent);
    expect(names).toHaveLength(5);
    expect(names).toContain(builtIn('mit-devops').name);
    expect(screen.getByText(strings.picker.chooseFirst)).toBeTruthy();
    expect(screen.queryByRole('button', { name: strings.matrix.run })).toBeNull();
  });

  it('previews the roles, competencies and scale of the chosen framework without writing anything', async () => {
    const wb = start();
    const fw = builtIn('ddat-devops');
    await chooseFramework(fw.name);
    openSection(strings.preview.roles(fw.roles.length));
    for (const role of fw.roles) expect(screen.getAllByText(new RegExp(role.name.replace(/[()]/g, '.'))).length).toBeGreaterThan(0);
    openSection(strings.preview.scales(fw.scales.length));
    for (const level of fw.primaryScale.levels)
      expect(screen.getAllByText(strings.preview.levelLine(level.code, level.name)).length).toBeGreaterThan(0);
    expect(screen.getByText(strings.preview.nothingWritten)).toBeTruthy();
    expect(wb.calls.filter((c) => c.action !== 'tables')).toEqual([]);
  });

  it('inserts the matrix for only the roles left ticked and reports the sheets it created', async () => {
    const wb = start();
    const fw = builtIn('sre-ladder');
    wb.answers.matrix = summary({ sheetsCreated: ['SRE Matrix', 'SRE Scale'] });
    await chooseFramework(fw.name);
    fireEvent.click(screen.getByRole('checkbox', { name: fw.roles[0].name }));
    fireEvent.click(screen.getByRole('button', { name: strings.matrix.run }));
    await waitFor(() => expect(status().dataset.state).toBe('succeeded'));
    const request = wb.calls.find((c) => c.action === 'matrix')?.request as MatrixRequest;
    expect(request.framework.id).toBe('sre-ladder');
    expect(request.roleIds).toEqual(fw.roles.slice(1).map((r) => r.id));
    expect(status().textContent).toContain(strings.summary.created(['SRE Matrix', 'SRE Scale']));
  });

  it('will not insert a matrix with no roles, and says to choose one', async () => {
    const wb = start();
    await chooseFramework(builtIn('mit-devops').name);
    fireEvent.click(screen.getByRole('checkbox', { name: strings.matrix.allRoles }));
    expect(screen.getByText(strings.matrix.noRoles)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: strings.matrix.run }));
    expect(wb.calls.some((c) => c.action === 'matrix')).toBe(false);
  });

  it('creates a grid from the current selection by default, with portable formulas', async () => {
    const wb = start();
    wb.answers.grid = summary({ sheetsCreated: ['Team grid'], ratingsKept: 12 });
    await chooseFramework(builtIn('mit-devops').name);
    openSection(strings.grid.heading);
    fireEvent.click(screen.getByRole('button', { name: strings.grid.run }));
    await waitFor(() => expect(status().dataset.state).toBe('succeeded'));
    const request = wb.calls.find((c) => c.action === 'grid')?.request as GridRequest;
    expect(request.roster).toEqual({ kind: 'selection' });
    expect(request.formulas).toBe('portable');
    expect(status().textContent).toContain(strings.summary.ratingsKept(12));
  });

  it('creates a grid of blank rows when the user types a number, with add-in formulas when asked', async () => {
    const wb = start();
    const fw = builtIn('kaairo-devops');
    await chooseFramework(fw.name);
    openSection(strings.grid.heading);
    fireEvent.click(screen.getByRole('radio', { name: strings.grid.sourceBlank }));
    fireEvent.change(screen.getByLabelText(strings.grid.blankCount), { target: { value: '25' } });
    fireEvent.click(screen.getByRole('radio', { name: strings.grid.formulasAddin }));
    fireEvent.click(screen.getByRole('button', { name: strings.grid.run }));
    await waitFor(() => expect(status().dataset.state).toBe('succeeded'));
    const request = wb.calls.find((c) => c.action === 'grid')?.request as GridRequest;
    expect(request.roster).toEqual({ kind: 'blank', count: 25, roleId: fw.roles[0].id });
    expect(request.formulas).toBe('addin');
  });

  it('says what number to enter when the blank-row count is not a whole number in range', async () => {
    const wb = start();
    await chooseFramework(builtIn('kaairo-devops').name);
    openSection(strings.grid.heading);
    fireEvent.click(screen.getByRole('radio', { name: strings.grid.sourceBlank }));
    fireEvent.change(screen.getByLabelText(strings.grid.blankCount), { target: { value: '0' } });
    expect(screen.getAllByText(strings.grid.blankCountInvalid(10000)).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: strings.grid.run }));
    expect(wb.calls.some((c) => c.action === 'grid')).toBe(false);
  });

  it('reads a roster CSV in the browser, shows how many rows it holds and passes its text on', async () => {
    const wb = start();
    await chooseFramework(builtIn('mit-devops').name);
    openSection(strings.grid.heading);
    fireEvent.click(screen.getByRole('radio', { name: strings.grid.sourceCsv }));
    expect(screen.getByText(strings.grid.noFile)).toBeTruthy();
    const csv = 'id,name,role\r\nP1,Ada,Engineer I\r\nP2,Bo,Engineer II\r\n';
    fireEvent.change(screen.getByTestId('roster-file'), { target: { files: [fileOf('team.csv', csv)] } });
    expect(await screen.findByText(strings.grid.csvChosen('team.csv', 2))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: strings.grid.run }));
    await waitFor(() => expect(wb.calls.some((c) => c.action === 'grid')).toBe(true));
    const request = wb.calls.find((c) => c.action === 'grid')?.request as GridRequest;
    expect(request.roster).toEqual({ kind: 'csv', fileName: 'team.csv', text: csv });
  });

  it('tells the user to save a CSV as UTF-8 when the file is in another encoding', async () => {
    start();
    await chooseFramework(builtIn('mit-devops').name);
    openSection(strings.grid.heading);
    fireEvent.click(screen.getByRole('radio', { name: strings.grid.sourceCsv }));
    const windows1252 = new Uint8Array([0x69, 0x64, 0x2c, 0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x31, 0x2c, 0x4a, 0xf6, 0x72, 0x67]);
    fireEvent.change(screen.getByTestId('roster-file'), { target: { files: [fileOf('team.csv', windows1252)] } });
    await waitFor(() => expect(status().dataset.state).toBe('failed'));
    expect(status().textContent).toContain(strings.errors.kinds['invalid-file'].title);
    expect(status().textContent).toContain('CSV UTF-8');
    expect(screen.getByText(strings.grid.csvNone)).toBeTruthy();
  });

  it('shows roster problems in plain words with what to do, and the action can be run again', async () => {
    const wb = start();
    wb.answers.grid = new CompetencyError(
      'invalid-roster',
      'row 3: role "Wizard" is not a role of MIT DevOps; use Engineer I or Engineer II',
      'Sheet1!A1:C4',
    );
    await chooseFramework(builtIn('mit-devops').name);
    openSection(strings.grid.heading);
    fireEvent.click(screen.getByRole('button', { name: strings.grid.run }));
    await waitFor(() => expect(status().dataset.state).toBe('failed'));
    expect(status().getAttribute('role')).toBe('alert');
    expect(status().textContent).toContain('Sheet1!A1:C4: row 3: role "Wizard" is not a role');
    expect(status().textContent).toContain(strings.errors.whatToDo);
    expect(status().textContent).toContain(strings.errors.kinds['invalid-roster'].fix);
    wb.answers.grid = summary({ sheetsCreated: ['Grid'] });
    fireEvent.click(screen.getByRole('button', { name: strings.grid.run }));
    await waitFor(() => expect(status().dataset.state).toBe('succeeded'));
  });

  it('shows progress while an action runs, blocks other actions, and cancels on request', async () => {
    const wb = start();
    let control: RunControl | undefined;
    wb.answers.grid = (run) =>
      new Promise((_, reject) => {
        control = run;
        run.signal.addEventListener('abort', () => reject(new DOMException('cancelled', 'AbortError')));
      });
    await chooseFramework(builtIn('mit-devops').name);
    openSection(strings.grid.heading);
    fireEvent.click(screen.getByRole('button', { name: strings.grid.run }));
    await waitFor(() => expect(status().dataset.state).toBe('running'));
    act(() => control!.onProgress({ done: 2, total: 5, detail: 'Writing ratings' } satisfies Progress));
    expect(status().textContent).toContain(strings.progress.step(2, 5));
    expect(status().textContent).toContain('Writing ratings');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0.4');
    expect(screen.getAllByText(strings.actions.busy).length).toBeGreaterThan(0);
    fireEvent.click(within(status()).getByRole('button', { name: strings.progress.cancel }));
    await waitFor(() => expect(status().dataset.state).toBe('cancelled'));
    expect(status().textContent).toContain(strings.summary.cancelledBody);
  });

  it('reports ratings that could not be placed and where they were put', async () => {
    const wb = start();
    wb.answers.grid = summary({
      sheetsReplaced: ['Team grid'],
      ratingsKept: 40,
      ratingsUnplaced: 3,
      unplacedSheet: 'Unplaced ratings',
      warnings: ['2 people left the roster'],
    });
    await chooseFramework(builtIn('mit-devops').name);
    openSection(strings.grid.heading);
    fireEvent.click(screen.getByRole('button', { name: strings.grid.run }));
    await waitFor(() => expect(status().dataset.state).toBe('succeeded'));
    const text = status().textContent ?? '';
    expect(text).toContain(strings.summary.replaced(['Team grid']));
    expect(text).toContain(strings.summary.ratingsUnplaced(3));
    expect(text).toContain(strings.summary.unplacedSheet('Unplaced ratings'));
    expect(text).toContain('2 people left the roster');
  });

  it('lists the Excel tables when the roster comes from a table, and says how to make one when there are none', async () => {
    const wb = start();
    wb.tables = [];
    await chooseFramework(builtIn('mit-devops').name);
    openSection(strings.grid.heading);
    fireEvent.click(screen.getByRole('radio', { name: strings.grid.sourceTable }));
    expect(await screen.findByText(strings.grid.noTables)).toBeTruthy();
    wb.tables = ['Roster', 'Team2'];
    fireEvent.click(screen.getByRole('button', { name: strings.grid.refreshTables }));
    const select = await screen.findByLabelText(strings.grid.tableLabel);
    fireEvent.change(select, { target: { value: 'Team2' } });
    fireEvent.click(screen.getByRole('button', { name: strings.grid.run }));
    await waitFor(() => expect(wb.calls.some((c) => c.action === 'grid')).toBe(true));
    expect((wb.calls.find((c) => c.action === 'grid')?.request as GridRequest).roster).toEqual({ kind: 'table', table: 'Team2' });
  });

  it('refreshes the heatmaps of the grid the user picks among those made with the chosen framework', async () => {
    const wb = start();
    wb.grids = [
      { sheet: 'Team grid', frameworkId: 'mit-devops', people: 5 },
      { sheet: 'SRE team', frameworkId: 'sre-ladder', people: 3 },
      { sheet: 'Team grid (2)', frameworkId: 'mit-devops', people: 2 },
    ];
    await chooseFramework(builtIn('mit-devops').name);
    openSection(strings.heatmaps.heading);
    const select = await screen.findByLabelText(strings.gridChoice.label);
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([strings.gridChoice.option('Team grid', 5), strings.gridChoice.option('Team grid (2)', 2)]);
    fireEvent.change(select, { target: { value: 'Team grid (2)' } });
    fireEvent.click(screen.getByRole('button', { name: strings.heatmaps.run }));
    await waitFor(() => expect(status().dataset.state).toBe('succeeded'));
    expect(wb.calls.find((c) => c.action === 'heatmaps')?.request).toMatchObject({ gridSheet: 'Team grid (2)' });
  });

  it('says to create a grid first when the workbook has none for this framework, and looks again after one is made', async () => {
    const wb = start();
    wb.grids = [{ sheet: 'SRE team', frameworkId: 'sre-ladder', people: 3 }];
    await chooseFramework(builtIn('mit-devops').name);
    openSection(strings.heatmaps.heading);
    expect(await screen.findByText(strings.gridChoice.otherFrameworks(builtIn('mit-devops').name))).toBeTruthy();
    expect(screen.getAllByText(strings.gridChoice.noGrid).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: strings.heatmaps.run }));
    expect(wb.calls.some((c) => c.action === 'heatmaps')).toBe(false);
    wb.grids = [{ sheet: 'Team grid', frameworkId: 'mit-devops', people: 5 }];
    openSection(strings.grid.heading);
    fireEvent.click(screen.getByRole('button', { name: strings.grid.run }));
    await waitFor(() => expect(status().dataset.state).toBe('succeeded'));
    openSection(strings.heatmaps.heading);
    expect(await screen.findByLabelText(strings.gridChoice.label)).toBeTruthy();
  });

  it('imports a framework file, adds it to the list and selects it', async () => {
    const wb = start();
    const fw = builtIn('kaairo-devops');
    wb.importAnswer = { model: fw, fileName: 'ours.json', warnings: [{ path: 'roles[0]', message: 'no targets' }] };
    await screen.findByLabelText(strings.picker.label);
    fireEvent.change(screen.getByTestId('framework-file'), { target: { files: [fileOf('ours.json', '{}', 'application/json')] } });
    expect(await screen.findByText(/roles\[0\]: no targets/)).toBeTruthy();
    const select = screen.getByLabelText(strings.picker.label) as HTMLSelectElement;
    expect(select.value).toBe('imported:kaairo-devops');
    expect(within(select).getByRole('group', { name: strings.picker.importedGroup })).toBeTruthy();
    expect(screen.getByRole('button', { name: strings.matrix.run })).toBeTruthy();
  });

  it('imports the CSV tables of one framework chosen together', async () => {
    const wb = start();
    wb.importAnswer = { model: builtIn('sre-ladder'), fileName: 'competencies.csv, targets.csv', warnings: [] };
    await screen.findByLabelText(strings.picker.label);
    const files = [fileOf('competencies.csv', 'competency,category'), fileOf('targets.csv', 'role,competency,level')];
    fireEvent.change(screen.getByTestId('framework-file'), { target: { files } });
    expect(await screen.findByText(strings.picker.importedOk(builtIn('sre-ladder').name))).toBeTruthy();
    expect(wb.calls.find((c) => c.action === 'import')?.request).toEqual([
      { name: 'competencies.csv', size: 19 },
      { name: 'targets.csv', size: 21 },
    ]);
  });

  it('lists the frameworks kept in the workbook among the imported ones, without choosing one', async () => {
    const wb = scriptedWorkbench();
    const kept = builtIn('kaairo-devops');
    wb.stored = [{ model: kept, fileName: strings.picker.inWorkbook, warnings: [] }];
    start(wb);
    const select = (await screen.findByLabelText(strings.picker.label)) as HTMLSelectElement;
    await waitFor(() => expect(within(select).queryByRole('group', { name: strings.picker.importedGroup })).toBeTruthy());
    expect(within(within(select).getByRole('group', { name: strings.picker.importedGroup })).getByRole('option').textContent).toBe(
      kept.name,
    );
    expect(select.value).toBe('');
  });

  it('still offers the library when a framework kept in the workbook cannot be read, and says what to do', async () => {
    const wb = scriptedWorkbench();
    wb.stored = new CompetencyError(
      'invalid-framework',
      'framework "ours": its JSON is broken; store the framework again (import it from its file)',
      'CompetencyMatrix.Frameworks row 2',
    );
    start(wb);
    expect(await screen.findByText(/could not be read/)).toBeTruthy();
    expect(screen.getByText(/its JSON is broken/)).toBeTruthy();
    const select = screen.getByLabelText(strings.picker.label);
    expect(within(select).getAllByRole('option').length).toBeGreaterThan(5);
  });

  it('says which places to fix when an imported framework is invalid', async () => {
    const wb = start();
    wb.importAnswer = new CompetencyError(
      'invalid-framework',
      'targets[3].level: level "Z" is not on scale "s"; use one of A, B',
      'ours.json',
    );
    await screen.findByLabelText(strings.picker.label);
    fireEvent.change(screen.getByTestId('framework-file'), { target: { files: [fileOf('ours.json', '{}', 'application/json')] } });
    await waitFor(() => expect(status().dataset.state).toBe('failed'));
    expect(status().textContent).toContain('ours.json: targets[3].level');
    expect(status().textContent).toContain(strings.errors.kinds['invalid-framework'].fix);
  });

  it('does not offer add-in formulas where this Excel cannot run add-in functions, says why, and builds with native formulas', async () => {
    const wb = start(
      scriptedWorkbench({ kind: 'excel', theme: 'light', limitations: [strings.limits.noFunctions], addinFunctions: false }),
    );
    expect(await screen.findByText(strings.limits.noFunctions)).toBeTruthy();
    await chooseFramework(builtIn('kaairo-devops').name);
    openSection(strings.grid.heading);
    const addin = screen.getByRole('radio', { name: strings.grid.formulasAddin });
    expect((addin as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText(strings.grid.formulasAddinUnavailable)).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: strings.grid.sourceBlank }));
    fireEvent.change(screen.getByLabelText(strings.grid.blankCount), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: strings.grid.run }));
    await waitFor(() => expect(status().dataset.state).toBe('succeeded'));
    expect((wb.calls.find((c) => c.action === 'grid')?.request as GridRequest).formulas).toBe('portable');
  });

  it('follows a dark Office theme', async () => {
    const { container } = render(
      <App workbench={scriptedWorkbench({ kind: 'excel', theme: 'dark', limitations: [], addinFunctions: true })} />,
    );
    await screen.findByLabelText(strings.picker.label);
    expect(container.querySelector('[data-theme]')?.getAttribute('data-theme')).toBe('dark');
  });

  it('offers the calibration pack only when this build has it', async () => {
    start(scriptedWorkbench(undefined, { calibration: false }));
    await chooseFramework(builtIn('mit-devops').name);
    expect(screen.queryByRole('button', { name: strings.calibration.heading })).toBeNull();
  });

  it('builds the calibration pack with the smallest group size typed', async () => {
    const wb = start();
    wb.grids = [{ sheet: 'Team grid', frameworkId: 'mit-devops', people: 40 }];
    await chooseFramework(builtIn('mit-devops').name);
    openSection(strings.calibration.heading);
    await screen.findByLabelText(strings.gridChoice.label);
    fireEvent.change(screen.getByLabelText(strings.calibration.minGroup), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: strings.calibration.run }));
    await waitFor(() => expect(status().dataset.state).toBe('succeeded'));
    expect(wb.calls.find((c) => c.action === 'calibration')?.request).toMatchObject({ minGroupSize: 5, gridSheet: 'Team grid' });
  });
});

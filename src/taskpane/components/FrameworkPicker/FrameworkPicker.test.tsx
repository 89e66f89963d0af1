/** @jest-environment jsdom */
import fs from 'fs';
import path from 'path';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../App';
import { CompetencyError } from '../../../core/problems';
import { builtIn } from '../../../core/frameworks/library';
import { strings } from '../../strings';
import { scriptedWorkbench, type ScriptedWorkbench } from '../../testing/scriptedWorkbench';
import { ignoreFluentInertWarning } from '../../testing/ignoreFluentInertWarning';
import { importFrameworkText } from '../../../core/interchange/importFramework';
import { scaleFromChoice } from '../../../core/interchange/scaleChoice';
import { FrameworkModel } from '../../../core/framework/model';

ignoreFluentInertWarning();

function start(wb: ScriptedWorkbench = scriptedWorkbench()) {
  render(<App workbench={wb} />);
  return wb;
}

describe('importing a framework from the open workbook', () => {
  it('reads the active sheet as a matrix, adds the framework to Imported and selects it', async () => {
    const wb = start();
    const edited = builtIn('kaairo-devops');
    wb.sheetImportAnswer = { model: edited, fileName: 'sheet "Matrix"', warnings: [{ path: 'Matrix!E4', message: 'a renamed role' }] };
    fireEvent.click(await screen.findByRole('button', { name: strings.picker.importSheetButton }));
    expect(await screen.findByText(/Matrix!E4: a renamed role/)).toBeTruthy();
    const select = screen.getByLabelText(strings.picker.label) as HTMLSelectElement;
    expect(select.value).toBe('imported:kaairo-devops');
    expect(within(select).getByRole('group', { name: strings.picker.importedGroup })).toBeTruthy();
    expect(wb.calls.filter((c) => c.action === 'import-sheet')).toHaveLength(1);
  });

  it('shows a sheet that cannot be read in plain words, with the cell and what to do', async () => {
    const wb = start();
    wb.sheetImportAnswer = new CompetencyError(
      'invalid-framework',
      'Matrix!F7: "Expret" is not a level of Proficiency; use BD (Being Developed), B (Basic) or leave the cell blank for no target',
      'this workbook',
    );
    fireEvent.click(await screen.findByRole('button', { name: strings.picker.importSheetButton }));
    expect(await screen.findByText(/Matrix!F7: "Expret" is not a level of Proficiency/)).toBeTruthy();
    expect(screen.getByText(new RegExp(strings.errors.kinds['invalid-framework'].fix.slice(0, 30)))).toBeTruthy();
  });

  it('importing the sheet again after more edits replaces the earlier import in the list', async () => {
    const wb = start();
    const edited = builtIn('kaairo-devops');
    wb.sheetImportAnswer = { model: edited, fileName: 'sheet "Matrix"', warnings: [] };
    const button = await screen.findByRole('button', { name: strings.picker.importSheetButton });
    fireEvent.click(button);
    expect(await screen.findByText(strings.picker.importedOk(edited.name))).toBeTruthy();
    fireEvent.click(button);
    expect(await screen.findByText(strings.picker.replacedImport(edited.name))).toBeTruthy();
    const select = screen.getByLabelText(strings.picker.label) as HTMLSelectElement;
    const imported = within(select).getByRole('group', { name: strings.picker.importedGroup });
    expect(within(imported).getAllByRole('option')).toHaveLength(1);
  });
});

describe('importing a CASE package that states no levels', () => {
  const FIXTURE = path.join(__dirname, '../../../../tests/fixtures/frameworks/case/nested-no-rubrics.case.json');
  const text = fs.readFileSync(FIXTURE, 'utf8');
  const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
  /** What the core really says and gives for this package, without and with a scale. */
  function coreAnswers(wb: ScriptedWorkbench, scale: string) {
    try {
      importFrameworkText('cloud.case.json', text);
    } catch (e) {
      wb.importAnswer = e as Error;
    }
    const { framework, warnings } = importFrameworkText('cloud.case.json', text, { scale: scaleFromChoice(scale) });
    wb.importWithScaleAnswer = { model: new FrameworkModel(framework), fileName: 'cloud.case.json', warnings };
  }
  const upload = () => {
    const file = new File([bytes], 'cloud.case.json', { type: 'application/json' });
    // jsdom's File lacks arrayBuffer(); the browser has it.
    if (!('arrayBuffer' in file)) Object.defineProperty(file, 'arrayBuffer', { value: async () => bytes.slice().buffer });
    fireEvent.change(screen.getByTestId('framework-file'), { target: { files: [file] } });
  };

  it('asks for a scale from the built-in ones, then imports the package rated on it', async () => {
    const wb = start();
    coreAnswers(wb, 'kaairo-proficiency');
    await screen.findByLabelText(strings.picker.label);
    upload();
    expect(await screen.findByText(strings.picker.scaleNeeded('cloud.case.json'))).toBeTruthy();
    const scale = screen.getByLabelText(strings.picker.scaleLabel) as HTMLSelectElement;
    expect(within(scale).getByRole('option', { name: 'Proficiency (1-5): Basic, Developing, Proficient, Advanced, Expert' })).toBeTruthy();
    expect(within(scale).getAllByRole('option')).toHaveLength(1 + 6);
    const importButton = screen.getByRole('button', { name: strings.picker.scaleImport }) as HTMLButtonElement;
    expect(importButton.disabled).toBe(true);
    fireEvent.change(scale, { target: { value: 'kaairo-proficiency' } });
    fireEvent.click(importButton);
    expect(await screen.findByText(/Imported "Cloud Operations Skills"\. It is now in the list\./)).toBeTruthy();
    expect(screen.getByText(/the package has no items of type Role/)).toBeTruthy();
    expect(wb.calls.filter((c) => c.action === 'import-scale').map((c) => c.request)).toEqual(['kaairo-proficiency']);
    expect((screen.getByLabelText(strings.picker.label) as HTMLSelectElement).value).toBe('imported:cloud-operations-skills');
    expect(screen.queryByLabelText(strings.picker.scaleLabel)).toBeNull();
  });

  it('imports nothing when the choice is cancelled', async () => {
    const wb = start();
    coreAnswers(wb, 'mit-proficiency');
    await screen.findByLabelText(strings.picker.label);
    upload();
    fireEvent.click(await screen.findByRole('button', { name: strings.picker.scaleCancel }));
    expect(screen.queryByLabelText(strings.picker.scaleLabel)).toBeNull();
    expect(wb.calls.filter((c) => c.action === 'import-scale')).toHaveLength(0);
    expect(within(screen.getByLabelText(strings.picker.label)).queryByRole('group', { name: strings.picker.importedGroup })).toBeNull();
  });
});

/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../App';
import { CompetencyError } from '../../../core/problems';
import { builtIn } from '../../../core/frameworks/library';
import { strings } from '../../strings';
import { scriptedWorkbench, type ScriptedWorkbench } from '../../testing/scriptedWorkbench';
import { ignoreFluentInertWarning } from '../../testing/ignoreFluentInertWarning';

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

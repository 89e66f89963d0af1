/**
 * The real workbench over the recording Excel fake: "Import from this
 * workbook" reads the matrix on the active sheet, with the framework the
 * workbook keeps as its base.
 */
import { officeGlobalsPerTest } from '../../../tests/fakes/officeGlobalsPerTest';
import { importFrameworkText } from '../../core/interchange/importFramework';
import { FrameworkModel } from '../../core/framework/model';
import { createOfficeWorkbench } from './officeWorkbench';
import type { RunControl } from './types';

const ACME =
  'competency,category,level,descriptor,role,target\nCoding,Technical,1,Writes small changes with help,Junior,1\nCoding,Technical,2,Delivers features alone,Senior,2\nMentoring,People,2,Pairs with newer colleagues,Senior,2\n';
const acme = new FrameworkModel(importFrameworkText('acme.csv', ACME).framework);
const run = (): RunControl => ({ onProgress: () => undefined, signal: new AbortController().signal });
const fake = officeGlobalsPerTest();

describe('importing the matrix on the active sheet', () => {
  it('reads what a person edited and keeps the descriptors of the framework the workbook keeps', async () => {
    const bench = createOfficeWorkbench();
    await bench.insertMatrix({ framework: acme, roleIds: acme.roles.map((r) => r.id) }, run());
    fake().type('Matrix', 'B5', 'Programming');
    fake().type('Matrix', 'E5', '2');
    fake().select('Matrix', 'A1');

    const { model, fileName, warnings } = await bench.importFromSheet();
    expect(fileName).toBe('sheet "Matrix"');
    expect(warnings).toEqual([]);
    const coding = model.competency('coding');
    expect(coding.name).toBe('Programming');
    expect(coding.descriptors).toEqual(acme.competency('coding').descriptors);
    expect(model.target(model.role('junior'), coding)?.code).toBe('2');
  });

  it('names the sheet and the cell of a target that is not a level, and what to type instead', async () => {
    const bench = createOfficeWorkbench();
    await bench.insertMatrix({ framework: acme, roleIds: acme.roles.map((r) => r.id) }, run());
    fake().type('Matrix', 'F6', 'lots');
    fake().select('Matrix', 'C3');
    await expect(bench.importFromSheet()).rejects.toThrow('this workbook: Matrix!F6: "lots" is not a level of');
  });

  it('says to select the matrix when the active sheet holds no matrix header', async () => {
    fake().addSheet('Notes', [['just a note']]);
    fake().select('Notes', 'A1');
    await expect(createOfficeWorkbench().importFromSheet()).rejects.toThrow('no header row with a "Competency" column was found');
  });
});

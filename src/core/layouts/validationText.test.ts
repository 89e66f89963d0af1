import { clipText, fitValidationText } from './validationText';
import { workbookLayout } from './workbook';
import { builtIn } from '../frameworks/library';
import { FrameworkModel } from '../framework/model';
import { parseRoster } from '../roster';

describe("dropdown texts within Excel's lengths", () => {
  it('leaves text that fits alone', () => {
    expect(clipText('Role', 32)).toBe('Role');
    expect(clipText('A'.repeat(32), 32)).toBe('A'.repeat(32));
  });

  it('cuts long text at a word break and marks the cut with an ellipsis', () => {
    expect(clipText('Proficiency scale of the MIT Information Systems', 32)).toBe('Proficiency scale of the MIT…');
  });

  it('never leaves half of an emoji at the cut', () => {
    const clipped = clipText(`${'x'.repeat(30)}\u{1F600}yz`, 32);
    expect(clipped).toBe(`${'x'.repeat(30)}…`);
  });

  it('prefers a shorter whole message to a clipped long one', () => {
    const v = fitValidationText({ range: { row: 0, col: 0, rows: 1, cols: 1 }, source: 'S!$A$1:$A$3', errorMessage: 'x '.repeat(200) }, [
      'y '.repeat(150),
      'Use a level from the dropdown list.',
    ]);
    expect(v.errorMessage).toBe('Use a level from the dropdown list.');
  });

  it('fits the grid dropdowns of a framework with long scale and role names, for both renderers alike', () => {
    const mit = builtIn('mit-devops').data;
    const model = new FrameworkModel({
      ...mit,
      scales: mit.scales.map((s) => ({ ...s, name: 'Proficiency scale of the MIT Information Systems and Technology DevOps position' })),
      roles: mit.roles.map((r, i) => ({ ...r, name: `Senior Site Reliability and Platform Engineering Lead ${i + 1}` })),
    });
    const roster = parseRoster(
      [
        ['Id', 'Name', 'Role'],
        ['E1', 'Ann', model.roles[0].name],
      ],
      model,
    );
    const grid = workbookLayout(model, { roster }).plan.sheets.find((s) => s.kind === 'grid')!;
    const texts = grid.validations.map((v) => [v.title, v.errorMessage]);
    expect(texts).toEqual([
      ['Role', 'Pick one of the roles in the dropdown list.'],
      [
        'Proficiency scale of the MIT…',
        'Use a level of Proficiency scale of the MIT Information Systems and Technology DevOps position: BD, B, I, A, E; or leave the cell blank for not rated.',
      ],
      ['Coverage level', 'Use a level of Proficiency scale of the MIT Information Systems and Technology DevOps position: BD, B, I, A, E.'],
    ]);
  });
});

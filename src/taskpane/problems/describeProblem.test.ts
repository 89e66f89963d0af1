import { CompetencyError } from '../../core/problems';
import { strings } from '../strings';
import { ApplyError } from '../../host/applyReport';
import { cancellationDetail, describeProblem, isAbort } from './describeProblem';

describe('describing a problem to the user', () => {
  it("keeps core's message, with where it happened, and adds the fix for its kind", () => {
    const p = describeProblem(
      new CompetencyError('invalid-roster', 'row 4: id "P1" is already used on row 2; give each person a unique id', 'roster.csv'),
    );
    expect(p).toEqual({
      title: strings.errors.kinds['invalid-roster'].title,
      detail: 'roster.csv: row 4: id "P1" is already used on row 2; give each person a unique id.',
      fix: strings.errors.kinds['invalid-roster'].fix,
    });
  });

  it('starts a message without a place with a capital letter', () => {
    expect(describeProblem(new CompetencyError('sheet-conflict', 'the sheet "Grid" holds cells the product did not write')).detail).toBe(
      'The sheet "Grid" holds cells the product did not write.',
    );
  });

  it('translates Excel error codes users can act on', () => {
    expect(describeProblem({ code: 'RequestPayloadSizeLimitExceeded', message: 'x' })).toEqual(strings.errors.payload);
    expect(describeProblem({ code: 'AccessDenied', message: 'x' })).toEqual(strings.errors.protectedSheet);
    expect(describeProblem({ code: 'InvalidOperationInCellEditMode', message: 'x' })).toEqual(strings.errors.editing);
  });

  it('still says something and what to do for an error nobody expected', () => {
    const p = describeProblem(new Error('boom'));
    expect(p).toEqual({ title: strings.errors.unexpected.title, detail: 'Boom.', fix: strings.errors.unexpected.fix });
    expect(describeProblem(undefined).detail.length).toBeGreaterThan(0);
  });

  it("passes on the renderer's account of what was and was not written, titled by its cause", () => {
    const cause = Object.assign(new Error('The request payload size has exceeded the limit.'), { code: 'RequestPayloadSizeLimitExceeded' });
    const failure = new ApplyError(
      'writing',
      'Excel stopped while writing Team grid: "RequestPayloadSizeLimitExceeded". Not written: "Team grid".',
      { written: [], notWritten: ['Team grid'], leftBehind: [] },
      cause,
    );
    expect(describeProblem(failure)).toEqual({
      title: strings.errors.payload.title,
      detail: failure.message,
      fix: strings.errors.payload.fix,
    });
    const unknown = new ApplyError(
      'finishing',
      'Excel stopped while putting the sheets in place: "GeneralException". Written: "Matrix"',
      { written: ['Matrix'], notWritten: [], leftBehind: [] },
      new Error('x'),
    );
    expect(describeProblem(unknown)).toEqual({
      title: strings.errors.notUpdated,
      detail: `${unknown.message}.`,
      fix: strings.errors.unexpected.fix,
    });
  });

  it("keeps the renderer's word on what a cancellation left behind", () => {
    const cancelled = new ApplyError('cancelled', 'Cancelled before Team grid was finished. Nothing in your workbook was changed.', {
      written: [],
      notWritten: [],
      leftBehind: [],
    });
    expect(cancellationDetail(cancelled)).toBe(cancelled.message);
    expect(cancellationDetail(new DOMException('x', 'AbortError'))).toBeUndefined();
  });

  it('recognises a cancellation', () => {
    expect(isAbort(new DOMException('stop', 'AbortError'))).toBe(true);
    expect(isAbort(new Error('stop'))).toBe(false);
  });
});

import { builtIn, builtInFrameworks } from '../../core/frameworks/library';
import {
  chosenMatrixRoles,
  frameworkGrids,
  frameworkKey,
  initialState,
  isBusy,
  selectedFramework,
  taskpaneReducer,
  type TaskpaneEvent,
  type TaskpaneState,
} from './taskpaneState';

const problem = { title: 'Nope', detail: 'It failed.', fix: 'Try again.' };
const done = { sheetsCreated: ['Matrix'], sheetsReplaced: [], ratingsKept: 0, ratingsUnplaced: 0, warnings: [] };

function after(...events: TaskpaneEvent[]): TaskpaneState {
  return events.reduce(taskpaneReducer, initialState());
}

const ready: TaskpaneEvent[] = [
  { type: 'host-ready', info: { kind: 'excel', theme: 'light', limitations: [], addinFunctions: true } },
  { type: 'library-loaded', builtIn: builtInFrameworks() },
];

describe('the task pane state', () => {
  it("starts connecting, with no framework chosen, portable formulas and the workbook's grids not yet read", () => {
    const s = initialState();
    expect(s.host.status).toBe('connecting');
    expect(selectedFramework(s)).toBeUndefined();
    expect(s.grid).toMatchObject({ source: 'selection', formulas: 'portable' });
    expect(s.grids).toEqual({ status: 'unknown' });
  });

  it('finds the chosen built-in framework by its key', () => {
    const s = after(...ready, { type: 'framework-selected', key: frameworkKey('builtin', 'sre-ladder') });
    expect(selectedFramework(s)?.id).toBe('sre-ladder');
  });

  it('keeps an imported framework apart from a built-in one with the same id, and selects it', () => {
    const model = builtIn('mit-devops');
    const s = after(...ready, { type: 'framework-imported', framework: { model, fileName: 'mit.json', warnings: [] } });
    expect(s.selected).toBe('imported:mit-devops');
    expect(selectedFramework(s)).toBe(model);
    expect(s.lastImport).toEqual({ name: model.name, warnings: [], replaced: false });
  });

  it('replaces an earlier import of the same framework rather than listing it twice', () => {
    const model = builtIn('mit-devops');
    const imported: TaskpaneEvent = { type: 'framework-imported', framework: { model, fileName: 'mit.json', warnings: [] } };
    const s = after(...ready, imported, imported);
    expect(s.imported).toHaveLength(1);
    expect(s.lastImport?.replaced).toBe(true);
  });

  it('includes every role in the matrix until the user unticks some, and remembers the choice per framework', () => {
    const sre = builtIn('sre-ladder');
    const key = frameworkKey('builtin', 'sre-ladder');
    let s = after(...ready, { type: 'framework-selected', key });
    expect(chosenMatrixRoles(s)).toEqual(sre.roles.map((r) => r.id));
    s = taskpaneReducer(s, { type: 'matrix-roles-changed', frameworkKey: key, roleIds: [sre.roles[2].id, sre.roles[0].id] });
    expect(chosenMatrixRoles(s)).toEqual([sre.roles[0].id, sre.roles[2].id]);
    s = taskpaneReducer(s, { type: 'framework-selected', key: frameworkKey('builtin', 'mit-devops') });
    s = taskpaneReducer(s, { type: 'framework-selected', key });
    expect(chosenMatrixRoles(s)).toEqual([sre.roles[0].id, sre.roles[2].id]);
  });

  it('runs one action at a time: a second start while one runs is ignored', () => {
    const s = after(
      ...ready,
      { type: 'action-started', action: 'matrix', cancellable: true },
      { type: 'action-started', action: 'grid', cancellable: true },
    );
    expect(s.operation).toMatchObject({ status: 'running', action: 'matrix' });
    expect(isBusy(s)).toBe(true);
  });

  it('records progress, then the summary of the action that ran', () => {
    const s = after(
      ...ready,
      { type: 'action-started', action: 'grid', cancellable: true },
      { type: 'action-progress', progress: { done: 1, total: 3 } },
    );
    expect(s.operation).toMatchObject({ status: 'running', progress: { done: 1, total: 3 } });
    expect(taskpaneReducer(s, { type: 'action-succeeded', summary: done }).operation).toEqual({
      status: 'succeeded',
      action: 'grid',
      summary: done,
    });
  });

  it('only marks an action as cancelling when it can be cancelled', () => {
    const cancellable = after({ type: 'action-started', action: 'grid', cancellable: true }, { type: 'cancel-requested' });
    expect(cancellable.operation).toMatchObject({ cancelling: true });
    const notCancellable = after({ type: 'action-started', action: 'grid', cancellable: false }, { type: 'cancel-requested' });
    expect(notCancellable.operation).toMatchObject({ cancelling: false });
  });

  it('keeps a failure until dismissed, but a dismissal never hides a running action', () => {
    const failed = after({ type: 'action-failed', action: 'import', problem });
    expect(failed.operation).toEqual({ status: 'failed', action: 'import', problem });
    expect(taskpaneReducer(failed, { type: 'result-dismissed' }).operation).toEqual({ status: 'idle' });
    const running = after({ type: 'action-started', action: 'grid', cancellable: true }, { type: 'result-dismissed' });
    expect(running.operation.status).toBe('running');
  });

  it('clears the last result when another framework is chosen, since it described the old one', () => {
    const s = after(
      ...ready,
      { type: 'action-started', action: 'matrix', cancellable: true },
      { type: 'action-succeeded', summary: done },
      { type: 'framework-selected', key: 'builtin:mit-devops' },
    );
    expect(s.operation).toEqual({ status: 'idle' });
  });

  it('offers the grids made with the chosen framework only, the first unless another is chosen', () => {
    const grids = [
      { sheet: 'SRE team', frameworkId: 'sre-ladder', people: 4 },
      { sheet: 'Team grid', frameworkId: 'mit-devops', people: 10 },
      { sheet: 'Team grid (2)', frameworkId: 'mit-devops', people: 3 },
    ];
    let s = after(...ready, { type: 'framework-selected', key: 'builtin:mit-devops' }, { type: 'grids-loaded', grids });
    expect(frameworkGrids(s).grids.map((g) => g.sheet)).toEqual(['Team grid', 'Team grid (2)']);
    expect(frameworkGrids(s).chosen?.sheet).toBe('Team grid');
    s = taskpaneReducer(s, { type: 'grid-chosen', sheet: 'Team grid (2)' });
    expect(frameworkGrids(s).chosen?.sheet).toBe('Team grid (2)');
    s = taskpaneReducer(s, { type: 'framework-selected', key: 'builtin:sre-ladder' });
    expect(frameworkGrids(s).chosen?.sheet).toBe('SRE team');
  });

  it('reads tables and grids again after an action changed the workbook', () => {
    const s = after(
      { type: 'tables-loaded', names: ['Roster'] },
      { type: 'grids-loaded', grids: [] },
      { type: 'action-started', action: 'grid', cancellable: true },
      { type: 'action-succeeded', summary: done },
    );
    expect(s.tables.status).toBe('unknown');
    expect(s.grids.status).toBe('unknown');
  });

  it('picks the first table when tables are listed, and keeps the chosen one if it is still there', () => {
    let s = after({ type: 'tables-loaded', names: ['Roster', 'Other'] });
    expect(s.grid.table).toBe('Roster');
    s = taskpaneReducer(s, { type: 'grid-options-changed', patch: { table: 'Other' } });
    s = taskpaneReducer(s, { type: 'tables-loaded', names: ['New', 'Other'] });
    expect(s.grid.table).toBe('Other');
  });

  it('forgets the blank-row role when the framework changes, since roles differ between frameworks', () => {
    const s = after(
      ...ready,
      { type: 'grid-options-changed', patch: { blankRoleId: 'engineer-ii' } },
      { type: 'framework-selected', key: 'builtin:sre-ladder' },
    );
    expect(s.grid.blankRoleId).toBeUndefined();
  });

  it('offers undo after an action that kept what it replaced, until another action starts or it is undone or kept', () => {
    const ran = (action: 'matrix' | 'grid' | 'undo' | 'keep', undoable?: boolean): TaskpaneEvent[] => [
      { type: 'action-started', action, cancellable: false },
      { type: 'action-succeeded', summary: { ...done, undoable } },
    ];
    expect(after(...ready, ...ran('matrix', true)).undo).toEqual({ action: 'matrix' });
    expect(after(...ready, ...ran('matrix', false)).undo).toBeUndefined();
    // Another action ends the offer as soon as it starts: it removes what the last one kept.
    expect(after(...ready, ...ran('matrix', true), { type: 'action-started', action: 'grid', cancellable: true }).undo).toBeUndefined();
    // Undo keeps the offer while it runs (and after a failure, to try again), and ends it when done.
    const undoing = after(...ready, ...ran('matrix', true), { type: 'action-started', action: 'undo', cancellable: false });
    expect(undoing.undo).toEqual({ action: 'matrix' });
    expect(taskpaneReducer(undoing, { type: 'action-failed', action: 'undo', problem }).undo).toEqual({ action: 'matrix' });
    expect(after(...ready, ...ran('matrix', true), ...ran('undo')).undo).toBeUndefined();
    expect(after(...ready, ...ran('matrix', true), ...ran('keep')).undo).toBeUndefined();
  });

  it('holds what undo would cost while it asks, and forgets it when declined or when undo starts', () => {
    const preview = { typed: 2, typedPeople: 1, cleared: 0, keptAside: [] };
    const base: TaskpaneEvent[] = [
      ...ready,
      { type: 'action-started', action: 'grid', cancellable: true },
      { type: 'action-succeeded', summary: { ...done, undoable: true } },
      { type: 'undo-asked', preview },
    ];
    expect(after(...base).undoPreview).toEqual(preview);
    expect(after(...base, { type: 'undo-declined' }).undoPreview).toBeUndefined();
    expect(after(...base, { type: 'action-started', action: 'undo', cancellable: false }).undoPreview).toBeUndefined();
    // Nothing to ask about once the offer is gone.
    expect(after(...ready, { type: 'undo-asked', preview }).undoPreview).toBeUndefined();
  });
});

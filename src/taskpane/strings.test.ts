import { strings } from './strings';
import { PROBLEM_KINDS } from './testing/problemKinds';

/**
 * Sample arguments for every sentence builder. The type makes this table list
 * each function in strings.ts with arguments of the right types, so adding a
 * builder without a sample fails `npm run typecheck`.
 */
type Samples<T> = { [K in keyof T as T[K] extends string ? never : K]: T[K] extends (...args: infer A) => string ? A[] : Samples<T[K]> };

const SAMPLES: Samples<typeof strings> = {
  app: {},
  outsideExcel: {},
  limits: {},
  collect: {
    readingFiles: [[1], [40]],
    otherFramework: [['mit-devops', 'sre-ladder']],
    done: [['Collection']],
  },
  picker: {
    fromSheet: [['Matrix']],
    scaleNeeded: [['skills.case.json']],
    scaleOption: [['Proficiency (1-5)', 'Basic, Developing, Proficient, Advanced, Expert']],
    importedOk: [['Our framework']],
    importWarnings: [[1], [3]],
    replacedImport: [['Our framework']],
    optionDescription: [
      ['MIT', 1, 1],
      ['Kaairo', 5, 24],
    ],
  },
  preview: {
    source: [
      ['DevOps competencies', 'MIT', 2020],
      ['A ladder', 'A team', undefined],
    ],
    licence: [['CC BY 4.0']],
    roles: [[1], [5]],
    competencies: [
      [24, 0],
      [24, 1],
      [24, 6],
    ],
    scales: [[1], [2]],
    levelLine: [
      ['A', 'Advanced'],
      ['3', '3'],
    ],
    targets: [[1], [120]],
  },
  actions: {},
  matrix: {},
  grid: {
    csvChosen: [
      ['team.csv', 1],
      ['team.csv', 1500],
    ],
    blankCountInvalid: [[10000]],
  },
  gridChoice: {
    otherFrameworks: [['MIT DevOps']],
    option: [
      ['Team grid', 1],
      ['Team grid', 25],
      ['Team B grid', 3, 'Team B', '2026-12-03T10:00:00.000Z'],
    ],
    gone: [['Team grid']],
    otherFramework: [['Team grid', 'MIT DevOps']],
    rowWithoutId: [['row 15 of the grid "Team grid" has no id, between two people', '(row 15)']],
  },
  heatmaps: {},
  calibration: { together: [[2, 'MIT DevOps']] },
  meeting: {
    running: [['Team grid', 'Decisions']],
    alreadyRunning: [['Decisions']],
    busy: [['Team grid', 'Decisions', 'undo']],
    resumed: [['Team grid', 'Decisions']],
    change: [
      ['Ada Lovelace', 'Adaptability', 'B', 'I'],
      ['Ada Lovelace', 'Adaptability', '', 'A'],
    ],
    reason: [['Ada Lovelace', 'Adaptability']],
    deferred: [[1], [3]],
    ended: [['Decisions']],
    loggedCount: [[0], [1], [3]],
    foundAtEnd: [[1], [2]],
    differ: [[1], [3]],
  },
  progress: { label: [['Create grid']], step: [[1, 4]] },
  undo: {
    offer: [['Create grid']],
    button: [['Create grid']],
    askTitle: [['Heatmaps']],
    typed: [
      [1, 1],
      [12, 3],
    ],
    cleared: [[1], [4]],
    sheetsAside: [[['Team grid']], [['Team grid', 'Matrix']]],
    undone: [['Team grid (25 people)']],
    restored: [[['Team grid', 'Unplaced ratings']]],
    removed: [[['Team grid']]],
    moved: [
      [1, 'Unplaced ratings'],
      [5, 'Unplaced ratings'],
    ],
    keptAside: [['Team grid', 'Team grid (undone)']],
  },
  summary: {
    doneTitle: [['Create grid']],
    created: [[['Matrix']], [['Matrix', 'Scale']]],
    replaced: [[['Team grid']]],
    ratingsKept: [[1], [1200]],
    otherEntriesKept: [[1], [9]],
    ratingsUnplaced: [[1], [3]],
    unplacedSheet: [['Unplaced ratings']],
    renamed: [['Matrix', 'Matrix (2)']],
    keptAside: [['Team grid', 'Team grid (old)']],
    cancelledTitle: [['Create grid']],
    gridAdded: [
      ['Team B grid', []],
      ['Team B grid', ['Matrix', 'Scales', 'Targets']],
    ],
    gridUpdated: [
      ['Team grid', 0],
      ['Team grid', 1],
      ['Team grid', 2],
    ],
  },
  errors: {
    title: [['Create grid']],
    kinds: Object.fromEntries(PROBLEM_KINDS.map((k) => [k, {}])) as Samples<typeof strings.errors.kinds>,
    payload: {},
    protectedSheet: {},
    editing: {},
    unexpected: {},
    fileTooLarge: [['team.csv', 50]],
  },
  actionNames: {},
};

interface Text {
  path: string;
  text: unknown;
}

function texts(node: unknown, samples: unknown, path: string): Text[] {
  if (typeof node === 'function') {
    const calls = (samples as unknown[][] | undefined) ?? [];
    if (!calls.length) return [{ path, text: undefined }];
    return calls.map((args) => ({ path, text: (node as (...a: unknown[]) => unknown)(...args) }));
  }
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([k, v]) => texts(v, (samples as Record<string, unknown> | undefined)?.[k], `${path}.${k}`));
  }
  return [{ path, text: node }];
}

const all = texts(strings, SAMPLES, 'strings');

describe('the task pane strings', () => {
  it('are all text, or sentence builders that give text for their sample arguments, none empty', () => {
    for (const t of all) expect([t.path, typeof t.text === 'string' && t.text.trim().length > 0]).toEqual([t.path, true]);
  });

  it('never show a placeholder, an undefined value or stray white space', () => {
    for (const t of all as { path: string; text: string }[]) {
      expect([t.path, /undefined|NaN|\[object|TODO|FIXME|\{\w+\}/.test(t.text)]).toEqual([t.path, false]);
      expect([t.path, t.text === t.text.trim() && !/ {2}/.test(t.text)]).toEqual([t.path, true]);
    }
  });

  it('give a title and a next step for every kind of problem core can raise', () => {
    for (const kind of PROBLEM_KINDS) {
      const text = strings.errors.kinds[kind];
      expect(text.title.length).toBeGreaterThan(3);
      expect(text.fix).toMatch(/[.]$/);
    }
  });

  it('end every error fix and error detail with a full stop, so messages read as sentences', () => {
    for (const t of (all as { path: string; text: string }[]).filter((x) => /\.(fix|detail)$/.test(x.path)))
      expect([t.path, /[.]$/.test(t.text)]).toEqual([t.path, true]);
  });

  it('count things in the singular and the plural correctly', () => {
    expect(strings.summary.created(['Matrix'])).toBe('Created 1 sheet: Matrix.');
    expect(strings.summary.created(['Matrix', 'Scale'])).toBe('Created 2 sheets: Matrix, Scale.');
    expect(strings.summary.ratingsKept(1)).toBe('1 rating was kept.');
    expect(strings.summary.ratingsKept(1200)).toBe('1,200 ratings were kept.');
    expect(strings.grid.csvChosen('team.csv', 1)).toBe('team.csv: 1 row after the header.');
  });

  it('state the sign of a gap wherever gaps are offered', () => {
    expect(strings.heatmaps.description).toContain('gap = rating − target');
  });

  it('name the same action the same way on its button and in its progress and summary', () => {
    expect(strings.actionNames.matrix).toBe(strings.matrix.run);
    expect(strings.actionNames.grid).toBe(strings.grid.run);
    expect(strings.actionNames['update-grid']).toBe(strings.grid.update);
  });
});

import { builtIn } from '../frameworks/library';
import type { FrameworkModel } from '../framework/model';
import { parseRoster } from '../roster';
import { isFormula, type LayoutPlan } from './plan';
import { emptyRegistry, parseRegistry, registeredSheet, registryRows, type Registry } from './registry';
import { gridWorkbookLayout, type GridWorkbookLayout } from './gridWorkbook';
import { findGrid, gridPeople, gridsOf } from './gridRecords';
import { workbookLayout } from './workbook';

const MIT = builtIn('mit-devops');
const SRE = builtIn('sre-ladder');

function roster(model: FrameworkModel, ids: string[]) {
  return parseRoster(
    [['Id', 'Name', 'Role'], ...ids.map((id, i) => [id, `Person ${id}`, model.roles[i % model.roles.length].name])],
    model,
  );
}

/** A workbook after a plan is written: its registry (sheets under the plan's names) and every sheet name. */
interface Book {
  registry: Registry;
  sheets: string[];
}

function write(book: Book, plan: LayoutPlan): Book {
  const wanted = new Set(plan.sheets.map((s) => s.name.toLowerCase()));
  const kept = book.registry.sheets.filter((s) => !wanted.has(s.wanted.toLowerCase()));
  const registry = {
    ...book.registry,
    sheets: [...kept, ...plan.sheets.map((s) => registeredSheet(s, s.name, plan.title))],
    ...(plan.grids ? { grids: plan.grids } : {}),
  };
  // Through rows and back, as both renderers store it.
  return { registry: parseRegistry(registryRows(registry)), sheets: [...new Set([...book.sheets, ...plan.sheets.map((s) => s.name)])] };
}

function place(book: Book, model: FrameworkModel, ids: string[], label: string, rebuild?: string): GridWorkbookLayout {
  const grids = gridsOf(book.registry);
  return gridWorkbookLayout(
    model,
    { roster: roster(model, ids) },
    {
      registry: book.registry,
      grids,
      rebuild: rebuild ? findGrid(book.registry, grids, rebuild) : undefined,
      label,
      writtenAt: '2026-12-03T10:00:00.000Z',
      taken: book.sheets,
    },
  );
}

/** Every sheet name a plan's formulas and dropdowns refer to. */
function referencedSheets(plan: LayoutPlan): Set<string> {
  const out = new Set<string>();
  const scan = (text: string) => {
    for (const m of text.matchAll(/'((?:[^']|'')+)'!|([A-Za-z_][\w.]*)!/g)) out.add((m[1] ?? m[2]).replace(/''/g, "'"));
  };
  for (const s of plan.sheets) {
    for (const b of s.blocks) for (const row of b.cells) for (const c of row) if (isFormula(c)) scan(c.formula);
    for (const v of s.validations) scan(v.source);
  }
  return out;
}

const EMPTY: Book = { registry: emptyRegistry(), sheets: ['Sheet1'] };

describe('several grids in one workbook', () => {
  it('names the first grid as always, and a second team on the same framework gets a grid of its own that shares the framework sheets', () => {
    const a = place(EMPTY, MIT, ['A1', 'A2'], 'Sheet1');
    expect(a.plan.sheets.map((s) => s.name)).toEqual(workbookLayout(MIT, { roster: roster(MIT, ['A1']) }).plan.sheets.map((s) => s.name));
    expect(a.added).toBe(false);
    const book = write(EMPTY, a.plan);

    const b = place(book, MIT, ['B1', 'B2', 'B3'], 'Team B');
    expect(b.added).toBe(true);
    // Only the new grid is written: the matrix, scales and targets are the first grid's.
    expect(b.plan.sheets.map((s) => s.name)).toEqual(['Team B grid']);
    expect(b.shared).toEqual(expect.arrayContaining(['Matrix', 'Scales', 'Targets']));
    expect(referencedSheets(b.plan)).toEqual(new Set(['Targets', 'Scales', 'Matrix']));
    // No defined name is written twice, and none points into a shared sheet.
    expect(b.plan.names).toEqual([]);

    const both = write(book, b.plan);
    const grids = gridsOf(both.registry);
    expect(grids.map((g) => [g.id, g.label, g.frameworkId, g.people])).toEqual([
      ['g1', 'Sheet1', 'mit-devops', 2],
      ['g2', 'Team B', 'mit-devops', 3],
    ]);
    expect(gridPeople(both.registry, grids[1])).toEqual(['B1', 'B2', 'B3']);
  });

  it('gives a team on another framework its own matrix, scales and targets, named after the framework', () => {
    const book = write(EMPTY, place(EMPTY, MIT, ['A1'], 'DevOps').plan);
    const sre = place(book, SRE, ['S1', 'S2'], 'SRE team');
    const names = sre.plan.sheets.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(['SRE team grid (sre-ladder)', 'Matrix (sre-ladder)', 'Scales (sre-ladder)', 'Targets (sre-ladder)']),
    );
    expect(sre.shared).toEqual([]);
    const refs = referencedSheets(sre.plan);
    for (const first of ['Matrix', 'Scales', 'Targets', 'Team grid']) expect(refs.has(first)).toBe(false);
    // Its defined names carry the grid's label, so the first grid's stay as they are.
    expect(sre.plan.names.length).toBeGreaterThan(0);
    expect(sre.plan.names.every((n) => n.name.endsWith('_SRE_team'))).toBe(true);
  });

  it('gives a grid of the same framework its own target table when its readiness rule lays the table out otherwise', () => {
    const book = write(EMPTY, place(EMPTY, MIT, ['A1'], 'A').plan);
    const grids = gridsOf(book.registry);
    const tolerant = gridWorkbookLayout(
      MIT,
      { roster: roster(MIT, ['B1']), readiness: 'tolerant' },
      { registry: book.registry, grids, label: 'Team B', writtenAt: '', taken: book.sheets },
    );
    expect(tolerant.plan.sheets.map((s) => s.name)).toEqual(['Team B grid', 'Targets (Team B)']);
    expect(tolerant.shared).toEqual(expect.arrayContaining(['Matrix', 'Scales']));
  });

  it('rebuilds a grid in place under its own names, never writing a sheet another grid reads', () => {
    let book = write(EMPTY, place(EMPTY, MIT, ['A1'], 'A').plan);
    book = write(book, place(book, MIT, ['B1'], 'Team B').plan);
    const again = place(book, MIT, ['B1', 'B2'], 'ignored', 'Team B grid');
    expect(again.added).toBe(false);
    expect(again.record.id).toBe('g2');
    expect(again.record.label).toBe('Team B');
    expect(again.plan.sheets.map((s) => s.name)).toEqual(['Team B grid']);
    const first = place(book, MIT, ['A1', 'A2'], 'ignored', 'Team grid');
    expect(first.plan.sheets.map((s) => s.name)).toEqual(['Team grid']);
    expect(first.plan.grids?.map((g) => g.id)).toEqual(['g1', 'g2']);
  });

  it('reads a workbook written before grids were recorded as one grid on the default sheets', () => {
    const { plan } = workbookLayout(MIT, { roster: roster(MIT, ['A1', 'A2']) });
    const registry = parseRegistry(registryRows({ sheets: plan.sheets.map((s) => registeredSheet(s, s.name, plan.title)), names: [] }));
    const grids = gridsOf(registry, () => 'mit-devops');
    expect(grids).toEqual([
      {
        id: 'g1',
        label: 'Team grid',
        frameworkId: 'mit-devops',
        people: 2,
        writtenAt: '',
        sheets: expect.arrayContaining([
          { role: 'grid', wanted: 'Team grid' },
          { role: 'targets', wanted: 'Targets' },
          { role: 'matrix', wanted: 'Matrix' },
        ]),
      },
    ]);
    // A second grid on the same framework shares the old grid's sheets, recognised by their shape.
    const b = place({ registry, sheets: plan.sheets.map((s) => s.name) }, MIT, ['B1'], 'Team B');
    expect(b.plan.sheets.map((s) => s.name)).toEqual(['Team B grid']);
  });
});

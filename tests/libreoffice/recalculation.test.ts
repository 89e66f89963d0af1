/**
 * The second engine: LibreOffice opens the workbooks the command line writes,
 * recalculates every formula itself (a fresh profile forces it), and must
 * arrive at the values core computed, with no error cell, for every built-in
 * framework (each written by the workbook command from a roster CSV, as a
 * user would), the example rosters, and a generated 1,000-person roster. All
 * files go through one soffice run.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { builtIn, builtInFrameworks } from '../../src/core/frameworks/library';
import type { FrameworkModel } from '../../src/core/framework/model';
import { isFormula, type LayoutPlan } from '../../src/core/layouts/plan';
import { cellRef } from '../../src/core/layouts/a1';
import { workbookLayout, type WorkbookLayout } from '../../src/core/layouts/workbook';
import type { GridReadiness } from '../../src/core/layouts/gridShape';
import { parseRosterCsv, type Roster } from '../../src/core/roster';
import { main } from '../../src/cli/index';
import { captureIO } from '../../src/cli/testIO';
import { generatedRoster, rosterCsv } from '../xlsx/support/rosters';
import { planWorkbookBytes } from '../xlsx/support/writeWorkbook';
import {
  convert,
  CSV_ALL_SHEETS,
  csvValue,
  formulaMismatches,
  isErrorText,
  libreOfficeWorkspace,
  sheetsCsv,
  sofficeFor,
} from '../support/libreoffice';

const soffice = sofficeFor('the LibreOffice recalculation checks');
const suite = soffice ? describe : describe.skip;

interface Case {
  file: string;
  model: FrameworkModel;
  roster: Roster;
  layout: WorkbookLayout;
  /** Write wrong cached values, to prove LibreOffice computes the values rather than showing the cached ones. */
  stale?: boolean;
  /** Written by the command line itself from this roster CSV, as a user would. */
  csv?: string;
}

/** The same plan with every cached formula result replaced by a wrong one. */
function withStaleResults(plan: LayoutPlan): LayoutPlan {
  return {
    ...plan,
    sheets: plan.sheets.map((sheet) => ({
      ...sheet,
      blocks: sheet.blocks.map((b) => ({
        ...b,
        cells: b.cells.map((line) =>
          line.map((c) => (isFormula(c) ? { formula: c.formula, result: typeof c.result === 'number' ? -999 : 'stale' } : c)),
        ),
      })),
    })),
  };
}

const TRICKY_NAMES = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1)'];

function makeCase(
  file: string,
  model: FrameworkModel,
  people: number,
  options: { formulas?: 'portable' | 'addin'; seed?: number; readiness?: GridReadiness; readinessThreshold?: number } = {},
): Case {
  const roster = generatedRoster(model, people, { seed: options.seed ?? 7 });
  if (file.startsWith('mit-devops')) TRICKY_NAMES.forEach((name, i) => (roster.people[i].name = name));
  const { formulas, readiness, readinessThreshold } = options;
  return { file, model, roster, layout: workbookLayout(model, { roster, formulas, readiness, readinessThreshold }) };
}

/** A case the command line writes from roster CSV text; the expected plan comes from the same CSV. */
function commandCase(file: string, model: FrameworkModel, csv: string): Case {
  const roster = parseRosterCsv(csv, model);
  return { file, model, roster, layout: workbookLayout(model, { roster }), csv };
}

async function commandLineBytes(c: Case): Promise<Buffer> {
  const io = captureIO({ 'roster.csv': c.csv! });
  const code = await main(['workbook', '--framework', c.model.id, '--roster', 'roster.csv', '--out', 'out.xlsx'], io);
  if (code !== 0) throw new Error(`workbook command failed: ${io.stderr}`);
  return io.files.get('out.xlsx')!;
}

function errorCells(sheets: Map<string, string[][]>): string[] {
  const out: string[] = [];
  for (const [name, rows] of sheets)
    rows.forEach((r, i) => r.forEach((v, j) => isErrorText(v) && out.push(`${name}!${cellRef(i, j)} ${v}`)));
  return out;
}

suite('LibreOffice recalculates every portable formula to the value core computes', () => {
  const cases: Case[] = [
    // Every built-in framework through the command line, from a roster CSV, as a user would run it.
    ...builtInFrameworks().map((f) => {
      const c = makeCase(f.id, f, 60);
      return commandCase(f.id, f, rosterCsv(f, c.roster));
    }),
    commandCase('example-mit', builtIn('mit-devops'), readFileSync(join(__dirname, '../../examples/mit-devops-team.csv'), 'utf8')),
    commandCase('example-kaairo', builtIn('kaairo-devops'), readFileSync(join(__dirname, '../../examples/kaairo-devops-team.csv'), 'utf8')),
    makeCase('ddat-devops-1000', builtIn('ddat-devops'), 1000, { seed: 11 }),
    makeCase('mit-devops-addin', builtIn('mit-devops'), 10, { formulas: 'addin' }),
    { ...makeCase('kaairo-devops-stale', builtIn('kaairo-devops'), 20), stale: true },
    // Next-role readiness options: tolerant (default and another threshold, two scales) and none.
    makeCase('mit-devops-tolerant', builtIn('mit-devops'), 200, { seed: 5, readiness: 'tolerant' }),
    makeCase('kaairo-devops-tolerant-60', builtIn('kaairo-devops'), 200, { seed: 6, readiness: 'tolerant', readinessThreshold: 0.6 }),
    makeCase('sre-ladder-none', builtIn('sre-ladder'), 40, { readiness: 'none' }),
  ];
  const results = new Map<string, Map<string, string[][]>>();

  beforeAll(async () => {
    const { dir, profile } = libreOfficeWorkspace();
    const files: string[] = [];
    // Base names that are not prefixes of one another: LibreOffice names each CSV "<base>-<sheet>.csv".
    const base = (i: number) => `book${i}`;
    for (const [i, c] of cases.entries()) {
      const path = join(dir, `${base(i)}.xlsx`);
      // New files are streamed by the command line, rebuilt ones written in memory: both writers are checked.
      const bytes = c.csv
        ? await commandLineBytes(c)
        : await planWorkbookBytes(
            c.stale ? withStaleResults(c.layout.plan) : c.layout.plan,
            c.stale || c.file.endsWith('-addin') ? 'memory' : 'stream',
          );
      writeFileSync(path, bytes);
      files.push(path);
    }
    convert(soffice!, profile, files, CSV_ALL_SHEETS, join(dir, 'csv'));
    for (const [i, c] of cases.entries()) results.set(c.file, sheetsCsv(join(dir, 'csv'), base(i)));
  }, 600_000);

  const portable = cases.filter((c) => !c.file.endsWith('-addin') && !c.stale);
  it.each(portable.map((c) => [c.file, c] as const))('%s: no mismatch and no error cell', (_file, c) => {
    const sheets = results.get(c.file)!;
    expect(c.layout.plan.sheets.filter((s) => !sheets.has(s.name))).toEqual([]);
    expect(formulaMismatches(c.layout.plan.sheets, sheets).wrong.slice(0, 10)).toEqual([]);
    expect(errorCells(sheets).slice(0, 10)).toEqual([]);
  });

  it('recalculates tolerant readiness to core’s verdicts, Ready and Not yet both present', () => {
    const seen = new Set<string>();
    for (const file of ['mit-devops-tolerant', 'kaairo-devops-tolerant-60']) {
      const c = cases.find((x) => x.file === file)!;
      const g = c.layout.grid!;
      const grid = results.get(file)!.get(g.sheetName)!;
      const plan = c.layout.plan.sheets.find((s) => s.name === g.sheetName)!;
      const block = plan.blocks.find((b) => b.row === g.firstPersonRow)!;
      const words = grid.slice(g.firstPersonRow, g.firstPersonRow + g.personCount).map((r) => r[g.readyCol!]);
      expect(words).toEqual(block.cells.map((line) => (line[g.readyCol!] as { result: unknown }).result));
      words.forEach((w) => seen.add(w));
    }
    expect([...seen].sort()).toEqual(['', 'Not yet', 'Ready']);
  });

  it('computes the values itself: a file whose cached values are all wrong still recalculates to core’s', () => {
    const c = cases.find((x) => x.stale)!;
    expect(formulaMismatches(c.layout.plan.sheets, results.get(c.file)!).wrong.slice(0, 10)).toEqual([]);
  });

  it('checks every formula of the 1,000-person grid, gaps included', () => {
    const c = cases.find((x) => x.file === 'ddat-devops-1000')!;
    const g = c.layout.grid!;
    const grid = results.get(c.file)!.get(g.sheetName)!;
    const lastRow = g.firstPersonRow + g.personCount - 1;
    expect(grid[lastRow][g.idCol]).toBe(c.roster.people[999].id);
    const gaps = grid.slice(g.firstPersonRow, lastRow + 1).flatMap((r) => g.gapCols.map((col) => csvValue(r[col])));
    expect(gaps.filter((v) => typeof v === 'number').length).toBeGreaterThan(10_000);
    expect(gaps.every((v) => v === '' || typeof v === 'number')).toBe(true);
  });

  it('shows names that look like formulas as the text they are', () => {
    const c = cases.find((x) => x.file === 'mit-devops')!;
    const g = c.layout.grid!;
    const grid = results.get(c.file)!.get(g.sheetName)!;
    expect(TRICKY_NAMES.map((_, i) => grid[g.firstPersonRow + i][g.nameCol])).toEqual(TRICKY_NAMES);
  });

  it('shows #NAME? where an add-in-style grid needs the add-in, and still computes its native formulas', () => {
    const c = cases.find((x) => x.file === 'mit-devops-addin')!;
    const g = c.layout.grid!;
    const grid = results.get(c.file)!.get(g.sheetName)!;
    const person = c.roster.people.findIndex((p) => p.ratings.size > 0);
    const row = grid[g.firstPersonRow + person];
    const rated = c.model.competencies.findIndex((comp) => c.roster.people[person].ratings.has(comp.id));
    expect(row[g.gapCols[g.competencyIds.indexOf(c.model.competencies[rated].id)]]).toBe('#NAME?');
    expect(row[g.targetCols[0]]).toBe(c.model.target(c.roster.people[person].role, c.model.competency(g.competencyIds[0]))?.code ?? '');
  });
});

/**
 * Which cell has which colour, as LibreOffice draws the grid: not only that a
 * colour is somewhere on the page (heatmap.test.ts), but that it sits on the
 * right person's row and in the right competency's column. The grid is printed
 * to PDF and rasterised; each filled cell is one patch of its colour, and the
 * patches' positions are compared with the cells the roster below fills:
 *
 *   person  Adaptability  Analytical  Communications  Openness  (DevOps Engineer II targets: I, B, I, B)
 *   A       B (gap -1)                BD (gap -2)
 *   B                     E (gap +3)                  A (gap +2)
 */
import { spawnSync } from 'child_process';
import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { builtIn } from '../../src/core/frameworks/library';
import { parseRosterCsv } from '../../src/core/roster';
import { workbookLayout } from '../../src/core/layouts/workbook';
import type { LayoutPlan } from '../../src/core/layouts/plan';
import { planWorkbookBytes } from '../xlsx/support/writeWorkbook';
import { convert, libreOfficeWorkspace, sofficePath } from '../support/libreoffice';
import { announceSkip } from '../support/announceSkip';
import { colourPatches, readPng, type ColourPatch, type Picture } from './support/png';

const soffice = sofficePath();
const pdftoppm = spawnSync('pdftoppm', ['-v']).error ? undefined : 'pdftoppm';
if (!soffice || !pdftoppm) {
  announceSkip(
    'LibreOffice (soffice) or poppler (pdftoppm) is not installed: the cell-by-cell heatmap checks are skipped. Install libreoffice-calc and poppler-utils to run them.',
  );
}
const suite = soffice && pdftoppm ? describe : describe.skip;

// Written out by hand, not imported from the heatmap module: a change of colour must be seen here.
const FULL_RED = 'F8696B'; // two or more steps short
const HALF_RED = 'FCB4B5'; // one step short: halfway from red to white
const GREEN = '63BE7B'; // above target
const LEVEL_BD = 'EFF5FB'; // the sequential scale, lowest level palest
const LEVEL_A = '77ACD9';
const LEVEL_E = '4F93CE'; // highest level darkest

const csv = `id,name,role,Adaptability,Analytical Thinking,Communications for Results,Openness to Learning,Teamwork
A,Below,DevOps Engineer II,B,,BD,,
B,Above,DevOps Engineer II,,E,,A,
C,On target,DevOps Engineer II,,,,,I`;

function gridOnly(): LayoutPlan {
  const mit = builtIn('mit-devops');
  const { plan } = workbookLayout(mit, { roster: parseRosterCsv(csv, mit) });
  return { ...plan, sheets: plan.sheets.map((s) => (s.kind === 'grid' ? s : { ...s, hidden: true })) };
}

/** Same row: centres closer than half a row (rows are about 10 px at 50 dpi). */
const sameRow = (a: ColourPatch, b: ColourPatch) => Math.abs(a.centreY - b.centreY) < 4;
const below = (a: ColourPatch, b: ColourPatch) => a.centreY - b.centreY > 6;

suite('heatmap colours cell by cell, as LibreOffice draws them', () => {
  let pages: Picture[] = [];

  beforeAll(async () => {
    const { dir, profile } = libreOfficeWorkspace();
    const xlsx = join(dir, 'grid.xlsx');
    writeFileSync(xlsx, await planWorkbookBytes(gridOnly()));
    convert(soffice!, profile, [xlsx], 'pdf', join(dir, 'pdf'));
    const run = spawnSync(pdftoppm!, ['-png', '-r', '50', join(dir, 'pdf', 'grid.pdf'), join(dir, 'pdf', 'page')]);
    if (run.status !== 0) throw new Error(`pdftoppm failed: ${run.stderr}`);
    pages = readdirSync(join(dir, 'pdf'))
      .filter((f) => f.startsWith('page') && f.endsWith('.png'))
      .sort()
      .map((f) => readPng(readFileSync(join(dir, 'pdf', f))));
  }, 300_000);

  /** The one page on which the colour appears, and its patches there. */
  function patchesOnItsPage(hex: string): { page: number; patches: ColourPatch[] }[] {
    return pages.map((p, page) => ({ page, patches: colourPatches(p, hex) })).filter((x) => x.patches.length);
  }

  it("colours A's two shortfalls on A's row, one step short pale red under Adaptability and two steps full red under Communications", () => {
    const full = patchesOnItsPage(FULL_RED);
    const half = patchesOnItsPage(HALF_RED);
    expect(full).toHaveLength(1);
    expect(half).toHaveLength(1);
    expect(full[0].patches).toHaveLength(1);
    expect(half[0].patches).toHaveLength(1);
    expect(full[0].page).toBe(half[0].page);
    const [communications] = full[0].patches;
    const [adaptability] = half[0].patches;
    expect(sameRow(communications, adaptability)).toBe(true);
    expect(communications.centreX).toBeGreaterThan(adaptability.centreX);
  });

  it("colours B's two surpluses green on B's row, below A's, under Analytical Thinking and Openness to Learning", () => {
    const green = patchesOnItsPage(GREEN);
    const gapPage = patchesOnItsPage(FULL_RED)[0].page;
    const onGapPage = green.find((g) => g.page === gapPage)?.patches ?? [];
    expect(onGapPage).toHaveLength(2);
    const [analytical, openness] = [...onGapPage].sort((a, b) => a.centreX - b.centreX);
    const [communications] = colourPatches(pages[gapPage], FULL_RED);
    const [adaptability] = colourPatches(pages[gapPage], HALF_RED);
    expect(sameRow(analytical, openness)).toBe(true);
    expect(below(analytical, communications)).toBe(true);
    // Columns in the competencies' order: Adaptability, Analytical, Communications, Openness.
    expect(adaptability.centreX).toBeLessThan(analytical.centreX);
    expect(analytical.centreX).toBeLessThan(communications.centreX);
    expect(communications.centreX).toBeLessThan(openness.centreX);
  });

  it('colours each rating in its level colour, in its own cell', () => {
    const ratingPage = patchesOnItsPage(LEVEL_E).map((x) => x.page)[0];
    const [e] = colourPatches(pages[ratingPage], LEVEL_E);
    const [a] = colourPatches(pages[ratingPage], LEVEL_A);
    const [bd] = colourPatches(pages[ratingPage], LEVEL_BD);
    expect([e, a, bd].every(Boolean)).toBe(true);
    expect(sameRow(e, a)).toBe(true); // both B's
    expect(below(e, bd)).toBe(true); // BD is A's, a row higher
    expect(e.centreX).toBeLessThan(bd.centreX); // Analytical before Communications
    expect(bd.centreX).toBeLessThan(a.centreX); // Communications before Openness
  });
});

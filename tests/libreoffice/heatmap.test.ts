/**
 * The heatmaps as LibreOffice draws them: a grid printed to PDF, rasterised
 * to PNG by pdftoppm, and the pixels counted by colour. Gaps below target are
 * red (full red at two steps), on target white, above target green; ratings
 * take the sequential level colours. A grid where nobody is below target has
 * no red at all.
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
import { colourHistogram, countColour, readPng } from './support/png';

const soffice = sofficePath();
const pdftoppm = spawnSync('pdftoppm', ['-v']).error ? undefined : 'pdftoppm';
if (!soffice || !pdftoppm) {
  announceSkip(
    'LibreOffice (soffice) or poppler (pdftoppm) is not installed: the heatmap picture checks are skipped. Install libreoffice-calc and poppler-utils to run them.',
  );
}
const suite = soffice && pdftoppm ? describe : describe.skip;

const mit = builtIn('mit-devops');
// The colours written out by hand (not imported from the heatmap module), so a change of colour is seen here.
const GAP_BELOW = 'F8696B'; // two or more steps short
const HALF_RED = 'FCB4B5'; // one step short: halfway from red to white
const GAP_ABOVE = '63BE7B';
const LEVEL_BD = 'EFF5FB'; // lowest level palest
const LEVEL_E = '4F93CE'; // highest level darkest
// DevOps Engineer II targets: Adaptability I, Analytical Thinking B, Communications for Results I, Openness to Learning B, Teamwork I.
const header = 'id,name,role,Adaptability,Analytical Thinking,Communications for Results,Openness to Learning,Teamwork';
const mixed = `${header}
A,Below,DevOps Engineer II,B,,BD,,
B,Above,DevOps Engineer II,,E,,A,
C,On target,DevOps Engineer II,,,,,I`;
const noneBelow = `${header}
A,Above,DevOps Engineer II,A,E,A,A,I`;

/** Only the grid is printed: the other sheets are hidden. */
function gridOnly(csv: string): LayoutPlan {
  const { plan } = workbookLayout(mit, { roster: parseRosterCsv(csv, mit) });
  return { ...plan, sheets: plan.sheets.map((s) => (s.kind === 'grid' ? s : { ...s, hidden: true })) };
}

suite('heatmaps drawn by LibreOffice', () => {
  const histograms = new Map<string, Map<number, number>>();

  beforeAll(async () => {
    const { dir, profile } = libreOfficeWorkspace();
    const files = { mixed: gridOnly(mixed), none: gridOnly(noneBelow) };
    const paths: string[] = [];
    for (const [name, plan] of Object.entries(files)) {
      const path = join(dir, `${name}.xlsx`);
      writeFileSync(path, await planWorkbookBytes(plan));
      paths.push(path);
    }
    convert(soffice!, profile, paths, 'pdf', join(dir, 'pdf'));
    for (const name of Object.keys(files)) {
      const run = spawnSync(pdftoppm!, ['-png', '-r', '50', join(dir, 'pdf', `${name}.pdf`), join(dir, 'pdf', name)]);
      if (run.status !== 0) throw new Error(`pdftoppm failed: ${run.stderr}`);
      const pages = readdirSync(join(dir, 'pdf')).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
      histograms.set(name, colourHistogram(pages.map((f) => readPng(readFileSync(join(dir, 'pdf', f))))));
    }
  }, 300_000);

  const pixels = (name: string, hex: string) => countColour(histograms.get(name)!, hex);

  it('draws a two-step shortfall full red, a one-step shortfall half red, and a surplus green', () => {
    expect(pixels('mixed', GAP_BELOW)).toBeGreaterThan(30);
    expect(pixels('mixed', HALF_RED)).toBeGreaterThan(30);
    expect(pixels('mixed', GAP_ABOVE)).toBeGreaterThan(30);
  });

  it('draws ratings in the level colours, lowest pale and highest dark', () => {
    expect(pixels('mixed', LEVEL_BD)).toBeGreaterThan(30);
    expect(pixels('mixed', LEVEL_E)).toBeGreaterThan(30);
  });

  it('draws no red where nobody is below target', () => {
    expect(pixels('none', GAP_BELOW)).toBe(0);
    expect(pixels('none', HALF_RED)).toBe(0);
    expect(pixels('none', GAP_ABOVE)).toBeGreaterThan(30);
  });
});

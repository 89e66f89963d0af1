/**
 * Frameworks as publishers ship them, through the command line to a workbook
 * that LibreOffice opens: CASE packages without rubrics (nested, astral-plane
 * Unicode), three progression frameworks in Monzo's format, the SRE ladder's
 * Markdown source and a ladder of our own. In what LibreOffice reads back from
 * the visible sheets, every competency is on the Matrix sheet and every
 * descriptor is on the Descriptors sheet, in its competency's row and its
 * level's column. The counts per file are written by hand from the fixtures.
 * All workbooks go through one soffice run.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { main } from '../../src/cli/index';
import { captureIO } from '../../src/cli/testIO';
import { importFrameworkFiles } from '../../src/core/interchange/importFramework';
import { scaleFromChoice } from '../../src/core/interchange/scaleChoice';
import type { Framework } from '../../src/core/framework/validate';
import { convert, CSV_ALL_SHEETS, libreOfficeWorkspace, sheetsCsv, sofficeFor } from '../support/libreoffice';
import { announceSkip } from '../support/announceSkip';

const soffice = sofficeFor('the LibreOffice checks of imported published frameworks');
const FIXTURES = resolve(__dirname, '../fixtures/frameworks');
const SOURCE_DIR = process.env.SOURCE_FRAMEWORKS ?? resolve(__dirname, '../../../shared/source-frameworks');
const SRE_SOURCE = join(SOURCE_DIR, '003_6727a1017ec8ed27.txt');
if (!existsSync(SRE_SOURCE)) announceSkip(`the SRE source text is not at ${SRE_SOURCE}: its workbook is left out (set SOURCE_FRAMEWORKS)`);

interface Case {
  name: string;
  file: string;
  scale?: string;
  competencies: number;
  descriptors: number;
  /** CASE statements: the competency's definition. */
  definitions?: number;
}

const CASES: Case[] = [
  {
    name: 'cloud',
    file: join(FIXTURES, 'case/nested-no-rubrics.case.json'),
    scale: 'Novice,Developing,Proficient,Expert',
    competencies: 5,
    descriptors: 0,
    definitions: 4,
  },
  {
    name: 'astral',
    file: join(FIXTURES, 'case/astral-unicode.case.json'),
    scale: 'kaairo-proficiency',
    competencies: 3,
    descriptors: 0,
    definitions: 3,
  },
  { name: 'backend', file: join(FIXTURES, 'monzo/backend-seven-levels.md'), competencies: 4, descriptors: 7 + 3 + 2 + 2 },
  { name: 'design', file: join(FIXTURES, 'monzo/product-design-four-levels.md'), competencies: 3, descriptors: 12 },
  { name: 'data', file: join(FIXTURES, 'monzo/data-science-five-levels.md'), competencies: 3, descriptors: 5 + 3 + 2 },
  { name: 'support', file: join(FIXTURES, 'markdown/support-ladder.md'), competencies: 3, descriptors: 3 + 3 + 2 },
  ...(existsSync(SRE_SOURCE) ? [{ name: 'sre', file: SRE_SOURCE, competencies: 10, descriptors: 50 }] : []),
];

function imported(c: Case): Framework {
  const bytes = new Uint8Array(readFileSync(c.file));
  return importFrameworkFiles([{ name: c.file, bytes }], undefined, c.scale ? { scale: scaleFromChoice(c.scale) } : {}).framework;
}

/** The header row (Category, Competency, ...) of a sheet read back, and the rows below it. */
function table(rows: string[][]): { header: string[]; body: string[][] } {
  const at = rows.findIndex((r) => r[0] === 'Category' && r[1] === 'Competency');
  if (at < 0) throw new Error('no Category, Competency header row');
  return { header: rows[at], body: rows.slice(at + 1) };
}

(soffice ? describe : describe.skip)('published frameworks in a workbook LibreOffice opens', () => {
  const sheets = new Map<string, Map<string, string[][]>>();

  beforeAll(async () => {
    const { dir, profile } = libreOfficeWorkspace();
    try {
      const files: string[] = [];
      for (const c of CASES) {
        const io = captureIO({ [c.file]: readFileSync(c.file) });
        const out = `${c.name}.xlsx`;
        const code = await main(['workbook', '--framework', c.file, '--out', out, ...(c.scale ? ['--scale', c.scale] : [])], io);
        if (code !== 0) throw new Error(`workbook for ${c.name} failed: ${io.stderr}`);
        writeFileSync(join(dir, out), io.files.get(out) as Buffer);
        files.push(join(dir, out));
      }
      convert(soffice as string, profile, files, CSV_ALL_SHEETS, join(dir, 'out'));
      for (const c of CASES) sheets.set(c.name, sheetsCsv(join(dir, 'out'), c.name));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it.each(CASES.map((c) => [c.name, c] as const))('%s: every competency is on the Matrix sheet', (name, c) => {
    const fw = imported(c);
    expect(fw.competencies).toHaveLength(c.competencies);
    const { header, body } = table(sheets.get(name)?.get('Matrix') ?? []);
    const shown = body.map((r) => r[header.indexOf('Competency')]);
    for (const competency of fw.competencies) expect(shown).toContain(competency.name);
  });

  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s: every descriptor is in its row and level column on the Descriptors sheet',
    (name, c) => {
      const fw = imported(c);
      const descriptors = fw.competencies.flatMap((comp) =>
        Object.entries(comp.descriptors ?? {}).map(([code, text]) => ({ comp, code, text })),
      );
      expect(descriptors).toHaveLength(c.descriptors);
      const { header, body } = table(sheets.get(name)?.get('Descriptors') ?? []);
      for (const { comp, code, text } of descriptors) {
        const row = body.find((r) => r[header.indexOf('Competency')] === comp.name);
        const column = header.findIndex((h) => h.startsWith(`${code}: `));
        expect({ competency: comp.name, code, cell: row?.[column] }).toEqual({ competency: comp.name, code, cell: text });
      }
    },
  );

  it.each(CASES.map((c) => [c.name, c] as const))('%s: every definition is in its row on the Descriptors sheet', (name, c) => {
    const defined = imported(c).competencies.filter((comp) => comp.definition !== undefined);
    expect(defined).toHaveLength(c.definitions ?? 0);
    const { header, body } = table(sheets.get(name)?.get('Descriptors') ?? []);
    for (const comp of defined) {
      const row = body.find((r) => r[header.indexOf('Competency')] === comp.name);
      expect({ competency: comp.name, definition: row?.[header.indexOf('Definition')] }).toEqual({
        competency: comp.name,
        definition: comp.definition,
      });
    }
  });
});

/**
 * The corpus of malformed framework files (tests/fixtures/frameworks/malformed):
 * every file is rejected whole, with a one-line message that names the file,
 * the place (row, JSON path or cell) and the fix; files with formula-like text
 * or a misspelt property import with the expected warning instead.
 */
import fs from 'fs';
import path from 'path';
import { importFrameworkFiles, type FileBytes } from './importFramework';
import { isCompetencyError } from '../problems';

const DIR = path.join(__dirname, '../../../tests/fixtures/frameworks/malformed');
const expected: Record<string, { error?: string; warning?: string; where?: string }> = JSON.parse(
  fs.readFileSync(path.join(DIR, 'expected.json'), 'utf8'),
);

function filesOf(name: string): FileBytes[] {
  const full = path.join(DIR, name);
  if (fs.statSync(full).isDirectory()) {
    return fs
      .readdirSync(full)
      .sort()
      .map((f) => ({ name: `${name}/${f}`, bytes: fs.readFileSync(path.join(full, f)) }));
  }
  return [{ name, bytes: fs.readFileSync(full) }];
}

function importError(name: string): Error {
  try {
    importFrameworkFiles(filesOf(name));
  } catch (e) {
    return e as Error;
  }
  throw new Error(`${name} was imported, but it should have been rejected`);
}

const errors = Object.entries(expected).filter(([, e]) => e.error);
const warnings = Object.entries(expected).filter(([, e]) => e.warning);

describe('the corpus of malformed framework files', () => {
  it('holds at least 30 files, each listed with what it should produce', () => {
    const onDisk = fs.readdirSync(DIR).filter((f) => f !== 'expected.json');
    expect(onDisk.sort()).toEqual(Object.keys(expected).sort());
    expect(errors.length).toBeGreaterThanOrEqual(30);
  });

  it.each(errors)('rejects %s with a message naming the file, the place and the fix', (name, e) => {
    const error = importError(name);
    expect(isCompetencyError(error)).toBe(true);
    expect(error.message.startsWith(`${name}${fs.statSync(path.join(DIR, name)).isDirectory() ? '/' : ''}: `)).toBe(true);
    expect(error.message).toContain(e.error);
    if (e.where) expect(error.message).toContain(e.where);
    expect(error.message).not.toMatch(/[\r\n]/);
  });

  it('gives every rejected file its own message', () => {
    const messages = errors.map(([name]) => importError(name).message);
    expect(new Set(messages).size).toBe(messages.length);
  });

  it.each(warnings)('imports %s and warns about it', (name, e) => {
    const { framework, warnings: found } = importFrameworkFiles(filesOf(name));
    expect(framework.competencies.length).toBeGreaterThan(0);
    const hit = found.find((w) => w.message.includes(e.warning as string));
    expect(hit).toBeDefined();
    if (e.where) expect(hit?.path).toContain(e.where);
  });

  it('keeps formula-like names and descriptors as the exact text the file holds', () => {
    const json = importFrameworkFiles(filesOf('formula-like-text.json')).framework;
    expect(json.competencies[0].name).toBe('=HYPERLINK("http://evil.example","Coding")');
    expect(json.competencies[0].descriptors?.['1']).toBe('@SUM(A1:A9)');
    const csv = importFrameworkFiles(filesOf('formula-like-text.csv')).framework;
    expect(csv.competencies.map((c) => c.name)).toEqual(['=1+2', '@Mentoring']);
    expect(csv.competencies.map((c) => c.descriptors)).toEqual([{ '1': '+SUM(A1:A3)' }, { '2': '-10 points' }]);
  });
});

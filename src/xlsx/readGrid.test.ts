import ExcelJS from 'exceljs';
import { builtIn } from '../core/frameworks/library';
import { parseRoster, parseRosterCsv } from '../core/roster';
import { workbookLayout } from '../core/layouts/workbook';
import { renderPlan } from './renderPlan';
import { gridRosterRows } from '../core/layouts/gridRosterRows';
import { readGrid, readGrids } from './readGrid';

const kaairo = builtIn('kaairo-devops');
const csv = `id,name,role,manager,Problem Solving,Agile Methodologies
K1,Kim,Entry-Level,Lee,3,
K2,Lee,Senior,,5,4
K3,Max,Mid-Level,Lee,,2`;
const layout0 = workbookLayout(kaairo, { roster: parseRosterCsv(csv, kaairo) }).grid!;

async function roundTrip(edit?: (ws: ExcelJS.Worksheet) => void) {
  const layout = workbookLayout(kaairo, { roster: parseRosterCsv(csv, kaairo) });
  const wb = new ExcelJS.Workbook();
  renderPlan(wb, layout.plan);
  if (edit) edit(wb.getWorksheet('Team grid')!);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return { layout, back };
}

describe('reading a grid back from a workbook', () => {
  it('recovers the roster, every rating and where everything is', async () => {
    const { layout, back } = await roundTrip();
    const grid = readGrid(back);
    expect(grid.geometry).toMatchObject({ ...layout.grid, scaleIds: [] });
    expect(grid.people.map((p) => [p.id, p.name, p.role, p.manager])).toEqual([
      ['K1', 'Kim', 'Entry-Level', 'Lee'],
      ['K2', 'Lee', 'Senior', ''],
      ['K3', 'Max', 'Mid-Level', 'Lee'],
    ]);
    expect(grid.people[1].ratings).toMatchObject({ 'problem-solving': '5', 'agile-methodologies': '4', 'ci-cd': null });
    expect(grid.coverageLevels.get('problem-solving')).toBe('4');
  });

  it('gives roster rows that core parses back into the same people and ratings', async () => {
    const { back } = await roundTrip();
    const roster = parseRoster(gridRosterRows(readGrid(back), { ratings: true }), kaairo);
    expect(roster.people.map((p) => [p.id, p.role.id, Object.fromEntries([...p.ratings].map(([c, l]) => [c, l.code]))])).toEqual([
      ['K1', 'entry-level', { 'problem-solving': '3' }],
      ['K2', 'senior', { 'problem-solving': '5', 'agile-methodologies': '4' }],
      ['K3', 'mid-level', { 'agile-methodologies': '2' }],
    ]);
  });

  it('reads a level picked as a number (as Excel enters "3" from a dropdown) and a grid with rows inserted above', async () => {
    const { layout, back } = await roundTrip((ws) => {
      ws.getCell(layout0.firstPersonRow + 1, layout0.ratingCols[0] + 1).value = 2;
      ws.spliceRows(1, 0, ['inserted by a user'], []);
    });
    const grid = readGrid(back);
    expect(grid.geometry.firstPersonRow).toBe(layout.grid!.firstPersonRow + 2);
    expect(grid.people[0].ratings['cloud-infrastructure-management']).toBe(2);
    expect(
      parseRoster(gridRosterRows(grid, { ratings: true }), kaairo).people[0].ratings.get('cloud-infrastructure-management')?.code,
    ).toBe('2');
  });

  it('says plainly when a workbook has no grid', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'id';
    expect(readGrids(wb)).toEqual([]);
    expect(() => readGrid(wb, undefined, 'team.xlsx')).toThrow(/team\.xlsx: no team grid written by competency-matrix was found/);
  });
});

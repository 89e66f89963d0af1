import ExcelJS from 'exceljs';
import { assertKeepable, droppedByRewrite } from './keepableWorkbook';
import { ZipParts } from './zipEntries';
import { storedZip } from '../../tests/xlsx/support/storedZip';

const workbookXml = (names = '') =>
  `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Data" sheetId="1"/></sheets>${names}</workbook>`;

describe('checking a workbook can be rebuilt without losing anything', () => {
  it('reads the part names and texts of a real .xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Data').getCell('A1').value = 'hello';
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const zip = new ZipParts(bytes, 'a.xlsx');
    expect(zip.names).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/worksheets/sheet1.xml']));
    expect(zip.text('xl/workbook.xml')).toContain('name="Data"');
    expect(droppedByRewrite(bytes, 'a.xlsx')).toEqual([]);
  });

  it('refuses a workbook with charts and pivot tables, naming them, before anything is written', () => {
    const bytes = storedZip({ 'xl/workbook.xml': workbookXml(), 'xl/charts/chart1.xml': '<c/>', 'xl/pivotTables/pivotTable1.xml': '<p/>' });
    expect(droppedByRewrite(bytes, 'team.xlsx')).toEqual(['charts', 'pivot tables']);
    expect(() => assertKeepable(bytes, 'team.xlsx')).toThrow(
      /^team\.xlsx: the workbook has charts and pivot tables, which the command line cannot carry over; nothing was written/,
    );
  });

  it('refuses named formulas and sheet-level names, which would be dropped or change meaning', () => {
    const names =
      '<definedNames><definedName name="Rate">Data!$A$1*2</definedName><definedName name="Local" localSheetId="0">Data!$B$1</definedName>' +
      '<definedName name="Plain">Data!$A$1:$B$4</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">Data!$A$1:$C$9</definedName></definedNames>';
    expect(droppedByRewrite(storedZip({ 'xl/workbook.xml': workbookXml(names) }), 'x.xlsx')).toEqual([
      'the named formula Rate',
      'the sheet-level name Local',
    ]);
  });

  it('says a file that is not a zip is not a workbook', () => {
    expect(() => droppedByRewrite(Buffer.from('id,name\n1,Ann\n'), 'roster.xlsx')).toThrow(/roster\.xlsx: this is not an \.xlsx workbook/);
  });
});

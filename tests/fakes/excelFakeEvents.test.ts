/** The fake's change event and protection enforce what Microsoft documents (see excelFakeEvents.ts). */
import { ExcelFake } from './excelFake';
import type { XChangedEventArgs, XMeetingWorksheet } from '../../src/host/meetingApi';

async function listen(fake: ExcelFake, sheet: string): Promise<XChangedEventArgs[]> {
  const seen: XChangedEventArgs[] = [];
  await fake.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet) as XMeetingWorksheet;
    ws.onChanged.add(async (args) => void seen.push(args));
    await ctx.sync();
  });
  return seen;
}

describe('the fake worksheet change event', () => {
  it('gives the value before and after for one typed cell from ExcelApi 1.9, after the edit', async () => {
    const fake = new ExcelFake({ apiVersion: '1.9' });
    fake.addSheet('Grid', [['B']]);
    const seen = await listen(fake, 'Grid');
    fake.type('Grid', 'A1', 'I');
    expect(seen).toEqual([]);
    await fake.settled();
    expect(seen).toEqual([{ address: 'A1', worksheetId: fake.sheet('Grid').id, details: { valueBefore: 'B', valueAfter: 'I' } }]);
  });

  it('has no details below ExcelApi 1.9, nor for a paste over several cells', async () => {
    const old = new ExcelFake({ apiVersion: '1.8' });
    old.addSheet('Grid');
    const seenOld = await listen(old, 'Grid');
    old.type('Grid', 'B2', 'A');
    await old.settled();
    expect(seenOld).toEqual([{ address: 'B2', worksheetId: old.sheet('Grid').id }]);

    const fake = new ExcelFake();
    fake.addSheet('Grid');
    const seen = await listen(fake, 'Grid');
    fake.paste('Grid', 'B2', [['A', 'I']]);
    await fake.settled();
    expect(seen).toEqual([{ address: 'B2:C2', worksheetId: fake.sheet('Grid').id }]);
  });

  it('fires for an add-in write too, and only on the sheet it was added to', async () => {
    const fake = new ExcelFake();
    fake.addSheet('Grid');
    fake.addSheet('Other');
    const seen = await listen(fake, 'Grid');
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Grid').getRange('C3').values = [['E']];
      ctx.workbook.worksheets.getItem('Other').getRange('C3').values = [['E']];
      await ctx.sync();
    });
    await fake.settled();
    expect(seen.map((a) => [a.address, a.details])).toEqual([['C3', { valueBefore: '', valueAfter: 'E' }]]);
  });

  it('counts a handler from its add until its remove() is synced, and then stops calling it', async () => {
    const fake = new ExcelFake();
    fake.addSheet('Grid');
    fake.addSheet('Other');
    const seen: string[] = [];
    const added = await fake.run(async (ctx) => {
      const result = (ctx.workbook.worksheets.getItem('Grid') as XMeetingWorksheet).onChanged.add(async (a) => void seen.push(a.address));
      expect(fake.changeHandlers('Grid')).toBe(0); // queued, not yet synced
      await ctx.sync();
      return result;
    });
    expect([fake.changeHandlers('Grid'), fake.changeHandlers('Other')]).toEqual([1, 0]);
    added.remove();
    expect(fake.changeHandlers('Grid')).toBe(1);
    await added.context.sync();
    expect(fake.changeHandlers('Grid')).toBe(0);
    fake.type('Grid', 'A1', 'x');
    await fake.settled();
    expect(seen).toEqual([]);
  });

  it('drops every handler when the pane closes', async () => {
    const fake = new ExcelFake();
    fake.addSheet('Grid');
    await listen(fake, 'Grid');
    expect(fake.changeHandlers('Grid')).toBe(1);
    fake.closePane();
    expect(fake.changeHandlers('Grid')).toBe(0);
  });

  it('cannot be added below ExcelApi 1.7', async () => {
    const fake = new ExcelFake({ apiVersion: '1.6' });
    await expect(listen(fake, 'Sheet1')).rejects.toThrow(/onChanged\.add needs ExcelApi 1\.7/);
  });
});

describe('fake sheet protection', () => {
  it('refuses writes and typing once protected, as Excel does', async () => {
    const fake = new ExcelFake();
    fake.addSheet('Log', [['entry']]);
    await fake.run(async (ctx) => {
      (ctx.workbook.worksheets.getItem('Log') as XMeetingWorksheet).protection.protect({ allowFormatColumns: true });
      await ctx.sync();
    });
    expect(fake.isProtected('Log')).toBe(true);
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Log').getRange('A2').values = [['more']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(() => fake.type('Log', 'A2', 'x')).toThrow('"Log" is protected');
    expect(fake.read('Log', 'A1:A2')).toEqual([['entry'], ['']]);
  });
});

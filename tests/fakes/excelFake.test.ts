/**
 * The fake must fail where Excel fails, or the renderer's tests prove nothing.
 * These pin the behaviours the renderer's safety rests on.
 */
import { ExcelFake, mapSheetRefs } from './excelFake';

describe('the recording Excel fake', () => {
  it('applies queued writes only at sync, and counts syncs and request bytes', async () => {
    const fake = new ExcelFake();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:B1').values = [['a', 1]];
      expect(fake.read('Sheet1', 'A1')).toEqual([['']]);
      await ctx.sync();
    });
    expect(fake.read('Sheet1', 'A1:B1')).toEqual([['a', 1]]);
    expect(fake.syncCount).toBe(1);
    expect(fake.requests[0].bytes).toBeGreaterThan(10);
  });

  it('refuses a values array that does not fit its range, but copies a single value to every cell', async () => {
    const fake = new ExcelFake();
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').values = [['a', 'b']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').values = [['x']];
      await ctx.sync();
    });
    expect(fake.read('Sheet1', 'A1:B2')).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
  });

  it('reads strings as Excel does when they are typed: formulas, numbers, booleans, dates', async () => {
    const fake = new ExcelFake();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:F1').values = [['=1+1', '+44 1', '00123', 'TRUE', '2024-01-05', "'=kept"]];
      await ctx.sync();
    });
    expect(['A1', 'B1', 'C1', 'D1', 'E1', 'F1'].map((a) => fake.cell('Sheet1', a)?.type)).toEqual([
      'formula',
      'formula',
      'number',
      'boolean',
      'date',
      'text',
    ]);
    expect(fake.cell('Sheet1', 'F1')?.value).toBe('=kept');
  });

  it('fails a request over the payload limit, like Excel on the web', async () => {
    const fake = new ExcelFake({ payloadLimitBytes: 1000 });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['x'.repeat(2000)]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.read('Sheet1', 'A1')).toEqual([['']]);
  });

  it('fails APIs newer than the Excel it plays', async () => {
    const fake = new ExcelFake({ apiVersion: '1.7' });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').dataValidation.rule = { list: { inCellDropDown: true, source: '=A2:A3' } };
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(fake.isSetSupported('ExcelApi', '1.7')).toBe(true);
    expect(fake.isSetSupported('ExcelApi', '1.8')).toBe(false);
  });

  it('records hidden columns and rows as whole lines, and reads them back as Excel does', async () => {
    const fake = new ExcelFake();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('B1:C1').columnHidden = true;
      ws.getRange('A4').rowHidden = true;
      await ctx.sync();
      const some = ws.getRange('A1:C1').load('columnHidden');
      const all = ws.getRange('B7:C9').load('columnHidden');
      await ctx.sync();
      expect([some.columnHidden, all.columnHidden]).toEqual([null, true]);
    });
    expect([...fake.sheet('Sheet1').hiddenColumns]).toEqual([1, 2]);
    expect([...fake.sheet('Sheet1').hiddenRows]).toEqual([3]);
  });

  it('records the print zoom, which needs ExcelApi 1.9', async () => {
    const fake = new ExcelFake();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      await ctx.sync();
    });
    expect(fake.sheet('Sheet1').zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    const old = new ExcelFake({ apiVersion: '1.8' });
    await expect(
      old.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').pageLayout.zoom = { horizontalFitToPages: 1 };
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(old.sheet('Sheet1').zoom).toBeNull();
  });

  it('throws when a property is read before it was loaded and synced', async () => {
    const fake = new ExcelFake();
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      expect(() => r.values).toThrow(/not available/);
      r.load('values');
      await ctx.sync();
      expect(r.values).toEqual([['']]);
    });
  });

  it('updates references when a sheet is renamed and breaks them when it is deleted', async () => {
    const fake = new ExcelFake();
    fake.addSheet('Old', [['x']]);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:B1').formulas = [['=Old!A1', "='New one'!A1"]];
      const neu = ctx.workbook.worksheets.add('Tmp');
      await ctx.sync();
      neu.name = 'New one';
      ctx.workbook.worksheets.getItem('Old').delete();
      await ctx.sync();
    });
    expect(fake.read('Sheet1', 'A1:B1')).toEqual([['=#REF!A1', "='New one'!A1"]]);
  });

  it('renames references written to a temporary name when the sheet takes its final name', () => {
    expect(mapSheetRefs("=SUM('CM-new 1 Scale'!B2:B6)", (n) => (n === 'CM-new 1 Scale' ? 'Scale' : undefined))).toBe('=SUM(Scale!B2:B6)');
  });

  it('lists every change to a cell, sheet or name of the user', async () => {
    const fake = new ExcelFake();
    fake.addSheet('Data', [['mine']]);
    fake.addName('MyName', '=Data!A1');
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A1').values = [['oops']];
      ctx.workbook.names.getItemOrNullObject('MyName').delete();
      await ctx.sync();
    });
    expect(fake.damage).toEqual(['Data!A1 overwritten', 'name "MyName" deleted']);
  });

  it('stops a failing batch at the failing action, keeping what came before, as Excel does', async () => {
    const fake = new ExcelFake();
    fake.failSync({ when: (a) => a.name === 'values' && a.target.includes('B1'), code: 'GeneralException', message: 'boom' });
    await expect(
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Sheet1');
        ws.getRange('A1').values = [['first']];
        ws.getRange('B1').values = [['second']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException', message: 'boom' });
    expect(fake.read('Sheet1', 'A1:B1')).toEqual([['first', '']]);
    expect(fake.requests[0].failed).toMatch(/boom/);
  });

  it('refuses to hide or delete the last visible sheet', async () => {
    const fake = new ExcelFake();
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').visibility = 'Hidden';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it('answers a missing sheet with a null object rather than an error', async () => {
    const fake = new ExcelFake();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      await ctx.sync();
      expect(ws.isNullObject).toBe(true);
    });
  });
});

describe('damage the fake reports without a write to the cell', () => {
  it("counts a user's formula that turns into #REF! when the sheet it points to is deleted", async () => {
    const fake = new ExcelFake();
    fake.addSheet('Summary', [['=Grid!A1']]);
    fake.addSheet('Grid', [], 'A1', 'api');
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Grid').delete();
      await ctx.sync();
    });
    expect(fake.damage).toEqual(['a formula on "Summary" now refers to #REF! (=#REF!A1)']);
  });

  it("reads a defined name's formula (ExcelApi 1.7) and comment ('' when none), and refuses the formula below 1.7", async () => {
    const fake = new ExcelFake();
    fake.addName('Levels', '=Scales!$A$2:$A$6');
    const read = await fake.run(async (ctx) => {
      const item = ctx.workbook.names.getItemOrNullObject('levels').load('formula,comment');
      const missing = ctx.workbook.names.getItemOrNullObject('Nope').load('formula');
      await ctx.sync();
      return { formula: item.formula, comment: item.comment, missing: missing.isNullObject };
    });
    expect(read).toEqual({ formula: '=Scales!$A$2:$A$6', comment: '', missing: true });
    const old = new ExcelFake({ apiVersion: '1.6' });
    old.addName('Levels', '=Scales!$A$2:$A$6');
    await expect(
      old.run(async (ctx) => {
        ctx.workbook.names.getItemOrNullObject('Levels').load('formula');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

/**
 * Browser entry for the task-pane tests: builds the recording Excel fake from
 * the page's config and installs it as the Office and Excel globals before
 * the add-in's scripts run. The fake stays reachable as window.__fakeHost so
 * a test can read what was written and release a held sync.
 */
import { ExcelFake, installOfficeGlobals, readAsTyped } from '../../fakes/excelFake';
import type { XRequestContext } from '../../../src/host/excelApi';
import { CONFIG_GLOBAL, FAKE_GLOBAL, type FakeHostConfig } from './fakeHostConfig';
import { snapshotWorkbook } from '../../fakes/fakeSnapshot';

const page = window as unknown as Record<string, unknown>;
const config = (page[CONFIG_GLOBAL] ?? {}) as FakeHostConfig;
const fake = new ExcelFake({
  apiVersion: config.apiVersion,
  payloadLimitBytes: config.payloadLimitBytes,
  customFunctionsRuntime: config.customFunctionsRuntime,
});

for (const s of config.sheets ?? []) {
  if (fake.sheetNames().includes(s.name)) {
    const sheet = fake.sheet(s.name);
    const at = /^([A-Z]+)(\d+)$/.exec(s.at ?? 'A1')!;
    const col0 = at[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row0 = Number(at[2]) - 1;
    s.rows.forEach((row, i) =>
      row.forEach((v, j) => v !== '' && sheet.put(row0 + i, col0 + j, { ...readAsTyped(v), origin: 'user' }, 'seeded')),
    );
  } else {
    fake.addSheet(s.name, s.rows, s.at);
  }
}
for (const t of config.tables ?? []) fake.addTable(t.sheet, t.name, t.address);
if (config.selection) fake.select(config.selection.sheet, config.selection.address);
if (config.failFirstWrite) {
  const { code, message } = config.failFirstWrite;
  fake.failSync({ when: (a) => a.kind === 'set' && (a.name === 'values' || a.name === 'formulas'), code, message });
}

// A held sync lets a test see progress and cancel mid-way, deterministically:
// holdNextSync() arms it, the next sync waits until release().
let release: () => void = () => undefined;
let holdNext = false;
let syncs = 0;

installOfficeGlobals(fake, page);
page.Excel = {
  run: <T>(batch: (context: XRequestContext) => Promise<T>) =>
    fake.run((context) => {
      const sync = context.sync.bind(context);
      (context as { sync: XRequestContext['sync'] }).sync = async <U>(value?: U) => {
        syncs++;
        if (holdNext) {
          holdNext = false;
          await new Promise<void>((resolve) => {
            release = resolve;
          });
        }
        return sync(value);
      };
      return batch(context);
    }),
};
// Excel's shared runtime provides CustomFunctions; functions.js registers the worksheet functions with it.
const associated: string[] = [];
class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}
page.CustomFunctions = {
  associate: (id: string) => void associated.push(id),
  Error: CustomFunctionsError,
  ErrorCode: {
    invalidValue: '#VALUE!',
    notAvailable: '#N/A',
    divisionByZero: '#DIV/0!',
    invalidNumber: '#NUM!',
    nullReference: '#NULL!',
    invalidName: '#NAME?',
    invalidReference: '#REF!',
  },
};

if (config.themeBackground) {
  const office = page.Office as { context: Record<string, unknown> };
  office.context.officeTheme = {
    bodyBackgroundColor: config.themeBackground,
    bodyForegroundColor: '#000000',
    controlBackgroundColor: config.themeBackground,
    controlForegroundColor: '#000000',
  };
}

page[FAKE_GLOBAL] = {
  fake,
  holdNextSync: () => {
    holdNext = true;
  },
  release: () => release(),
  syncsSeen: () => syncs,
  functionsAssociated: () => associated,
  sheetNames: () => fake.sheetNames(),
  read: (sheet: string, address: string) => fake.read(sheet, address),
  /** A user selecting cells, as before choosing "Create grid" for the people there. */
  select: (sheet: string, address: string) => fake.select(sheet, address),
  /** Everything on a sheet (id, cells, rules, dropdowns): equal records mean the sheet was not touched. */
  sheetRecord: (sheet: string) => fake.sheetRecord(sheet),
  /** A manager picking a level in a cell, as a person would. */
  type: (sheet: string, address: string, value: string | number) => fake.type(sheet, address, value),
  /** A person pasting a block of cells: one change event, without before/after details. */
  paste: (sheet: string, address: string, rows: (string | number)[][]) => fake.paste(sheet, address, rows),
  isProtected: (sheet: string) => fake.isProtected(sheet),
  damage: () => fake.damage,
  /** The whole workbook as the fake holds it, for deep comparison (undo). */
  snapshot: () => snapshotWorkbook(fake),
  requests: () => fake.requests.map((r) => ({ bytes: r.bytes, actions: r.actions, failed: r.failed })),
  conditionalFormats: (sheet: string) => fake.sheet(sheet).conditionalFormats.map((c) => ({ address: c.address, type: c.type })),
  validations: (sheet: string) => fake.sheet(sheet).validations.map((v) => ({ address: v.address, source: v.rule?.list?.source })),
};

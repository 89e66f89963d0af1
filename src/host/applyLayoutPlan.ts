/**
 * Applies a layout plan to the open workbook through Office.js, fast and safe.
 *
 * Fast: one round trip looks at the workbook, a few read the product's old
 * sheets when regenerating, then the writes go out packed into requests under
 * the payload budget (values first, formats after, calculation suspended), and
 * one last round trip puts the new sheets in place.
 *
 * Safe: requirement sets are checked before anything is written. New sheets are
 * built under temporary names and only renamed into place once complete; on a
 * failure or cancel they are removed, so no half-written sheet is left behind
 * silently. Only sheets the registry says the product made are ever replaced,
 * and only after checking they still look like it; a user's sheet with a
 * wanted name means a new, unique name. Ratings in the sheets being rebuilt are
 * read first and carried into the new plan; what cannot be placed goes on an
 * "Unplaced ratings" sheet. Strings are written so Excel keeps them as text.
 */
import type { XRequestContext, XWorksheet } from './excelApi';
import type { ExcelHost } from './excelHost';
import { officeHost } from './excelHost';
import { hostCapabilities } from './capabilities';
import type { ApplyOptions, ApplyProgress, ApplyReport } from './applyReport';
import { ApplyError, excelErrorText } from './applyReport';
import { EXCEL_MAX_FORMULA, EXCEL_MAX_TEXT, textInput } from './cellInput';
import { DEFAULT_READ_BUDGET_BYTES, DEFAULT_REQUEST_BUDGET_BYTES, ACTION_OVERHEAD_BYTES, jsonBytes } from './payload';
import type { WriteOp } from './writes';
import { blockWrites, packRequests, quoted } from './writes';
import { formatWrites } from './formatWrites';
import type { LiveEntry, Round, WorkbookState } from './workbookState';
import { liveEntries, readWorkbookState } from './workbookState';
import type { OldSheetReading } from './oldSheets';
import { readOldSheets, rectContains } from './oldSheets';
import type { LayoutPlan, PlanCell, SheetPlan } from '../core/layouts/plan';
import { isFormula, planSize } from '../core/layouts/plan';
import { rectRef } from '../core/layouts/a1';
import { uniqueSheetName } from '../core/layouts/sheetNames';
import { renameSheetRefs, sheetRenames } from '../core/layouts/sheetRefs';
import type { Registry, RegisteredSheet } from '../core/layouts/registry';
import { REGISTRY_SHEET_NAME, registeredSheet, registryRows } from '../core/layouts/registry';
import { markPlacedRated } from '../core/cycle/ratedRecord';
import type { UnplacedRating } from '../core/layouts/carryRatings';
import { carryRatings, ratingKey } from '../core/layouts/carryRatings';
import { UNPLACED_SHEET_NAME } from '../core/layouts/unplacedRatingsSheet';
import { CompetencyError, listForHumans } from '../core/problems';
import { UndoKeeper } from './undo/keepForUndo';

const EXCEL_MAX_ROWS = 1_048_576;
const EXCEL_MAX_COLS = 16_384;

/** Writes a plan into the open workbook; see ApplyReport for what it tells. Throws CompetencyError or ApplyError with a message for the user. */
export async function applyLayoutPlan(plan: LayoutPlan, options: ApplyOptions = {}): Promise<ApplyReport> {
  const host: ExcelHost = options.host ?? officeHost();
  hostCapabilities(host);
  checkPlan(plan);
  if (options.signal?.aborted) throw cancelled(plan, []);
  return host.run((context) => new PlanWriter(context, plan, options).run());
}

function cancelled(plan: LayoutPlan, leftBehind: string[]): ApplyError {
  const rest = leftBehind.length
    ? ` The partly built sheets ${listForHumans(leftBehind.map(quoted), 'and')} could not be removed; delete them by hand. Your own sheets were not touched.`
    : ' Nothing in your workbook was changed.';
  return new ApplyError('cancelled', `Cancelled before ${plan.title} was finished.${rest}`, {
    written: [],
    notWritten: plan.sheets.map((s) => s.name),
    leftBehind,
  });
}

/** Problems in the plan that Excel would refuse half-way, found before anything is written. */
export function checkPlan(plan: LayoutPlan): void {
  for (const sheet of plan.sheets) {
    for (const b of sheet.blocks) {
      const width = b.cells.reduce((m, r) => Math.max(m, r.length), 0);
      if (b.row < 0 || b.col < 0 || b.row + b.cells.length > EXCEL_MAX_ROWS || b.col + width > EXCEL_MAX_COLS) {
        throw new CompetencyError(
          'invalid-argument',
          `“${sheet.name}” would need more than Excel's ${EXCEL_MAX_ROWS.toLocaleString('en-US')} rows or ${EXCEL_MAX_COLS.toLocaleString('en-US')} columns; split the roster or the framework and try again. Nothing was changed.`,
        );
      }
      b.cells.forEach((row, i) =>
        row.forEach((c, j) => {
          const at = () => rectRef({ row: b.row + i, col: b.col + j, rows: 1, cols: 1 });
          if (isFormula(c) && c.formula.length + 1 > EXCEL_MAX_FORMULA) {
            throw new CompetencyError(
              'invalid-argument',
              `The formula for ${at()} on “${sheet.name}” is ${(c.formula.length + 1).toLocaleString('en-US')} characters long; Excel takes at most ${EXCEL_MAX_FORMULA.toLocaleString('en-US')} in a formula. Nothing was changed.`,
            );
          }
          const t = typeof c === 'string' ? c : '';
          if (t.length > EXCEL_MAX_TEXT) {
            throw new CompetencyError(
              'invalid-argument',
              `A cell for ${at()} on “${sheet.name}” holds ${t.length.toLocaleString('en-US')} characters; Excel keeps at most ${EXCEL_MAX_TEXT.toLocaleString('en-US')} in a cell. Shorten that text in the source and try again. Nothing was changed.`,
            );
          }
        }),
      );
    }
  }
}

/** Where a sheet of the final plan goes. */
interface Target {
  plan: SheetPlan;
  finalName: string;
  tempName: string;
  /** The product's old sheet it replaces, if any. */
  replaces?: OldSheetReading;
  handle?: XWorksheet;
}

type OldFate = { reading: OldSheetReading; fate: 'replace' | 'aside' | 'foreign'; reason?: string };

class PlanWriter {
  private syncs = 0;
  private done = 0;
  private total = 4;
  private largest = 0;
  private readonly warnings: string[] = [];
  private readonly budget: number;
  private readonly readBudget: number;
  private targets: Target[] = [];
  private registryTarget?: { tempName: string; handle?: XWorksheet };
  private startedWriting = false;
  private readonly asideNames: { was: string; now: string }[] = [];
  private keeper?: UndoKeeper;

  constructor(
    private readonly ctx: XRequestContext,
    private readonly plan: LayoutPlan,
    private readonly options: ApplyOptions,
  ) {
    this.budget = options.requestBudgetBytes ?? DEFAULT_REQUEST_BUDGET_BYTES;
    this.readBudget = options.readBudgetBytes ?? DEFAULT_READ_BUDGET_BYTES;
  }

  private readonly round: Round = async (phase, detail) => {
    await this.ctx.sync();
    this.syncs++;
    this.done++;
    if (this.done >= this.total) this.total = this.done + 1;
    const progress: ApplyProgress = { done: this.done, total: this.total, phase, detail };
    this.options.onProgress?.(progress);
  };

  async run(): Promise<ApplyReport> {
    let state: WorkbookState;
    let readings: OldSheetReading[];
    try {
      if (this.options.keepForUndo) this.keeper = await this.startKeeping();
      state = await readWorkbookState(this.ctx, this.round, this.readBudget);
      readings = await readOldSheets(this.ctx, this.candidates(state), this.round, this.readBudget);
    } catch (e) {
      if (e instanceof CompetencyError) throw e;
      throw new ApplyError(
        'reading',
        `Could not read the workbook before writing ${this.plan.title}: Excel said "${excelErrorText(e)}". Nothing was changed.`,
        { written: [], notWritten: this.plan.sheets.map((s) => s.name), leftBehind: [] },
        e,
      );
    }
    if (this.options.signal?.aborted) throw cancelled(this.plan, []);

    const fates = this.judge(readings);
    const { plan, kept, keptByRegion, unplaced } = this.carry(fates);
    const registry = this.resolveTargets(state, plan, fates);
    const ops = this.writesFor(plan, registry);
    const createBytes = (this.targets.length + 1) * ACTION_OVERHEAD_BYTES * 2;
    const requests = packRequests(ops, this.budget, createBytes);
    if (!requests.length) requests.push([]);
    this.total = this.done + requests.length + 1;

    await this.write(requests, createBytes);
    await this.commit(state, fates, registry);
    if (this.keeper) await this.keeper.notePlanInputs(this.ctx, this.newLives(registry), readings, this.round, this.readBudget);

    const unplacedTarget = unplaced.length ? this.targets.find((t) => t.plan.kind === 'unplaced') : undefined;
    return {
      title: this.plan.title,
      sheetsCreated: this.targets.filter((t) => !t.replaces).map((t) => t.finalName),
      sheetsReplaced: this.targets.filter((t) => t.replaces).map((t) => t.finalName),
      renamed: this.targets
        .filter((t) => !t.replaces && t.finalName !== t.plan.name)
        .map((t) => ({ wanted: t.plan.name, name: t.finalName })),
      keptAside: this.asideNames,
      ratingsKept: kept,
      keptByRegion,
      ratingsUnplaced: unplaced.length,
      unplacedRatings: unplaced,
      ...(unplacedTarget ? { unplacedSheet: unplacedTarget.finalName } : {}),
      warnings: this.warnings,
      syncs: this.syncs,
      largestRequestBytes: this.largest,
      cells: planSize(plan).cells,
      undoable: !!this.keeper,
    };
  }

  /** The sheets just put in place, as the registry now lists them. */
  private newLives(registry: Registry): LiveEntry[] {
    return this.targets.flatMap((t) => {
      const entry = registry.sheets.find((e) => e.name === t.finalName);
      if (!entry || !t.handle) return [];
      return [{ entry, sheet: { name: t.finalName, id: t.handle.id, position: 0, visibility: 'Visible', handle: t.handle } }];
    });
  }

  /** What the previous action kept goes; this one's undo starts (unless a sheet of the user's has the record's name). */
  private async startKeeping(): Promise<UndoKeeper | undefined> {
    const keeper = await UndoKeeper.start(this.ctx, this.plan, this.round);
    if (!keeper.blocked) return keeper;
    this.warnings.push(keeper.blocked);
    return undefined;
  }

  /** The product's sheets this plan would rebuild: same wanted name; the unplaced-ratings sheet whenever ratings are involved. */
  private candidates(state: WorkbookState): LiveEntry[] {
    const lives = liveEntries(state);
    const wanted = new Set(this.plan.sheets.map((s) => s.name.toLowerCase()));
    if (this.plan.sheets.some((s) => s.inputs?.length)) wanted.add(UNPLACED_SHEET_NAME.toLowerCase());
    const seen = new Set<string>();
    return lives.filter((l) => {
      const key = l.entry.wanted.toLowerCase();
      if (!wanted.has(key) || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** Decides, for each old sheet, whether it is replaced, kept aside under another name, or not the product's any more. */
  private judge(readings: OldSheetReading[]): OldFate[] {
    return readings.map((reading) => {
      const { entry, sheet } = reading.live;
      if (!reading.signatureOk) {
        this.warnings.push(
          `${quoted(sheet.name)} no longer looks like the sheet Competency Matrix made (${entry.signature?.cell} changed), so it was left alone as yours; ratings on it were not carried over.`,
        );
        return { reading, fate: 'foreign' };
      }
      if (entry.damaged)
        return {
          reading,
          fate: 'aside',
          reason: `the add-in's records of it were edited (${entry.damaged}), so its ratings could not be read safely`,
        };
      if (reading.strays.length) {
        return {
          reading,
          fate: 'aside',
          reason: `it holds entries of yours in cells Competency Matrix left empty (${reading.strays.join(', ')})`,
        };
      }
      if (!rectContains(entry.footprint, reading.used)) {
        return {
          reading,
          fate: 'aside',
          reason: `it holds entries of yours outside what Competency Matrix wrote (${entry.footprint ? rectRef(entry.footprint) : 'nothing'})`,
        };
      }
      return { reading, fate: 'replace' };
    });
  }

  /** Reads the old ratings into the plan; two different old values for one cell both survive. */
  private carry(fates: OldFate[]): { plan: LayoutPlan; kept: number; keptByRegion: Record<string, number>; unplaced: UnplacedRating[] } {
    const ratings = new Map<string, PlanCell>();
    const clashes: UnplacedRating[] = [];
    // Ratings from the grids win over ratings from an old "Unplaced ratings" sheet.
    const ordered = fates
      .filter((f) => f.fate !== 'foreign')
      .sort((a, b) => Number(a.reading.live.entry.kind === 'unplaced') - Number(b.reading.live.entry.kind === 'unplaced'));
    for (const { reading } of ordered) {
      for (const r of reading.ratings) {
        const key = ratingKey(r.region, r.person, r.competency);
        const before = ratings.get(key);
        if (before === undefined) ratings.set(key, r.value);
        else if (String(before).trim() !== String(r.value).trim()) clashes.push({ ...r, reason: 'conflict' });
      }
    }
    if (!ratings.size && !clashes.length) return { plan: this.plan, kept: 0, keptByRegion: {}, unplaced: [] };
    const result = carryRatings(this.plan, ratings, { alsoUnplaced: clashes });
    const n = (k: number, one: string, many: string) => `${k.toLocaleString('en-US')} ${k === 1 ? one : many}`;
    const conflicts = result.unplaced.filter((u) => u.reason === 'conflict').length;
    const homeless = result.unplaced.length - conflicts;
    if (homeless) {
      const people = new Set(result.unplaced.filter((u) => u.reason !== 'conflict').map((u) => u.person)).size;
      this.warnings.push(
        `${n(homeless, 'rating', 'ratings')} (${n(people, 'person', 'people')}) could not be placed on the new sheets; they are kept on the sheet ${quoted(UNPLACED_SHEET_NAME)}.`,
      );
    }
    if (conflicts) {
      this.warnings.push(
        `${n(conflicts, 'value', 'values')} differed between the workbook and the new data for the same cell; the workbook's were kept, the others are listed on the sheet ${quoted(UNPLACED_SHEET_NAME)}.`,
      );
    }
    return result;
  }

  /** Final and temporary names for every sheet, and the registry the workbook will have afterwards. */
  private resolveTargets(state: WorkbookState, plan: LayoutPlan, fates: OldFate[]): Registry {
    const taken = new Set(state.sheets.map((s) => s.name.toLowerCase()));
    taken.add(REGISTRY_SHEET_NAME.toLowerCase());
    const claimable = new Map<string, OldFate>();
    for (const f of fates) if (f.fate !== 'foreign') claimable.set(f.reading.live.entry.wanted.toLowerCase(), f);
    const finals: string[] = [];
    this.targets = plan.sheets.map((sheet) => {
      const f = claimable.get(sheet.name.toLowerCase());
      let finalName: string;
      if (f) {
        claimable.delete(sheet.name.toLowerCase());
        finalName = f.reading.live.sheet.name;
      } else {
        finalName = uniqueSheetName(sheet.name, [...taken, ...finals]);
        taken.add(finalName.toLowerCase());
        if (finalName !== sheet.name) {
          this.warnings.push(
            `A sheet named ${quoted(sheet.name)} already exists and is not one Competency Matrix made, so the new sheet is called ${quoted(finalName)}.`,
          );
        }
      }
      finals.push(finalName.toLowerCase());
      return { plan: sheet, finalName, tempName: '', replaces: f?.reading };
    });
    // Old sheets set aside get a name of their own; the new sheet takes theirs.
    for (const f of fates) {
      if (f.fate !== 'aside') continue;
      const was = f.reading.live.sheet.name;
      const now = uniqueSheetName(`${was} (old)`, [...taken, ...finals]);
      taken.add(now.toLowerCase());
      this.asideNames.push({ was, now });
      this.warnings.push(
        `${quoted(was)} was not replaced because ${f.reason}; it was kept as ${quoted(now)}, and the new sheet is ${quoted(was)}.`,
      );
    }
    const everyName = () => [...taken, ...finals];
    this.targets.forEach((t, k) => {
      t.tempName = uniqueSheetName(`CM-new ${k + 1} ${t.plan.name}`, everyName());
      taken.add(t.tempName.toLowerCase());
    });
    this.registryTarget = { tempName: uniqueSheetName('CM-new registry', everyName()) };

    const touched = new Set(fates.map((f) => f.reading.live.entry));
    const kept = liveEntries(state)
      .filter((l) => !touched.has(l.entry))
      .map((l) => ({ ...l.entry, name: l.sheet.name }));
    // A collect's placements are decided ratings, as the command line records them.
    const untouched = plan.ratedCells?.length ? markPlacedRated(kept, plan.ratedCells) : kept;
    const fresh: RegisteredSheet[] = this.targets.map((t) => registeredSheet(t.plan, t.finalName, this.plan.title));
    const ownedNames = new Set(state.registry.names.map((n) => n.toLowerCase()));
    const existingNames = new Set(state.names.map((n) => n.toLowerCase()));
    const names = state.registry.names.filter(
      (n) => existingNames.has(n.toLowerCase()) || plan.names.some((p) => p.name.toLowerCase() === n.toLowerCase()),
    );
    for (const n of plan.names) {
      const key = n.name.toLowerCase();
      if (existingNames.has(key) && !ownedNames.has(key)) {
        this.warnings.push(
          `The name ${quoted(n.name)} already exists in this workbook and is not one Competency Matrix made, so it was left as it is; formulas that use it may show other cells than intended.`,
        );
      } else if (!names.some((x) => x.toLowerCase() === key)) names.push(n.name);
    }
    // A cycle workbook's records outlive a regenerate of its sheets (unless the plan is a collect's); so do the grids, unless the plan builds one.
    const grids = plan.grids ?? state.registry.grids;
    const cycle = plan.cycle ?? state.registry.cycle;
    return {
      sheets: [...untouched, ...fresh],
      names,
      ...(cycle ? { cycle } : {}),
      ...(grids ? { grids } : {}),
    };
  }

  private writesFor(plan: LayoutPlan, registry: Registry): WriteOp[] {
    const toTemp = sheetRenames(this.targets.map((t) => [t.plan.name, t.tempName]));
    const formula = (f: string) => renameSheetRefs(f, toTemp);
    const values: WriteOp[] = [];
    const formats: WriteOp[] = [];
    this.targets.forEach((t, k) => {
      for (const block of t.plan.blocks) values.push(...blockWrites('values', k, t.finalName, block, formula, this.budget));
      formats.push(
        ...formatWrites(t.plan, {
          target: k,
          label: t.finalName,
          styles: plan.styles,
          formula,
          warn: (m) => this.warnings.push(m),
        }),
      );
    });
    const rows = registryRows(registry);
    const registryWrites = blockWrites(
      'registry',
      this.targets.length,
      'the list of sheets Competency Matrix made',
      { row: 0, col: 0, cells: rows },
      (f) => f,
      this.budget,
    );
    return [...values, ...formats, ...registryWrites];
  }

  private handleOf(target: number): XWorksheet {
    const h = target === this.targets.length ? this.registryTarget!.handle : this.targets[target].handle;
    if (!h) throw new Error(`sheet ${target} was not created`);
    return h;
  }

  private async write(requests: WriteOp[][], createBytes: number): Promise<void> {
    const app = this.ctx.workbook.application;
    for (let k = 0; k < requests.length; k++) {
      if (this.options.signal?.aborted) {
        const leftBehind = await this.removeTemporarySheets();
        throw cancelled(this.plan, leftBehind);
      }
      const request = requests[k];
      try {
        app.suspendApiCalculationUntilNextSync();
        app.suspendScreenUpdatingUntilNextSync();
        if (k === 0) {
          this.startedWriting = true;
          for (const t of this.targets) t.handle = this.ctx.workbook.worksheets.add(t.tempName).load('id');
          this.registryTarget!.handle = this.ctx.workbook.worksheets.add(this.registryTarget!.tempName);
        }
        for (const op of request) op.apply(this.handleOf(op.target));
        const bytes = request.reduce((s, op) => s + op.bytes, k === 0 ? createBytes : 0) + ACTION_OVERHEAD_BYTES * 2;
        this.largest = Math.max(this.largest, bytes);
        await this.round('writing', request.length ? `Writing ${request[0].what}` : 'Creating the sheets');
      } catch (e) {
        const what = request.length
          ? request[0].what + (request.length > 1 ? ` to ${request[request.length - 1].what}` : '')
          : 'the new sheets';
        const leftBehind = await this.removeTemporarySheets();
        const rest = leftBehind.length
          ? ` The partly written sheets ${listForHumans(leftBehind.map(quoted), 'and')} could not be removed; delete them by hand. Your own sheets were not touched.`
          : ' Nothing in your workbook was changed: the partly written sheets were removed.';
        throw new ApplyError(
          'writing',
          `Excel stopped while writing ${this.plan.title} (${what}): "${excelErrorText(e)}". Not written: ${listForHumans(
            this.targets.map((t) => quoted(t.finalName)),
            'and',
          )}.${rest}`,
          { written: [], notWritten: this.targets.map((t) => t.finalName), leftBehind },
          e,
        );
      }
    }
  }

  /** Deletes every sheet built under a temporary name; returns those that could not be deleted. */
  private async removeTemporarySheets(): Promise<string[]> {
    const temps = [...this.targets.map((t) => t.tempName), this.registryTarget?.tempName ?? ''].filter(Boolean);
    if (!this.startedWriting) return [];
    try {
      const sheets = this.ctx.workbook.worksheets.load('items/name');
      await this.ctx.sync();
      this.syncs++;
      const lower = new Set(temps.map((n) => n.toLowerCase()));
      const present = sheets.items.filter((s) => lower.has(s.name.toLowerCase()));
      if (!present.length) return [];
      for (const s of present) s.delete();
      await this.ctx.sync();
      this.syncs++;
      return [];
    } catch {
      return temps;
    }
  }

  /** One round trip: old sheets out (or aside), new sheets renamed into place, registry swapped, names added. */
  private async commit(state: WorkbookState, fates: OldFate[], registry: Registry): Promise<void> {
    const wb = this.ctx.workbook;
    try {
      // Replaced sheets take the old one's place in the tab order.
      let shift = 0;
      const byPosition = fates
        .filter((f) => f.fate !== 'foreign')
        .sort((a, b) => a.reading.live.sheet.position - b.reading.live.sheet.position);
      // Names no sheet may take while the kept ones are renamed.
      const taken = new Set(
        [
          ...state.sheets.map((s) => s.name),
          ...this.targets.flatMap((t) => [t.tempName, t.finalName]),
          ...this.asideNames.map((a) => a.now),
          this.registryTarget!.tempName,
        ].map((n) => n.toLowerCase()),
      );
      for (const f of byPosition) {
        const old = f.reading.live.sheet;
        const target = this.targets.find((t) => t.replaces === f.reading);
        if (target?.handle) target.handle.position = old.position + shift;
        if (f.fate === 'aside') {
          old.handle.name = this.asideNames.find((a) => a.was === old.name)!.now;
          shift++;
        } else if (this.keeper) {
          this.keeper.keep(old, 'sheet', taken);
          shift++;
        } else old.handle.delete();
      }
      for (const t of this.targets) {
        t.handle!.name = t.finalName;
        if (t.plan.hidden) t.handle!.visibility = 'Hidden';
      }
      const reg = this.registryTarget!.handle!;
      if (state.registrySheet && this.keeper) this.keeper.keep(state.registrySheet, 'registry', taken);
      else state.registrySheet?.handle.delete();
      reg.name = REGISTRY_SHEET_NAME;
      reg.visibility = 'Hidden';
      // The registry was written before the new sheets' Excel ids were known.
      const rows = registryRows(registry);
      this.targets.forEach((t) => {
        const r = rows.findIndex((row) => row[0] === 'sheet' && row[1] === t.finalName);
        if (r >= 0 && t.handle?.id) reg.getRangeByIndexes(r, 6, 1, 1).values = [[textInput(t.handle.id)]];
      });
      const toFinal = sheetRenames(this.targets.map((t) => [t.plan.name, t.finalName]));
      const existing = new Set(state.names.map((n) => n.toLowerCase()));
      const owned = new Set(state.registry.names.map((n) => n.toLowerCase()));
      for (const n of this.plan.names) {
        const key = n.name.toLowerCase();
        if (existing.has(key) && !owned.has(key)) continue;
        if (existing.has(key)) wb.names.getItemOrNullObject(n.name).delete();
        wb.names.add(n.name, `=${renameSheetRefs(n.ref, toFinal)}`, n.comment);
      }
      this.keeper?.writeRecord(
        this.ctx,
        state,
        this.targets.map((t) => ({ name: t.finalName, id: t.handle!.id })),
        this.asideNames.map((a) => {
          const old = state.sheets.find((s) => s.name === a.was)!;
          return { ...a, id: old.id, position: old.position };
        }),
      );
      wb.application.calculate('Recalculate');
      this.targets.find((t) => !t.plan.hidden)?.handle?.activate();
      const bytes =
        jsonBytes(this.plan.names) + ACTION_OVERHEAD_BYTES * (this.targets.length * 3 + fates.length * 2 + this.plan.names.length * 2 + 8);
      this.largest = Math.max(this.largest, bytes);
      await this.round('finishing', 'Putting the new sheets in place');
    } catch (e) {
      throw await this.commitFailure(e, fates);
    }
  }

  /** After a failed last step, looks at which sheets made it and says so; if none did, removes the finished copies. */
  private async commitFailure(e: unknown, fates: OldFate[]): Promise<ApplyError> {
    let names: Set<string> | undefined;
    try {
      const sheets = this.ctx.workbook.worksheets.load('items/name');
      await this.ctx.sync();
      this.syncs++;
      names = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    } catch {
      names = undefined;
    }
    const untouched =
      names !== undefined &&
      this.targets.every((t) => names!.has(t.tempName.toLowerCase())) &&
      fates.every((f) => f.fate === 'foreign' || names!.has(f.reading.live.sheet.name.toLowerCase()));
    if (untouched) {
      const leftBehind = await this.removeTemporarySheets();
      const rest = leftBehind.length
        ? ` The finished copies ${listForHumans(leftBehind.map(quoted), 'and')} could not be removed; delete them by hand. Your own sheets were not touched.`
        : ' Nothing in your workbook was changed.';
      return new ApplyError(
        'finishing',
        `Excel stopped while putting the new sheets of ${this.plan.title} in place: "${excelErrorText(e)}". Not written: ${listForHumans(
          this.targets.map((t) => quoted(t.finalName)),
          'and',
        )}.${rest}`,
        { written: [], notWritten: this.targets.map((t) => t.finalName), leftBehind },
        e,
      );
    }
    const written: string[] = [];
    const notWritten: string[] = [];
    const leftBehind: string[] = [];
    for (const t of this.targets) {
      const inPlace = names ? names.has(t.finalName.toLowerCase()) && !names.has(t.tempName.toLowerCase()) : false;
      if (inPlace) written.push(t.finalName);
      else {
        notWritten.push(t.finalName);
        if (names?.has(t.tempName.toLowerCase())) leftBehind.push(t.tempName);
      }
    }
    const parts = [`Excel stopped while putting the new sheets of ${this.plan.title} in place: "${excelErrorText(e)}".`];
    if (!names) parts.push('The workbook could not be checked afterwards; look for sheets whose names start with "CM-new".');
    else {
      parts.push(written.length ? `In place: ${listForHumans(written.map(quoted), 'and')}.` : 'None of the new sheets is in place.');
      if (notWritten.length) {
        const copies = leftBehind.length
          ? ` (finished copies are kept as ${listForHumans(leftBehind.map(quoted), 'and')}; rename them or run again)`
          : '';
        parts.push(`Not in place: ${listForHumans(notWritten.map(quoted), 'and')}${copies}.`);
      }
    }
    parts.push('Your own sheets were not touched.');
    return new ApplyError('finishing', parts.join(' '), { written, notWritten, leftBehind }, e);
  }
}

/**
 * The real workbench: the task pane's actions done for real. The framework
 * library, the layouts and the Office.js renderer are loaded on first use
 * (separate chunks), so the pane is interactive before any of them arrive.
 * Office.js itself is only ever reached through src/host.
 */
import { officeEnvironment } from '../../host/officeEnvironment';
import type { FrameworkModel } from '../../core/framework/model';
import type { Roster } from '../../core/roster';
import type { LayoutPlan } from '../../core/layouts/plan';
import type { ApplyProgress } from '../../host/applyReport';
import { preferredTheme } from '../theme/themeFor';
import { strings } from '../strings';
import { summaryOfReport, summaryOfUndo } from './summaryOfReport';
import type { ActionSummary, GridRequest, GridSummary, HostInfo, RosterSource, RunControl, Workbench } from './types';
import { CompetencyError } from '../../core/problems';
import type { GridRecord } from '../../core/layouts/gridRecords';

/** The name a planned sheet got in the workbook (another if a sheet of the user's had the name). */
function finalName(summary: ActionSummary & { renamed?: { wanted: string; name: string }[] }, planned: string): string {
  return summary.renamed?.find((r) => r.wanted === planned)?.name ?? planned;
}
import { meetingActions } from './meetingWorkbench';

/** Everything writing needs, in one lazily loaded chunk. */
function loadWriting() {
  return Promise.all([
    import(/* webpackChunkName: "writing" */ '../../core/layouts/workbook'),
    import(/* webpackChunkName: "writing" */ '../../host/applyLayoutPlan'),
    import(/* webpackChunkName: "writing" */ '../../core/roster'),
    import(/* webpackChunkName: "writing" */ '../../host/readRoster'),
    import(/* webpackChunkName: "writing" */ '../../host/readGrids'),
    import(/* webpackChunkName: "writing" */ '../../core/layouts/gridRosterRows'),
    import(/* webpackChunkName: "writing" */ '../../host/readProductInputs'),
    import(/* webpackChunkName: "writing" */ '../../core/layouts/coverageLevelsFromInputs'),
    import(/* webpackChunkName: "writing" */ '../../core/layouts/gridWorkbook'),
    import(/* webpackChunkName: "writing" */ '../../host/readCalibrationInputs'),
  ]).then(([workbook, apply, roster, read, grids, gridRoster, inputs, coverage, gridWorkbook, calibrationInputs]) => ({
    ...workbook,
    ...apply,
    ...roster,
    ...read,
    ...grids,
    ...gridRoster,
    ...inputs,
    ...coverage,
    ...gridWorkbook,
    ...calibrationInputs,
  }));
}

type Writing = Awaited<ReturnType<typeof loadWriting>>;

function loadUndo() {
  return import(/* webpackChunkName: "writing" */ '../../host/undo/undoLastAction');
}

/** Reading and writing the frameworks kept in the workbook. */
function loadStorage() {
  return Promise.all([
    import(/* webpackChunkName: "writing" */ '../../host/readStoredFrameworks'),
    import(/* webpackChunkName: "writing" */ '../../core/interchange/frameworkSheet'),
    import(/* webpackChunkName: "writing" */ '../../core/interchange/frameworkDataSheet'),
    import(/* webpackChunkName: "library" */ '../../core/frameworks/library'),
  ]).then(([read, sheet, dataSheet, library]) => ({
    async storedFrameworks() {
      const rows = await read.readStoredFrameworkRows();
      return rows ? sheet.frameworksFromSheetRows(rows) : [];
    },
    /**
     * A framework that is not built in travels with the workbook: the plan also
     * rewrites the hidden sheet of kept frameworks, with this one added or replaced.
     */
    async keepInWorkbook(plan: LayoutPlan, model: FrameworkModel): Promise<LayoutPlan> {
      if (library.findBuiltIn(model.id) === model) return plan;
      const rows = await read.readStoredFrameworkRows();
      const stored = rows ? sheet.frameworksFromSheetRows(rows) : [];
      return dataSheet.planKeepingFramework(plan, stored, model.data);
    },
  }));
}

/** The grid on `sheet` in the workbook, made with `model`; a plain error when it is gone or was made with another framework. */
async function gridOn(sheet: string, model: FrameworkModel, w: Writing) {
  return pickGrid(await w.readWorkbookGrids(), sheet, model);
}

/** The grid on a sheet, among the grids read, refused if it has gone or is of another framework. */
function pickGrid(read: Awaited<ReturnType<Writing['readWorkbookGrids']>>, sheet: string, model: FrameworkModel) {
  const found = read.grids.find((g) => g.grid.geometry.sheetName === sheet);
  if (!found) throw new CompetencyError('invalid-argument', strings.gridChoice.gone(sheet));
  if (found.grid.geometry.frameworkId !== model.id)
    throw new CompetencyError('invalid-argument', strings.gridChoice.otherFramework(sheet, model.name));
  return { ...found, read };
}

/** A grid's layout among the workbook's others (added, or rebuilt with `rebuild`), and what the summary says about it. */
function placedGrid(
  w: Writing,
  model: FrameworkModel,
  options: Parameters<Writing['gridWorkbookLayout']>[1],
  read: Awaited<ReturnType<Writing['readWorkbookGrids']>>,
  label: string,
  rebuild?: GridRecord,
) {
  const layout = w.gridWorkbookLayout(model, options, {
    registry: read.registry,
    grids: read.records,
    rebuild,
    label,
    writtenAt: new Date().toISOString(),
    taken: read.sheetNames,
  });
  const others = read.records.length - (rebuild ? 1 : 0);
  return { layout, grid: { sheet: layout.grid!.sheetName, added: layout.added, shared: layout.shared, others } };
}

function loadHostReading() {
  return Promise.all([
    import(/* webpackChunkName: "writing" */ '../../host/excelHost'),
    import(/* webpackChunkName: "writing" */ '../../host/capabilities'),
  ]).then(([host, caps]) => ({ ...host, ...caps }));
}

function applyOptions(run: RunControl) {
  return {
    // Every action keeps what it replaces, so the pane can offer to undo it.
    keepForUndo: true,
    signal: run.signal,
    onProgress: (p: ApplyProgress) => run.onProgress({ done: p.done, total: p.total, detail: p.detail }),
  };
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new DOMException(strings.summary.cancelledBody, 'AbortError');
}

/** The people of a roster source, and whose they are (the label a new grid is named after). */
async function rosterOf(
  source: RosterSource,
  model: FrameworkModel,
  w: Writing,
  run: RunControl,
): Promise<{ roster: Roster; label: string }> {
  switch (source.kind) {
    case 'csv':
      return { roster: w.parseRosterCsv(source.text, model, { source: source.fileName }), label: source.fileName.replace(/\.[^.]*$/, '') };
    case 'blank':
      return {
        roster: w.blankRoster(
          source.count,
          model,
          model.roles.find((r) => r.id === source.roleId),
        ),
        label: strings.grid.blankLabel,
      };
    case 'selection':
    case 'table': {
      run.onProgress({ done: 0, total: 0, detail: strings.progress.readingRoster });
      const rows = source.kind === 'selection' ? await w.readRosterFromSelection() : await w.readRosterFromTable(source.table);
      throwIfCancelled(run.signal);
      return { roster: w.rosterFrom(rows, model), label: source.kind === 'table' ? source.table : rows.sheet };
    }
  }
}

export function createOfficeWorkbench(): Workbench {
  const { refuseWhileRecording, ...meeting } = meetingActions(
    async (sheet, model) => {
      const { grid, values, read } = await gridOn(sheet, model, await loadWriting());
      return { grid, values, sheetNames: read.sheetNames };
    },
    async (plan, run) => summaryOfReport(await (await loadWriting()).applyLayoutPlan(plan, applyOptions(run))),
  );
  return {
    async connect(): Promise<HostInfo> {
      const env = await officeEnvironment();
      const theme = env.theme ?? preferredTheme();
      if (env.host !== 'excel') return { kind: 'outside', theme };
      const { officeHost, hostCapabilities } = await loadHostReading();
      try {
        const caps = hostCapabilities(officeHost());
        return {
          kind: 'excel',
          theme,
          limitations: caps.customFunctions ? [] : [strings.limits.noFunctions],
          addinFunctions: caps.customFunctions,
        };
      } catch (e) {
        // Too old to write sheets at all: say so up front; every action will say it again.
        return { kind: 'excel', theme, limitations: [e instanceof Error ? e.message : String(e)], addinFunctions: false };
      }
    },
    capabilities: () => ({ calibration: true }),
    async builtInFrameworks() {
      const { builtInFrameworks } = await import(/* webpackChunkName: "library" */ '../../core/frameworks/library');
      return builtInFrameworks();
    },
    async importFramework(files, options = {}) {
      const [{ importFrameworkFiles }, { scaleFromChoice }, { FrameworkModel }] = await Promise.all([
        import(/* webpackChunkName: "interchange" */ '../../core/interchange/importFramework'),
        import(/* webpackChunkName: "interchange" */ '../../core/interchange/scaleChoice'),
        import(/* webpackChunkName: "library" */ '../../core/framework/model'),
      ]);
      const scale = options.scale === undefined ? undefined : scaleFromChoice(options.scale, 'the scale');
      const { framework, warnings } = importFrameworkFiles(files, undefined, { scale });
      return { model: new FrameworkModel(framework), fileName: files.map((f) => f.name).join(', '), warnings };
    },
    async importFromSheet() {
      const [{ readActiveSheetValues }, { frameworkFromMatrixRows }, { matrixBaseFramework }, { FrameworkModel }, storage, library] =
        await Promise.all([
          import(/* webpackChunkName: "writing" */ '../../host/readSheetValues'),
          import(/* webpackChunkName: "interchange" */ '../../core/interchange/frameworkFromMatrixRows'),
          import(/* webpackChunkName: "interchange" */ '../../core/interchange/matrixBaseFramework'),
          import(/* webpackChunkName: "library" */ '../../core/framework/model'),
          loadStorage(),
          import(/* webpackChunkName: "library" */ '../../core/frameworks/library'),
        ]);
      const { sheet, values } = await readActiveSheetValues();
      // The framework the matrix was written from keeps what the sheet does not show (definitions, descriptors).
      const candidates = [...(await storage.storedFrameworks()), ...library.builtInFrameworks().map((m) => m.data)];
      const base = matrixBaseFramework(values, candidates);
      const { framework, warnings } = frameworkFromMatrixRows(values, base, { sheet, source: strings.picker.inWorkbook });
      return { model: new FrameworkModel(framework), fileName: strings.picker.fromSheet(sheet), warnings };
    },
    async storedFrameworks() {
      const [{ storedFrameworks }, { FrameworkModel }] = await Promise.all([
        loadStorage(),
        import(/* webpackChunkName: "library" */ '../../core/framework/model'),
      ]);
      return (await storedFrameworks()).map((framework) => ({
        model: new FrameworkModel(framework),
        fileName: strings.picker.inWorkbook,
        warnings: [],
      }));
    },
    async listTables(): Promise<string[]> {
      const { listTables } = await import(/* webpackChunkName: "writing" */ '../../host/readRoster');
      return listTables();
    },
    async listGrids(): Promise<GridSummary[]> {
      const { readWorkbookGrids } = await loadWriting();
      const { grids } = await readWorkbookGrids();
      return grids.map(({ grid, record }) => ({
        sheet: grid.geometry.sheetName,
        label: record?.label ?? grid.geometry.sheetName,
        frameworkId: grid.geometry.frameworkId,
        people: grid.geometry.personCount,
        writtenAt: record?.writtenAt ?? '',
      }));
    },
    async insertMatrix(request, run): Promise<ActionSummary> {
      const w = await loadWriting();
      const roles = request.framework.roles.filter((r) => request.roleIds.includes(r.id));
      const { plan } = w.workbookLayout(request.framework, { roles });
      const kept = await (await loadStorage()).keepInWorkbook(plan, request.framework);
      return summaryOfReport(await w.applyLayoutPlan(kept, applyOptions(run)));
    },
    async createGrid(request: GridRequest, run): Promise<ActionSummary> {
      if (request.update) refuseWhileRecording(strings.meeting.busyRebuild, request.update);
      const w = await loadWriting();
      const model = request.framework;
      const { roster, label } = await rosterOf(request.roster, model, w, run);
      // "Create grid" adds a grid beside those in the workbook; "Update this grid" rebuilds the one chosen.
      const target = request.update ? await gridOn(request.update, model, w) : undefined;
      const read = target?.read ?? (await w.readWorkbookGrids());
      throwIfCancelled(run.signal);
      // Coverage levels people picked on an earlier grid belong in the new one.
      const coverageLevels = target ? target.grid.coverageLevels : w.coverageLevelsFromInputs((await w.readProductInputs()).values);
      throwIfCancelled(run.signal);
      const placed = placedGrid(
        w,
        model,
        { roster, formulas: request.formulas, coverageLevels, readiness: request.readiness },
        read,
        label,
        target?.record,
      );
      const kept = await (await loadStorage()).keepInWorkbook(placed.layout.plan, model);
      const summary = summaryOfReport(await w.applyLayoutPlan(kept, applyOptions(run)));
      return {
        ...summary,
        grid: { ...placed.grid, sheet: finalName(summary, placed.grid.sheet) },
        warnings: [...roster.warnings, ...summary.warnings],
      };
    },
    async addHeatmaps(request, run): Promise<ActionSummary> {
      const w = await loadWriting();
      const model = request.framework;
      run.onProgress({ done: 0, total: 0, detail: strings.progress.readingGrid });
      const { grid, record, read } = await gridOn(request.gridSheet, model, w);
      throwIfCancelled(run.signal);
      // Rebuilt from its own people, formula style and coverage levels; the renderer carries every rating over.
      const roster = w.parseRoster(w.gridRosterRows(grid), model, { source: request.gridSheet });
      // A row whose id was cleared cannot be a person of the new grid; its ratings go to the unplaced sheet, and the user is told.
      const leftOut = grid.problems.filter((p) => !p.blank).map((p) => strings.gridChoice.rowWithoutId(p.message, p.key));
      const placed = placedGrid(
        w,
        model,
        {
          roster,
          formulas: grid.geometry.formulas,
          coverageLevels: grid.coverageLevels,
          // Keep the grid's own readiness rule: a tolerant or readiness-free grid must not come back strict.
          readiness: grid.geometry.readiness,
        },
        read,
        request.gridSheet,
        record,
      );
      const kept = await (await loadStorage()).keepInWorkbook(placed.layout.plan, model);
      const summary = summaryOfReport(await w.applyLayoutPlan(kept, applyOptions(run)));
      return { ...summary, warnings: [...leftOut, ...summary.warnings] };
    },
    async buildCalibration(request, run): Promise<ActionSummary> {
      const [w, { calibrateGrid, gridScale }, { requireIdentifiedRows }] = await Promise.all([
        loadWriting(),
        import(/* webpackChunkName: "calibration" */ '../../core/calibration/calibrateGrid'),
        import(/* webpackChunkName: "calibration" */ '../../core/calibration/requireIdentifiedRows'),
      ]);
      run.onProgress({ done: 0, total: 0, detail: strings.progress.readingGrid });
      if (request.together && request.together.length > 1) {
        const { calibratePooledGrids } = await import(/* webpackChunkName: "calibration" */ '../../core/calibration/pooledGrids');
        const read = await w.readWorkbookGrids();
        const members = request.together.map(({ sheet, label }) => {
          const { grid, values } = pickGrid(read, sheet, request.framework);
          requireIdentifiedRows(grid.problems);
          return { label, geometry: grid.geometry, rows: values };
        });
        const sheetNames = read.sheetNames;
        throwIfCancelled(run.signal);
        const pooled = calibratePooledGrids({
          model: request.framework,
          members,
          settings: { minGroup: request.minGroupSize },
          takenSheetNames: sheetNames,
        });
        const summary = summaryOfReport(await w.applyLayoutPlan(pooled.plan, applyOptions(run)));
        return { ...summary, warnings: [...pooled.warnings, ...summary.warnings] };
      }
      // One read of the workbook: the grid; what the room set on an earlier pack of it (kept, but the smallest
      // group typed in the pane wins); a cycle master's self ratings, for the rater table's self − manager column.
      const [{ read, kept, selfRatings }, { guidelineFor }] = await Promise.all([
        w.readCalibrationInputs(request.gridSheet),
        import(/* webpackChunkName: "calibration" */ '../../core/calibration/sheetSettings'),
      ]);
      const { grid, values } = pickGrid(read, request.gridSheet, request.framework);
      requireIdentifiedRows(grid.problems);
      throwIfCancelled(run.signal);
      const codes = gridScale(request.framework, grid.geometry.competencyIds).scale.levels.map((l) => l.code);
      const pack = calibrateGrid({
        model: request.framework,
        geometry: grid.geometry,
        rows: values,
        settings: { ...kept.settings, guideline: guidelineFor(kept.guideline, codes), minGroup: request.minGroupSize },
        takenSheetNames: read.sheetNames,
        talentCutoffs: kept.talentCutoffs,
        selfRatings,
      });
      const summary = summaryOfReport(await w.applyLayoutPlan(pack.plan, applyOptions(run)));
      return { ...summary, warnings: [...pack.warnings, ...summary.warnings] };
    },
    async collectReturns(request, run): Promise<ActionSummary> {
      const [collect, inputs, merge, report, returned, undo] = await Promise.all([
        import(/* webpackChunkName: "writing" */ '../../host/collectIntoMaster'),
        import(/* webpackChunkName: "collect" */ '../../core/cycle/collectInputs'),
        import(/* webpackChunkName: "collect" */ '../../core/cycle/merge'),
        import(/* webpackChunkName: "collect" */ '../../core/cycle/collectReport'),
        // ExcelJS, to read the returned files in the browser: its own chunk, loaded only when someone collects.
        import(/* webpackChunkName: "collect-xlsx" */ '../../xlsx/returnedFiles'),
        loadUndo(),
      ]);
      run.onProgress({ done: 0, total: 0, detail: strings.collect.readingMaster });
      const master = await collect.readOpenMaster();
      const splitWith = master.state.records.identity.frameworkId;
      if (splitWith !== request.framework.id)
        throw new CompetencyError('invalid-argument', strings.collect.otherFramework(splitWith, request.framework.id));
      throwIfCancelled(run.signal);
      run.onProgress({ done: 0, total: request.files.length, detail: strings.collect.readingFiles(request.files.length) });
      const returns = await returned.readPickedReturns(request.files);
      throwIfCancelled(run.signal);
      const plan = merge.mergeReturns(master.state, returns, {
        collectedAt: new Date().toISOString(),
        canonical: inputs.levelCanonical(request.framework),
      });
      const fieldName = inputs.fieldNameOf(request.framework);
      // The placed ratings are cell writes the sheet-level undo cannot take back, so the previous action's undo is settled first.
      await undo.keepLastAction();
      const written = await collect.writeCollectPlan(master, plan, fieldName);
      const summary = summaryOfReport(written.apply);
      return {
        ...summary,
        undoable: false,
        notes: [strings.collect.done(written.collectionSheet)],
        facts: report.reportText(plan, fieldName).trimEnd().split('\n'),
      };
    },
    async checkUndo() {
      const { checkUndo } = await loadUndo();
      return checkUndo();
    },
    async undo(run) {
      refuseWhileRecording(strings.meeting.busyUndo);
      const { undoLastAction } = await loadUndo();
      return summaryOfUndo(await undoLastAction({ onProgress: applyOptions(run).onProgress }));
    },
    async keepUndo(run) {
      const { keepLastAction } = await loadUndo();
      run.onProgress({ done: 0, total: 0, detail: strings.undo.keeping });
      await keepLastAction();
      return { sheetsCreated: [], sheetsReplaced: [], ratingsKept: 0, ratingsUnplaced: 0, warnings: [], notes: [strings.undo.kept] };
    },
    ...meeting,
  };
}

/**
 * A framework from a proficiency matrix sheet (see layouts/matrixShape.ts):
 * the one the product wrote, after a person edited it. The sheet's values are
 * read as a table: a header row (Category, Competency, Competency id, Scale, then
 * one column per role), one row per competency, a target level in each cell.
 *
 * With the framework the matrix was written from (`base`), everything the
 * matrix does not show is kept: scales, definitions, descriptors, role texts,
 * provenance, roles whose column is not shown and their targets. What the sheet
 * shows wins: competency and role names, categories, scales, targets. Target
 * cells accept what a person types (a code, a level name, "Advanced (4/5)");
 * blank or N/A means no target. Without a base, the levels come from the
 * legend beside the matrix, or from the codes in the cells.
 */
import type { Category, Competency, Role, ScaleData, ScaleLevel, Target } from '../framework/schema';
import type { Framework } from '../framework/validate';
import { Scale, normaliseLevelText } from '../scale';
import { listForHumans } from '../problems';
import { cellRef, quoteSheet } from '../layouts/a1';
import { MATRIX_SHAPE } from '../layouts/matrixShape';
import { checkFramework, type CheckedFramework } from './checkFramework';
import { ImportProblems } from './importProblems';
import { slugId, uniqueSlugId } from './slugId';

export interface MatrixReadOptions {
  /** The sheet's name, for messages ("Matrix!F7"). */
  sheet?: string;
  /** What every message starts with: the file or workbook ("team.xlsx"); the sheet's name by default. */
  source?: string;
}

const CATEGORY_SEPARATOR = ' › ';
const key = (v: string) => normaliseLevelText(v);

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return String(v).trim();
}

interface MatrixTable {
  headerRow: number;
  col: { category: number; competency: number; competencyId: number; scale: number };
  roleCols: { col: number; name: string }[];
  rows: { row: number; cells: string[] }[];
}

/** Finds the header by its labels (a person may have inserted rows or columns), then the rows under it. */
function readTable(rows: readonly (readonly unknown[])[]): MatrixTable | undefined {
  const L = MATRIX_SHAPE.labels;
  for (let r = 0; r < Math.min(rows.length, 30); r++) {
    const cells = (rows[r] ?? []).map(cellText);
    const find = (label: string) => cells.findIndex((c) => key(c) === key(label));
    const competency = find(L.competency);
    if (competency < 0) continue;
    const col = { category: find(L.category), competency, competencyId: find(L.competencyId), scale: find(L.scale) };
    const firstRole = Math.max(...Object.values(col)) + 1;
    const roleCols: MatrixTable['roleCols'] = [];
    for (let c = firstRole; c < cells.length && cells[c] !== ''; c++) roleCols.push({ col: c, name: cells[c] });
    const body: MatrixTable['rows'] = [];
    for (let i = r + 1; i < rows.length; i++) {
      const line = (rows[i] ?? []).map(cellText);
      const used = [col.category, col.competency, col.competencyId, col.scale, ...roleCols.map((x) => x.col)].filter((c) => c >= 0);
      if (used.every((c) => (line[c] ?? '') === '')) break; // the table ends at its first empty row
      body.push({ row: i, cells: line });
    }
    return { headerRow: r, col, roleCols, rows: body };
  }
  return undefined;
}

/** The legend by the matrix: "Legend" or "Legend: <scale>", maybe a Code/Level/Definition header, then one level a row. */
function readLegends(
  rows: readonly (readonly unknown[])[],
  from: number,
): { scale?: string; levels: { code: string; name: string; definition?: string }[] }[] {
  const out: ReturnType<typeof readLegends> = [];
  for (let r = from; r < rows.length; r++) {
    const cells = (rows[r] ?? []).map(cellText);
    const c = cells.findIndex((x) => /^legend(:|$)/i.test(x));
    if (c < 0) continue;
    const scale = /^legend:\s*(.+)$/i.exec(cells[c])?.[1];
    const levels: { code: string; name: string; definition?: string }[] = [];
    const next = (rows[r + 1] ?? []).map(cellText);
    const first = key(next[c] ?? '') === 'code' ? r + 2 : r + 1; // skip the legend's own header row
    for (let i = first; i < rows.length; i++) {
      const line = (rows[i] ?? []).map(cellText);
      if (!line[c]) break;
      levels.push({ code: line[c], name: line[c + 1] || line[c], ...(line[c + 2] ? { definition: line[c + 2] } : {}) });
    }
    out.push({ scale, levels });
  }
  return out;
}

function categoryPaths(categories: readonly Category[]): Map<string, string> {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const out = new Map<string, string>();
  for (const c of categories) {
    const names: string[] = [];
    const seen = new Set<string>();
    for (let cur: Category | undefined = c; cur && !seen.has(cur.id); cur = cur.parent ? byId.get(cur.parent) : undefined) {
      seen.add(cur.id);
      names.unshift(cur.name);
    }
    out.set(key(names.join(CATEGORY_SEPARATOR)), c.id);
  }
  return out;
}

export function frameworkFromMatrixRows(
  rows: readonly (readonly unknown[])[],
  base?: Framework,
  options: MatrixReadOptions = {},
): CheckedFramework {
  const sheet = options.sheet ?? 'Matrix';
  const at = (row: number, col: number) => `${quoteSheet(sheet)}!${cellRef(row, col)}`;
  const source = options.source ?? sheet;
  const problems = new ImportProblems(source);
  const table = readTable(rows);
  if (!table) {
    problems.error(
      '',
      `no header row with a "${MATRIX_SHAPE.labels.competency}" column was found; select the whole matrix, from its header row (Category, Competency, Competency id, Scale, then the roles) down`,
    );
    problems.throwIfAny();
  }
  const { col, roleCols, rows: body, headerRow } = table as MatrixTable;
  if (!roleCols.length)
    problems.error(
      at(headerRow, col.competency),
      'the header names no roles after the competency columns; put one role name above each column of targets',
    );
  if (!body.length) problems.error(at(headerRow, col.competency), 'the matrix has no competency rows under its header');

  // ---- scales -------------------------------------------------------------
  let scales: ScaleData[];
  if (base) {
    scales = base.scales;
  } else {
    scales = readLegends(rows, headerRow).map((legend, i) => {
      const name = legend.scale ?? (body.map((b) => (col.scale >= 0 ? b.cells[col.scale] : '')).find((s) => s) || 'Proficiency');
      return {
        id: slugId(name) || `scale-${i + 1}`,
        name,
        levels: legend.levels.map((l, j) => ({ ...l, value: /^-?\d+(\.\d+)?$/.test(l.code) ? Number(l.code) : j + 1 })),
      };
    });
  }
  const scaleByText = (text: string): ScaleData | undefined => scales.find((s) => key(s.name) === key(text) || s.id === text);

  // ---- roles: the columns, and any the sheet does not show ----------------
  const baseRoles = base?.roles ?? [];
  const roleIds = new Set<string>();
  const matches = roleCols.map(({ name }) =>
    baseRoles.find((r) => key(r.name) === key(name) || r.id === name || (r.code !== undefined && key(r.code) === key(name))),
  );
  // A full matrix whose header lost a role's name where a new name stands: a role renamed in place.
  const renamedInPlace = roleCols.length === baseRoles.length;
  const shown: Role[] = roleCols.map(({ col: c, name }, i) => {
    let found = matches[i];
    if (!found && renamedInPlace && !matches.includes(baseRoles[i])) {
      found = baseRoles[i];
      problems.warn(at(headerRow, c), `"${name}" stands where "${found.name}" was, so it is taken as that role's new name`);
    }
    if (found && roleIds.has(found.id)) problems.error(at(headerRow, c), `role "${name}" has two columns; keep one`);
    const role = found
      ? { ...found, name }
      : { id: uniqueSlugId(name, new Set([...roleIds, ...baseRoles.map((r) => r.id)]), 'role'), name };
    roleIds.add(role.id);
    return role;
  });
  const roles: Role[] = [...shown];
  baseRoles.forEach((r, i) => {
    if (roleIds.has(r.id)) return;
    const before = baseRoles
      .slice(0, i)
      .reverse()
      .find((p) => roleIds.has(p.id));
    const pos = before ? roles.findIndex((x) => x.id === before.id) + 1 : 0;
    roles.splice(pos, 0, r);
    roleIds.add(r.id);
  });

  // ---- categories from the labels -----------------------------------------
  const categories: Category[] = [...(base?.categories ?? [])];
  const pathToId = categoryPaths(categories);
  const categoryOf = (label: string): string | undefined => {
    if (!label) return undefined;
    const known = pathToId.get(key(label));
    if (known) return known;
    let parent: string | undefined;
    const parts = label.split(/\s*›\s*/).filter(Boolean);
    parts.forEach((name, i) => {
      const path = key(parts.slice(0, i + 1).join(CATEGORY_SEPARATOR));
      let id = pathToId.get(path);
      if (!id) {
        id = uniqueSlugId(name, new Set(categories.map((c) => c.id)), 'category');
        categories.push(parent ? { id, name, parent } : { id, name });
        pathToId.set(path, id);
      }
      parent = id;
    });
    return parent;
  };

  // ---- competencies and targets -------------------------------------------
  const baseComps = base?.competencies ?? [];
  const competencies: Competency[] = [];
  const targets: Target[] = [];
  const origins = new Map<string, string>();
  const seen = new Map<string, number>();
  const compIds = new Set<string>();
  for (const { row, cells } of body) {
    const name = cells[col.competency] ?? '';
    const idText = col.competencyId >= 0 ? (cells[col.competencyId] ?? '') : '';
    if (!name) {
      problems.error(at(row, col.competency), 'the row has no competency name; type one or delete the row');
      continue;
    }
    const found = (idText ? baseComps.find((c) => c.id === idText) : undefined) ?? baseComps.find((c) => key(c.name) === key(name));
    const id = found?.id ?? (idText || uniqueSlugId(name, compIds, 'competency'));
    const first = seen.get(id);
    if (first !== undefined) {
      problems.error(at(row, col.competency), `"${name}" is in the matrix twice (rows ${first + 1} and ${row + 1}); keep one row`);
      continue;
    }
    seen.set(id, row);
    compIds.add(id);
    const scaleText = col.scale >= 0 ? (cells[col.scale] ?? '') : '';
    const scale = scaleText ? scaleByText(scaleText) : found ? scales.find((s) => s.id === found.scale) : scales[0];
    if (!scale) {
      problems.error(
        at(row, col.scale),
        scales.length
          ? `"${scaleText}" is not a scale of this framework; use ${listForHumans(scales.map((s) => s.name))}`
          : 'no scale is known for this matrix; keep the legend beside it, or import it with the framework it was written from',
      );
      continue;
    }
    const category = categoryOf(col.category >= 0 ? (cells[col.category] ?? '') : '');
    const { category: _c, ...rest } = found ?? { id, name, scale: scale.id };
    const descriptors = found?.scale === scale.id ? found.descriptors : undefined;
    const competency: Competency = { ...rest, id, name, scale: scale.id, ...(category ? { category } : {}) };
    if (descriptors) competency.descriptors = descriptors;
    else delete competency.descriptors;
    origins.set(`competencies[${competencies.length}]`, at(row, col.competency));
    competencies.push(competency);

    const parser = new Scale(scale);
    roleCols.forEach(({ col: c }, i) => {
      const raw = cells[c] ?? '';
      let level: ScaleLevel | null;
      try {
        level = parser.parse(raw);
      } catch {
        problems.error(
          at(row, c),
          `"${raw}" is not a level of ${scale.name}; use ${parser.describeLevels()}, or leave the cell blank for no target`,
        );
        return;
      }
      if (!level) return;
      const role = shown[i];
      const before = base?.targets.find((t) => t.role === role.id && t.competency === id);
      origins.set(`targets[${targets.length}]`, at(row, c));
      targets.push(
        before && before.level === level.code && before.note !== undefined
          ? { role: role.id, competency: id, level: level.code, note: before.note }
          : { role: role.id, competency: id, level: level.code },
      );
    });
  }
  // Targets of roles the sheet does not show are kept.
  const shownIds = new Set(shown.map((r) => r.id));
  for (const t of base?.targets ?? []) if (!shownIds.has(t.role) && compIds.has(t.competency)) targets.push(t);
  const dropped = baseComps.filter((c) => !compIds.has(c.id)).map((c) => c.name);
  if (dropped.length)
    problems.warn(
      '',
      `${listForHumans(dropped, 'and')} ${dropped.length > 1 ? 'are' : 'is'} not in the matrix and ${dropped.length > 1 ? 'were' : 'was'} left out of the framework`,
    );
  problems.throwIfAny();

  const title = cellText(rows[MATRIX_SHAPE.titleRow]?.[0]).replace(/:\s*proficiency matrix$/i, '');
  if (!base)
    problems.warn(
      '',
      "the matrix does not carry the framework's provenance, definitions or descriptors; import it with the framework it was written from to keep them",
    );
  const name = base?.name ?? (title || sheet);
  const candidate: Framework = {
    ...(base ?? {
      id: slugId(name) || 'matrix-framework',
      name,
      provenance: { title: name, publisher: 'not stated', licence: 'not stated' },
      roleDimensions: [],
    }),
    scales,
    categories,
    roles,
    competencies,
    targets,
  } as Framework;
  orderTargets(candidate);
  return checkFramework(source, candidate, {
    warnings: problems.warnings,
    locate: (path) => {
      const m = /^(competencies|targets)\[\d+\]/.exec(path);
      return (m && origins.get(m[0])) || path;
    },
  });
}

/** Targets in competency order, then role order, as the model lists them. */
function orderTargets(fw: Framework): void {
  const c = new Map(fw.competencies.map((x, i) => [x.id, i]));
  const r = new Map(fw.roles.map((x, i) => [x.id, i]));
  fw.targets.sort((a, b) => (c.get(a.competency) ?? 0) - (c.get(b.competency) ?? 0) || (r.get(a.role) ?? 0) - (r.get(b.role) ?? 0));
}

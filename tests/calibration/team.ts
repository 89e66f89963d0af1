/**
 * Generated teams for calibration tests: a roster with managers and ratings
 * (rows as an HR export would give them), with a planted lenient manager and a
 * team too small to show in the heatmap. Deterministic for a seed.
 */
import type { FrameworkModel } from '../../src/core/framework/model';
import { parseRoster, type Roster } from '../../src/core/roster';
import { isFormula, type SheetPlan } from '../../src/core/layouts/plan';

/** mulberry32: a small seeded generator, so a failing case can be replayed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TeamOptions {
  people: number;
  managers: number;
  seed?: number;
  /** This manager rates one level higher than their team deserves. */
  lenientManager?: string;
  /** This manager has only this many people (the heatmap hides their team). */
  smallManager?: { name: string; people: number };
  /** Share of ratings left blank. */
  blankShare?: number;
}

export function managerName(i: number): string {
  return `Manager ${String(i + 1).padStart(2, '0')}`;
}

/** Roster rows (header + one row per person) for a framework's primary-scale competencies. */
export function teamRows(model: FrameworkModel, options: TeamOptions): string[][] {
  const rnd = random(options.seed ?? 7);
  const scale = model.primaryScale;
  const competencies = model.competencies.filter((c) => c.scale === scale.id);
  const levels = scale.levels;
  const header = ['Id', 'Name', 'Role', 'Manager', ...competencies.map((c) => c.name)];
  const small = options.smallManager;
  const managers = Array.from({ length: options.managers }, (_, i) => managerName(i));
  const rows: string[][] = [header];
  let placed = 0;
  for (let i = 0; i < options.people; i++) {
    const manager =
      small && i < small.people ? small.name : managers.filter((m) => m !== small?.name)[placed++ % (managers.length - (small ? 1 : 0))];
    // Roles cycle within each team, so teams differ by their rater rather than by their mix of roles.
    const role = model.roles[Math.floor(i / managers.length) % model.roles.length];
    const ability = rnd() - 0.5;
    const shift = manager === options.lenientManager ? 1 : 0;
    const ratings = competencies.map((c) => {
      if (rnd() < (options.blankShare ?? 0.05)) return '';
      const target = model.target(role, c);
      const centre = target ? scale.rank(target) : Math.floor(levels.length / 2);
      const rank = Math.round(centre + ability + (rnd() * 2 - 1) * 0.9 + shift);
      return levels[Math.max(0, Math.min(levels.length - 1, rank))].code;
    });
    rows.push([`E${String(i + 1).padStart(5, '0')}`, `Person ${i + 1}`, role.name, manager, ...ratings]);
  }
  return rows;
}

export function team(model: FrameworkModel, options: TeamOptions): Roster {
  return parseRoster(teamRows(model, options), model);
}

/** A sheet plan's cells as values (a formula as its result), rows from A1: what a workbook reader returns. */
export function sheetValues(sheet: SheetPlan): unknown[][] {
  const rows: unknown[][] = [];
  for (const b of sheet.blocks) {
    b.cells.forEach((cells, i) => {
      const r = (rows[b.row + i] ??= []);
      cells.forEach((c, j) => {
        r[b.col + j] = isFormula(c) ? (c.result ?? null) : c;
      });
    });
  }
  return Array.from({ length: rows.length }, (_, i) => rows[i] ?? []);
}

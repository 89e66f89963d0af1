/**
 * The built-in framework library: the five source frameworks as data, each
 * validated once on first use. A broken built-in is a bug, so it throws.
 */
import mitDevops from './data/mit-devops.json';
import ddatDevops from './data/ddat-devops.json';
import canonDevopsP3 from './data/canon-devops-p3.json';
import sreLadder from './data/sre-ladder.json';
import kaairoDevops from './data/kaairo-devops.json';
import { validateFramework } from '../framework/validate';
import { FrameworkModel } from '../framework/model';
import { Scale } from '../scale';
import { CompetencyError, listForHumans } from '../problems';

const SOURCES: readonly unknown[] = [mitDevops, ddatDevops, canonDevopsP3, sreLadder, kaairoDevops];

let cache: FrameworkModel[] | undefined;

export function builtInFrameworks(): readonly FrameworkModel[] {
  if (!cache) {
    cache = SOURCES.map((src) => {
      const result = validateFramework(src);
      if (!result.framework) {
        const id = (src as { id?: string }).id ?? '?';
        throw new Error(`built-in framework ${id} is invalid: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
      }
      return new FrameworkModel(result.framework);
    });
  }
  return cache;
}

export function builtInIds(): string[] {
  return builtInFrameworks().map((f) => f.id);
}

export function findBuiltIn(id: string): FrameworkModel | undefined {
  const wanted = id.trim().toLowerCase();
  return builtInFrameworks().find((f) => f.id === wanted);
}

export function builtIn(id: string): FrameworkModel {
  const f = findBuiltIn(id);
  if (!f) {
    throw new CompetencyError('unknown-framework', `no built-in framework "${id}"; the built-in ones are ${listForHumans(builtInIds())}`);
  }
  return f;
}

/** A scale by framework id (its primary scale) or by scale id, across the library. */
export function findBuiltInScale(id: string): Scale | undefined {
  const wanted = id.trim().toLowerCase();
  for (const f of builtInFrameworks()) {
    if (f.id === wanted) return f.primaryScale;
    const s = f.scales.find((x) => x.id === wanted);
    if (s) return s;
  }
  return undefined;
}

/**
 * Looking up frameworks and scales by what people type for them: a framework
 * id or name (its primary scale), or a scale id. Workbook frameworks come first.
 */
import type { FrameworkModel } from '../core/framework/model';
import { normaliseLevelText, type Scale } from '../core/scale';
import { CompetencyError, listForHumans } from '../core/problems';
import { knownFrameworks, registryVersion } from './frameworkRegistry';

export interface KnownScale {
  scale: Scale;
  framework: FrameworkModel;
}

interface Index {
  version: number;
  scales: readonly KnownScale[];
  frameworkByKey: Map<string, FrameworkModel>;
  scaleByKey: Map<string, Scale>;
  /** findScale by the exact text typed: thousands of cells repeat the same "mit-devops". */
  scaleByText: Map<string, Scale | undefined>;
}

let index: Index | undefined;

function current(): Index {
  const version = registryVersion();
  if (index?.version === version) return index;
  const scales: KnownScale[] = [];
  const seen = new Set<string>();
  const frameworkByKey = new Map<string, FrameworkModel>();
  const scaleByKey = new Map<string, Scale>();
  for (const framework of knownFrameworks()) {
    for (const key of [framework.id, framework.name].map(normaliseLevelText))
      if (!frameworkByKey.has(key)) frameworkByKey.set(key, framework);
    for (const scale of framework.scales) {
      if (seen.has(scale.id)) continue;
      seen.add(scale.id);
      scales.push({ scale, framework });
      scaleByKey.set(normaliseLevelText(scale.id), scale);
    }
  }
  index = { version, scales, frameworkByKey, scaleByKey, scaleByText: new Map() };
  return index;
}

/** Every scale the functions know, each once, workbook frameworks first. */
export function knownScales(): readonly KnownScale[] {
  return current().scales;
}

export function findFramework(text: string): FrameworkModel | undefined {
  return current().frameworkByKey.get(normaliseLevelText(text));
}

export function framework(text: string): FrameworkModel {
  const found = findFramework(text);
  if (!found) {
    throw new CompetencyError('unknown-framework', `no framework "${text}"; use ${listForHumans(knownFrameworks().map((f) => f.id))}`);
  }
  return found;
}

/** A framework id or name gives its primary scale; a scale id gives that scale. */
export function findScale(text: string): Scale | undefined {
  const index = current();
  const known = index.scaleByText.get(text);
  if (known !== undefined || index.scaleByText.has(text)) return known;
  const key = normaliseLevelText(text);
  const found = index.scaleByKey.get(key) ?? index.frameworkByKey.get(key)?.primaryScale;
  if (index.scaleByText.size > 1000) index.scaleByText.clear();
  index.scaleByText.set(text, found);
  return found;
}

/** How to name a scale in a message: "Proficiency level (mit-devops)". */
export function describeScale(scale: Scale): string {
  const owner = current().scales.find((s) => s.scale === scale)?.framework;
  return owner ? `${scale.name} (${owner.id})` : scale.name;
}

export function scaleChoicesForHumans(): string {
  const { scales } = current();
  const frameworks = listForHumans([...new Set(scales.map((s) => s.framework.id))]);
  return `a framework id (${frameworks}), a scale id (${listForHumans(scales.map((s) => s.scale.id))}) or a range listing your levels lowest first`;
}

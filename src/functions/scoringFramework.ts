/**
 * A framework file minus its prose: only what the worksheet functions score
 * with (scales and their spellings, roles, competencies with their scales,
 * targets). The built-in library is shipped to the functions runtime in this
 * form so dist/functions.js carries neither zod nor the descriptor texts.
 * The result is still a valid framework file (the generator checks it).
 */
import type { Framework } from '../core/framework/validate';

export function toScoringFramework(framework: Framework): Framework {
  const { title, publisher, year, licence } = framework.provenance;
  return {
    id: framework.id,
    name: framework.name,
    ...(framework.version !== undefined ? { version: framework.version } : {}),
    provenance: { title, publisher, ...(year !== undefined ? { year } : {}), licence },
    scales: framework.scales.map((s) => ({
      id: s.id,
      name: s.name,
      levels: s.levels.map((l) => ({
        code: l.code,
        name: l.name,
        value: l.value,
        ...(l.aliases?.length ? { aliases: [...l.aliases] } : {}),
      })),
    })),
    categories: [],
    roleDimensions: [],
    roles: framework.roles.map((r) => ({ id: r.id, name: r.name, ...(r.code !== undefined ? { code: r.code } : {}) })),
    competencies: framework.competencies.map((c) => ({ id: c.id, name: c.name, scale: c.scale })),
    targets: framework.targets.map((t) => ({ role: t.role, competency: t.competency, level: t.level })),
  };
}

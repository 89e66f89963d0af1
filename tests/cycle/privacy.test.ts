/**
 * Privacy is absolute: a team file holds its manager's team and no one else,
 * a self file only its person. Every file a split writes is unzipped and every
 * part (sheets, hidden sheets, shared strings, defined names, comments,
 * cached values, document properties) searched for every other person's id
 * and name, for all five built-in frameworks, with --self, both for direct
 * reports and for everyone below a manager. Roles are the framework's own
 * vocabulary (every file lists them on its Matrix sheet), so they cannot be
 * searched for; that no other person's row is present is what the ids show.
 */
import { main } from '../../src/cli/index';
import { captureIO } from '../../src/cli/testIO';
import { builtInFrameworks } from '../../src/core/frameworks/library';
import { ZipParts } from '../../src/xlsx/zipEntries';
import { organisation, organisationCsv, type OrgPerson } from './support';

function partsText(bytes: Buffer, name: string): string {
  const zip = new ZipParts(bytes, name);
  return zip.names.map((n) => `${n}\n${zip.text(n)}`).join('\n');
}

describe.each(builtInFrameworks().map((m) => [m.id, m] as const))('a split of %s', (_id, model) => {
  const people = organisation(model);
  const byId = new Map(people.map((p) => [p.id, p]));

  it.each(['direct', 'all'])('lets no one else into a team or self file (--include %s)', async (include) => {
    const io = captureIO({ 'org.csv': organisationCsv(people) });
    const code = await main(
      ['cycle', 'split', '--framework', model.id, '--roster', 'org.csv', '--out', 'out', '--self', '--include', include],
      io,
    );
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    const files = [...io.files.keys()].filter((k) => k.startsWith('out/'));
    const heads = people.filter((p) => people.some((q) => q.manager === p.id || q.manager === p.name));
    // master, one team per manager (the outside manager too), one self file per person
    expect(files).toHaveLength(1 + heads.length + 1 + people.length);
    let searched = 0;
    for (const file of files) {
      const text = partsText(io.files.get(file)!, file);
      if (file === 'out/master.xlsx') {
        for (const p of people) expect(text).toContain(p.id);
        continue;
      }
      const allowed = allowedIn(file, people, include);
      expect(allowed.size).toBeGreaterThan(0);
      for (const p of people) {
        if (allowed.has(p.id)) continue;
        searched++;
        if (text.includes(p.id) || text.includes(p.name)) throw new Error(`${file} holds ${p.id} (${p.name}), who is not in it`);
      }
      // and everyone the file is for is in it (the manager, who receives it, need not be)
      for (const id of allowed) if (!file.includes(`(${id})`) || file.includes('Self - ')) expect(text).toContain(byId.get(id)!.id);
    }
    expect(searched).toBeGreaterThan(people.length * 10);
  });
});

/** Who may appear in a file: the manager and their team (direct or all below), or the one person. */
function allowedIn(file: string, people: readonly OrgPerson[], include: string): Set<string> {
  const self = /^out\/Self - .* \((ZQ\d+X)\)\.xlsx$/.exec(file);
  if (self) return new Set([self[1]]);
  const team = /^out\/Team - (.*?)(?: \((ZQ\d+X)\))?\.xlsx$/.exec(file);
  if (!team) throw new Error(`unexpected file ${file}`);
  const manager = team[2] ? people.find((p) => p.id === team[2])! : undefined;
  const under = (m: { id: string; name: string }): OrgPerson[] => people.filter((p) => p.manager === m.id || p.manager === m.name);
  const members = manager ? under(manager) : people.filter((p) => p.manager === team[1]);
  const all = [...members];
  if (include === 'all') for (let i = 0; i < all.length; i++) all.push(...under(all[i]));
  return new Set([...(manager ? [manager.id] : []), ...all.map((p) => p.id)]);
}

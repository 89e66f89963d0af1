import { builtIn, builtInFrameworks } from '../frameworks/library';
import { frameworkToCase, ITEM_TYPES } from './caseExport';
import { nameUuid } from './nameUuid';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const AT = '2025-06-01T12:00:00Z';

describe('exporting CASE 1.1', () => {
  it.each(builtInFrameworks().map((m) => [m.id, m.data] as const))('gives every object of %s the fields CASE 1.1 requires', (_id, fw) => {
    const pkg = frameworkToCase(fw, { changedAt: AT });
    const doc = pkg.CFDocument;
    expect(doc).toMatchObject({ title: fw.name, creator: fw.provenance.publisher, lastChangeDateTime: AT, caseVersion: '1.1' });
    const all = [
      doc,
      ...(pkg.CFItems ?? []),
      ...(pkg.CFAssociations ?? []),
      ...(pkg.CFDefinitions?.CFItemTypes ?? []),
      ...(pkg.CFRubrics ?? []).flatMap((r) => [r, ...(r.CFRubricCriteria ?? []).flatMap((c) => [c, ...(c.CFRubricCriterionLevels ?? [])])]),
    ];
    for (const o of all) {
      expect(o.identifier).toMatch(UUID);
      expect(o.uri).toBe(`urn:uuid:${o.identifier}`);
      expect(o.lastChangeDateTime).toBe(AT);
    }
    expect(new Set(all.map((o) => o.identifier)).size).toBe(all.length);
    for (const item of pkg.CFItems ?? []) {
      expect(item.fullStatement.length).toBeGreaterThan(0);
      expect(Object.values(ITEM_TYPES)).toContain(item.CFItemType);
      expect(item.CFDocumentURI?.identifier).toBe(doc.identifier);
    }
    for (const a of pkg.CFAssociations ?? []) {
      expect(['isChildOf', 'hasSkillLevel']).toContain(a.associationType);
      expect(a.originNodeURI.identifier).toMatch(UUID);
      expect(a.destinationNodeURI.identifier).toMatch(UUID);
    }
  });

  it('builds the tree with isChildOf and carries targets as hasSkillLevel to criterion levels', () => {
    const fw = builtIn('ddat-devops').data;
    const pkg = frameworkToCase(fw, { changedAt: AT });
    const byType = (t: string) => (pkg.CFAssociations ?? []).filter((a) => a.associationType === t);
    expect(byType('isChildOf')).toHaveLength(fw.categories.length + fw.competencies.length + fw.roles.length);
    expect(byType('hasSkillLevel')).toHaveLength(fw.targets.length);
    const levelIds = new Set(
      (pkg.CFRubrics ?? []).flatMap((r) =>
        (r.CFRubricCriteria ?? []).flatMap((c) => (c.CFRubricCriterionLevels ?? []).map((l) => l.identifier)),
      ),
    );
    for (const a of byType('hasSkillLevel')) expect(levelIds.has(a.destinationNodeURI.identifier)).toBe(true);
    const nested = fw.categories.find((c) => c.parent);
    const item = (pkg.CFItems ?? []).find((i) => i.fullStatement === nested?.name);
    const parent = byType('isChildOf').find((a) => a.originNodeURI.identifier === item?.identifier);
    expect(parent?.destinationNodeURI.title).toBe(fw.categories.find((c) => c.id === nested?.parent)?.name);
  });

  it('writes one rubric per scale and one criterion level per level, with the descriptor as its description', () => {
    const fw = builtIn('sre-ladder').data;
    const [rubric] = frameworkToCase(fw, { changedAt: AT }).CFRubrics ?? [];
    expect(rubric.title).toBe(fw.scales[0].name);
    expect(rubric.CFRubricCriteria).toHaveLength(fw.competencies.length);
    const first = rubric.CFRubricCriteria?.[0];
    expect(first?.CFItemURI?.title).toBe(fw.competencies[0].name);
    expect(first?.CFRubricCriterionLevels?.map((l) => [l.quality, l.score, l.position, l.description])).toEqual(
      fw.scales[0].levels.map((l, i) => [l.name, l.value, i + 1, fw.competencies[0].descriptors?.[l.code]]),
    );
  });

  it('derives the same identifiers every time, so a CASE server sees an update rather than a new framework', () => {
    const a = frameworkToCase(builtIn('mit-devops').data, { changedAt: AT });
    const b = frameworkToCase(builtIn('mit-devops').data, { changedAt: '2026-01-01T00:00:00Z' });
    expect(a.CFDocument.identifier).toBe(nameUuid('mit-devops'));
    expect((a.CFItems ?? []).map((i) => i.identifier)).toEqual((b.CFItems ?? []).map((i) => i.identifier));
    expect(frameworkToCase(builtIn('sre-ladder').data).CFDocument.identifier).not.toBe(a.CFDocument.identifier);
  });
});

import { nameUuid } from './nameUuid';

describe('name-based UUIDs for CASE identifiers', () => {
  it('match the version-5 UUID of RFC 4122 (DNS namespace, www.example.com)', () => {
    expect(nameUuid('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('are the same for the same name, different for different names, and handle any text length', () => {
    expect(nameUuid('mit-devops/competency/teamwork')).toBe(nameUuid('mit-devops/competency/teamwork'));
    expect(nameUuid('a')).not.toBe(nameUuid('b'));
    for (const name of ['', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'Führung – ✓'.repeat(40)]) {
      expect(nameUuid(name)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});

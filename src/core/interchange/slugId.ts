/**
 * Ids made from names, for files that give only names: "Cloud & Infra (L2)"
 * becomes "cloud-infra-l2". Ids follow the model's rule: lower-case letters,
 * digits, ".", "_" or "-", starting with a letter or digit, at most 64 long.
 */
const MAX = 64;

export function slugId(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, MAX)
    .replace(/[^a-z0-9]+$/, '');
}

/** A slug not yet in `taken` ("x", "x-2", "x-3"...); `fallback` when the name has no letters or digits. */
export function uniqueSlugId(name: string, taken: ReadonlySet<string>, fallback = 'item'): string {
  const base = slugId(name) || fallback;
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const suffix = `-${i}`;
    const candidate = base.slice(0, MAX - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}

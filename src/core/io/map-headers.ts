/**
 * Header matching shared by the household and site readers: a header's comparison key, an alias
 * table turned into a lookup, and headers mapped through it (first column of a field wins).
 * Cost: O(columns + aliases).
 */
import { normalizeWidth } from './normalize-width.ts';

/** The key a header or alias is compared by: width-folded, lower case, no spaces, `_` or `-`. */
export function headerKey(header: string): string {
  return normalizeWidth(header).replace(/^\uFEFF/, '').replace(/[\s_-]+/g, '').toLowerCase();
}

/** Builds a header-key → field lookup from an alias table. */
export function aliasLookup<F extends string>(aliases: Readonly<Record<F, readonly string[]>>): Map<string, F> {
  const lookup = new Map<string, F>();
  for (const [field, names] of Object.entries(aliases) as [F, readonly string[]][]) {
    for (const name of names) lookup.set(headerKey(name), field);
  }
  return lookup;
}

/** Maps headers through a lookup; the first column of a field wins unless the field repeats. */
export function mapHeaders<F extends string>(
  headers: readonly string[], lookup: ReadonlyMap<string, F>, repeatable: readonly F[] = [],
): (F | null)[] {
  const taken = new Set<F>();
  return headers.map((h) => {
    const field = lookup.get(headerKey(h));
    if (field === undefined) return null;
    if (taken.has(field) && !repeatable.includes(field)) return null;
    taken.add(field);
    return field;
  });
}

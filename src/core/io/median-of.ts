/**
 * The median of a file's longitudes or latitudes, by selection (`medianOf`): the centre of the
 * `outside_area` test (`flagOutlyingRows`, and the table parser's fast path).
 */
/**
 * The k-th smallest value (0-based) of `a`, which it reorders so that every value before index k
 * is ≤ it (quickselect, Hoare partition around a median of three; after 64 rounds the rest is
 * sorted, so a hostile order costs O(n log n), not O(n²)). For values without NaN or ±0, the
 * value a numeric sort would put at k.
 */
function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  for (let rounds = 0; hi > lo; rounds++) {
    if (rounds === 64) return a.subarray(lo, hi + 1).sort()[k - lo]!;
    const x = a[lo]!, y = a[(lo + hi) >>> 1]!, z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : (x < z ? x : y < z ? z : y);
    let i = lo, j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) { const t = a[i]!; a[i] = a[j]!; a[j] = t; i++; j--; }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/**
 * The median of `values` (mean of the middle two for an even count; NaN when empty) — the value a
 * copy sorted by `(a, b) => a - b` has in the middle — by selection, O(n): the centre of the
 * `outside_area` test. With a NaN or ±0 among the values (where that sort and `<` can disagree:
 * the sort keeps -0 and 0 in input order) the copy is sorted that very way instead.
 */
export function medianOf(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return NaN;
  const mid = n >> 1;
  if (values.some((v) => !(v < 0 || v > 0))) {
    const sorted = Array.from(values).sort((a, b) => a - b);
    return n % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
  }
  const s = values.slice();
  const upper = kthSmallest(s, mid);
  if (n % 2 === 1) return upper;
  let lower = -Infinity;
  for (let k = 0; k < mid; k++) if (s[k]! > lower) lower = s[k]!;
  return (lower + upper) / 2;
}


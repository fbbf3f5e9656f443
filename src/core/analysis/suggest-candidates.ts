/**
 * The candidate positions of a site suggestion, in this order: every home to cover (its exact
 * position), then the blind-spot cluster centroids, then the points the user pinned (hilltops);
 * a candidate at the exact position (same lon and lat numbers) of an earlier one is dropped, and
 * so is one with a non-finite coordinate. Each keeps its source. Candidate j of the result is
 * candidate j of the maximal-covering instance. Cost: O(homes + centroids + pinned) (a hash set
 * of positions).
 */
export type CandidateSource = 'household' | 'centroid' | 'pinned';

export interface SuggestCandidates {
  lon: Float64Array;
  lat: Float64Array;
  source: CandidateSource[];
}

export function suggestCandidates(
  homes: { lon: Float64Array; lat: Float64Array },
  clusterCentroids: readonly (readonly [number, number])[] = [],
  pinned: readonly (readonly [number, number])[] = [],
): SuggestCandidates {
  const lon: number[] = [], lat: number[] = [], source: CandidateSource[] = [];
  const seen = new Set<string>();
  const add = (x: number, y: number, from: CandidateSource): void => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    const key = `${x},${y}`;
    if (seen.has(key)) return;
    seen.add(key); lon.push(x); lat.push(y); source.push(from);
  };
  for (let k = 0; k < homes.lon.length; k++) add(homes.lon[k]!, homes.lat[k]!, 'household');
  for (const [x, y] of clusterCentroids) add(x, y, 'centroid');
  for (const [x, y] of pinned) add(x, y, 'pinned');
  return { lon: Float64Array.from(lon), lat: Float64Array.from(lat), source };
}

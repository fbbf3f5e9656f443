/**
 * The reference: `@turf/clusters-dbscan` (via `@turf/turf`) on the same points in the same order,
 * with `maxDistance = epsM` and `units: 'meters'` — the definition `clusterDbscan` reproduces —
 * and `turfReaches`, Turf's neighbour test re-stated from its source (search box, then
 * `@turf/distance`) for brute-force checks.
 * Turf's "core" label is not core-ness: it also marks border points that a cluster reached before
 * the outer loop did. Cost: Turf's, ~1.2 s for 10,000 village homes; `turfReaches` O(1).
 */
import { clustersDbscan, distance, featureCollection, point } from '@turf/turf';

export interface TurfDbscanResult {
  clusterOf: Int32Array;
  label: ('core' | 'edge' | 'noise')[];
}

export function turfDbscan(lon: ArrayLike<number>, lat: ArrayLike<number>, epsM: number, minPoints: number): TurfDbscanResult {
  const points = featureCollection(Array.from({ length: lon.length }, (_, i) => point([lon[i]!, lat[i]!])));
  const out = clustersDbscan(points, epsM, { units: 'meters', minPoints, mutate: true });
  const clusterOf = new Int32Array(lon.length);
  const label: TurfDbscanResult['label'] = [];
  out.features.forEach((f, i) => {
    clusterOf[i] = f.properties.cluster ?? -1;
    label.push(f.properties.dbscan ?? 'noise');
  });
  return { clusterOf, label };
}

/** Is b in a's region query in `@turf/clusters-dbscan` 7.4 (units 'meters')? */
export function turfReaches(a: readonly [number, number], b: readonly [number, number], epsM: number): boolean {
  const latHalf = (((epsM / 6371008.8) % (2 * Math.PI)) * 180) / Math.PI;
  const minY = Math.max(a[1] - latHalf, -90);
  const maxY = Math.min(a[1] + latHalf, 90);
  const rad = (d: number): number => ((d % 360) * Math.PI) / 180;
  const lonHalf = minY < 0 && maxY > 0 ? latHalf
    : Math.abs(minY) < Math.abs(maxY) ? latHalf / Math.cos(rad(maxY)) : latHalf / Math.cos(rad(minY));
  const inBox = b[1] >= minY && b[1] <= maxY && b[0] >= Math.max(a[0] - lonHalf, -360) && b[0] <= Math.min(a[0] + lonHalf, 360);
  return inBox && distance(point([a[0], a[1]]), point([b[0], b[1]]), { units: 'meters' }) <= epsM;
}

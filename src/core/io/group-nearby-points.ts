/**
 * Single-linkage grouping of points: two points of the same `group` key whose haversine distance
 * is at most `maxDistanceM` are in one group, and so, transitively, are chains of such points
 * (the connected components of the "within maxDistanceM" graph).
 *
 * Computes: for each point, the 0-based index of its group; groups are numbered in the order of
 * their first point. Uses a uniform grid in a conservative local metric (metres per degree taken
 * at the largest |latitude| of the input, scaled by 0.99, so no pair within reach is missed) and
 * a union-find; each point is compared only with earlier points of its own and the 8 surrounding
 * grid cells, skipping those already in its group; exact duplicates are joined without a
 * distance test.
 * Limits: for k distinct points packed within one grid cell the cost grows as k²; real cell
 * exports have a few dozen cells per tower. Cost: O(n) for spread-out points.
 */
import { haversineM } from '../analysis/haversine-m.ts';

export interface GroupablePoint {
  lon: number;
  lat: number;
  /** Points with different keys are never grouped (e.g. different operators). */
  group: string;
}

const M_PER_DEG = 111_195; // 2πR/360 with R = 6,371,008.8 m, as haversineM

export function groupNearbyPoints(points: readonly GroupablePoint[], maxDistanceM: number): number[] {
  const n = points.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    for (let j = i; parent[j] !== r;) { const next = parent[j]!; parent[j] = r; j = next; }
    return r;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  let maxAbsLat = 0;
  for (const p of points) maxAbsLat = Math.max(maxAbsLat, Math.min(89, Math.abs(p.lat)));
  const yScale = M_PER_DEG * 0.99;
  const xScale = M_PER_DEG * Math.cos((maxAbsLat * Math.PI) / 180) * 0.99;
  const size = maxDistanceM > 0 ? maxDistanceM : 1;
  const buckets = new Map<string, number[]>();
  const exact = new Map<string, number>();

  points.forEach((p, i) => {
    const same = `${p.group}\u0000${p.lon}\u0000${p.lat}`;
    const twin = exact.get(same);
    if (twin !== undefined) { union(twin, i); return; }
    exact.set(same, i);
    const bx = Math.floor((p.lon * xScale) / size);
    const by = Math.floor((p.lat * yScale) / size);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const others = buckets.get(`${p.group}\u0000${bx + dx}\u0000${by + dy}`);
        if (!others) continue;
        for (const j of others) {
          if (find(j) === find(i)) continue;
          const q = points[j]!;
          if (haversineM([p.lon, p.lat], [q.lon, q.lat]) <= maxDistanceM) union(i, j);
        }
      }
    }
    const key = `${p.group}\u0000${bx}\u0000${by}`;
    const list = buckets.get(key);
    if (list) list.push(i);
    else buckets.set(key, [i]);
  });

  const numbers = new Map<number, number>();
  return points.map((_, i) => {
    const root = find(i);
    let g = numbers.get(root);
    if (g === undefined) { g = numbers.size; numbers.set(root, g); }
    return g;
  });
}

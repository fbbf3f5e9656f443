/**
 * Single-linkage grouping of points: two points of the same `group` key whose haversine distance
 * is at most `maxDistanceM` are in one group, and so, transitively, are chains of such points
 * (the connected components of the "within maxDistanceM" graph).
 *
 * Computes: for each point, the 0-based index of its group; groups are numbered in the order of
 * their first point. Uses a uniform grid in a conservative local metric (metres per degree taken
 * at the largest |latitude| of the input, scaled by 0.99, so no pair within reach is missed) and
 * a union-find; each point is compared only with earlier points of its own and the 8 surrounding
 * grid cells. A grid cell keeps its points as lists, one per group, each with its bounding box:
 * a list already in the point's group, or whose box is out of reach, is skipped in O(1), and
 * another is scanned only until the first point within reach; exact duplicates are joined
 * without a distance test.
 * Limits: `maxDistanceTests` (default `GROUPING_LIMITS`: 10,000,000 + 50 per point, ~1.5 s at
 * ~120 ns a test) — past it, `UserInputError` `cells_too_dense`. Only a contrived file reaches
 * it: thousands of points of separate groups spread so that each lies just beyond `maxDistanceM`
 * of the others yet within the boxes of their lists.
 * Cost: O(n) for real cell exports (a few dozen cells per tower), for n points stacked in one
 * place and for two stacks just out of reach of each other; O(n log n) list merging at worst.
 */
import { haversineM } from '../analysis/haversine-m.ts';
import { UserInputError } from '../model/errors.ts';

export interface GroupablePoint {
  lon: number;
  lat: number;
  /** Points with different keys are never grouped (e.g. different operators). */
  group: string;
}

const M_PER_DEG = 111_195; // 2πR/360 with R = 6,371,008.8 m, as haversineM

/** Distance tests allowed: `base + perPoint × points` (real exports need a few per point; ~120 ns a test). */
export const GROUPING_LIMITS = Object.freeze({ base: 10_000_000, perPoint: 50 });

/** The point's own grid cell first (its group is most likely there, and then lists of that group are skipped), then the 8 around. */
const NEIGHBOURS: readonly (readonly [number, number])[] = [[0, 0], [-1, -1], [-1, 0], [-1, 1], [0, -1], [0, 1], [1, -1], [1, 0], [1, 1]];

/** Points of one grid cell that are in one group, with their bounding box. */
interface CellList {
  members: number[];
  minLon: number;
  maxLon: number;
  minLat: number;
  maxLat: number;
}

export function groupNearbyPoints(
  points: readonly GroupablePoint[], maxDistanceM: number,
  maxDistanceTests: number = GROUPING_LIMITS.base + GROUPING_LIMITS.perPoint * points.length,
): number[] {
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
  /** Grid cell (per group key) → its points, as lists each lying in one group. */
  const buckets = new Map<string, CellList[]>();
  const exact = new Map<string, number>();
  let tests = 0;
  /** No point of the list can be within reach of `p`: its box is further away, in the same conservative metric. */
  const outOfReach = (l: CellList, p: GroupablePoint): boolean => {
    const dx = Math.max(0, l.minLon - p.lon, p.lon - l.maxLon) * xScale;
    const dy = Math.max(0, l.minLat - p.lat, p.lat - l.maxLat) * yScale;
    return dx * dx + dy * dy > maxDistanceM * maxDistanceM;
  };
  /** Grows the box of `l` to hold the box of `o`. */
  const extend = (l: CellList, o: Pick<CellList, 'minLon' | 'maxLon' | 'minLat' | 'maxLat'>) => {
    l.minLon = Math.min(l.minLon, o.minLon); l.maxLon = Math.max(l.maxLon, o.maxLon);
    l.minLat = Math.min(l.minLat, o.minLat); l.maxLat = Math.max(l.maxLat, o.maxLat);
  };

  points.forEach((p, i) => {
    const same = `${p.group}\u0000${p.lon}\u0000${p.lat}`;
    const twin = exact.get(same);
    if (twin !== undefined) { union(twin, i); return; }
    exact.set(same, i);
    const bx = Math.floor((p.lon * xScale) / size);
    const by = Math.floor((p.lat * yScale) / size);
    for (const [dx, dy] of NEIGHBOURS) {
      const lists = buckets.get(`${p.group}\u0000${bx + dx}\u0000${by + dy}`);
      if (!lists) continue;
      for (const list of lists) {
        // The whole list is in this point's group already, or too far: skipped in O(1).
        if (find(list.members[0]!) === find(i) || outOfReach(list, p)) continue;
        for (const j of list.members) {
          if (++tests > maxDistanceTests) {
            throw new UserInputError('cells_too_dense',
              `the list has too many cells packed around ${maxDistanceM} m from each other to group them into sites `
              + `(${n.toLocaleString('en')} cells); is it a real cell export?`, { cells: n });
          }
          const q = points[j]!;
          if (haversineM([p.lon, p.lat], [q.lon, q.lat]) <= maxDistanceM) { union(i, j); break; }
        }
      }
    }
    // File the point in its grid cell, in the list of its group (joining lists that became one group).
    const key = `${p.group}\u0000${bx}\u0000${by}`;
    const lists = buckets.get(key);
    const own: CellList = { members: [i], minLon: p.lon, maxLon: p.lon, minLat: p.lat, maxLat: p.lat };
    if (!lists) { buckets.set(key, [own]); return; }
    const root = find(i);
    let mineAt = -1;
    for (let k = 0; k < lists.length;) {
      if (find(lists[k]!.members[0]!) !== root) { k++; continue; }
      if (mineAt < 0) { mineAt = k; k++; continue; }
      let big = lists[mineAt]!;
      let small = lists[k]!;
      if (small.members.length > big.members.length) { [big, small] = [small, big]; lists[mineAt] = big; }
      for (const j of small.members) big.members.push(j); // the smaller into the larger: O(n log n) moves in all
      extend(big, small);
      lists[k] = lists[lists.length - 1]!; // mineAt < k, so it never moves
      lists.pop();
    }
    if (mineAt < 0) { lists.push(own); return; }
    lists[mineAt]!.members.push(i);
    extend(lists[mineAt]!, own);
  });

  const numbers = new Map<number, number>();
  return points.map((_, i) => {
    const root = find(i);
    let g = numbers.get(root);
    if (g === undefined) { g = numbers.size; numbers.set(root, g); }
    return g;
  });
}

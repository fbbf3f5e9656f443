import { describe, expect, it } from 'vitest';
import { distance, point } from '@turf/turf';
import { clusterDbscan } from '../../../../src/core/index.ts';
import { turfDbscan, turfReaches } from '../../../bench/turf-dbscan.ts';

type Pt = [lon: number, lat: number];

/** Runs ours and Turf on the same ordered points; asserts identical membership and true core flags. */
function both(points: Pt[], epsM: number, minPoints: number): number[] {
  const lon = Float64Array.from(points, (p) => p[0]);
  const lat = Float64Array.from(points, (p) => p[1]);
  const ours = clusterDbscan(lon, lat, { epsM, minPoints });
  const turf = turfDbscan(lon, lat, epsM, minPoints);
  expect(Array.from(ours.clusterOf)).toEqual(Array.from(turf.clusterOf));
  expect(ours.clusterCount).toBe(new Set(Array.from(turf.clusterOf).filter((c) => c >= 0)).size);
  const trueCore = points.map((a) => points.filter((b) => turfReaches(a, b, epsM)).length >= (minPoints || 3));
  expect(Array.from(ours.isCore, Boolean)).toEqual(trueCore);
  return Array.from(ours.clusterOf);
}

/** The neighbouring doubles of x (x > 0). */
function nextUp(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}
function nextDown(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) - 1n);
  return view.getFloat64(0);
}
const turfM = (a: Pt, b: Pt): number => distance(point(a), point(b), { units: 'meters' });

describe('clusterDbscan: same clusters as @turf/clusters-dbscan', () => {
  it('handles empty input and a single point', () => {
    expect(both([], 500, 3)).toEqual([]);
    expect(clusterDbscan(new Float64Array(0), new Float64Array(0), { epsM: 500, minPoints: 3 }).clusterCount).toBe(0);
    expect(both([[108.1, 30.1]], 500, 1)).toEqual([0]);
    expect(both([[108.1, 30.1]], 500, 2)).toEqual([-1]);
  });

  it('counts every duplicate (itself included) and puts identical points together', () => {
    const pile: Pt[] = Array.from({ length: 40 }, () => [108.2, 30.2] as Pt);
    expect(both(pile, 1, 40)).toEqual(Array(40).fill(0));
    expect(both(pile, 1, 41)).toEqual(Array(40).fill(-1));
    const mixed: Pt[] = [[108, 30], [108.5, 30], [108, 30], [108.5, 30], [108, 30], [109, 31]];
    expect(both(mixed, 10, 3)).toEqual([0, -1, 0, -1, 0, -1]);
    expect(both(mixed, 10, 2)).toEqual([0, 1, 0, 1, 0, -1]);
  });

  it('minPoints 1: every point is core, clusters are the eps-connected groups; minPoints 2: pairs', () => {
    const pts: Pt[] = [[108, 30], [108.003, 30], [108.1, 30], [108.006, 30], [108.2, 30.2]];
    expect(both(pts, 300, 1)).toEqual([0, 0, 1, 0, 2]);
    expect(both(pts, 300, 2)).toEqual([0, 0, -1, 0, -1]);
  });

  it('treats minPoints 0 as 3, like Turf', () => {
    const pts: Pt[] = [[108, 30], [108.001, 30], [108.002, 30], [108.5, 30], [108.501, 30]];
    expect(both(pts, 200, 0)).toEqual([0, 0, 0, -1, -1]);
  });

  for (const [name, b] of [
    ['east-west', [108.0046, 30] as Pt],
    ['north-south', [108, 30.0041] as Pt],
    ['diagonal', [108.0031, 30.0029] as Pt],
    ['diagonal at 53°N', [108.0071, 53.0033] as Pt],
  ] as const) {
    it(`decides a pair exactly eps apart like Turf (${name}), and the nearest doubles either side`, () => {
      const a: Pt = [108, name.includes('53') ? 53 : 30];
      const near = Math.min(turfM(a, b), turfM(b, a));
      const far = Math.max(turfM(a, b), turfM(b, a));
      const outcomes = new Set<string>();
      for (const eps of [nextDown(near), near, nextUp(near), far, nextUp(far)]) {
        // minPoints 2: whichever reaches the other is core and takes it along.
        const expected = turfReaches(a, b, eps) || turfReaches(b, a, eps) ? [0, 0] : [-1, -1];
        expect(both([a, b], eps, 2)).toEqual(expected);
        expect(both([b, a], eps, 2)).toEqual(expected);
        outcomes.add(expected.join());
      }
      expect(outcomes.size).toBe(2);
    });
  }

  it('follows a one-way pair (distance a→b ≠ b→a in the last bit) the way Turf does, in both orders', () => {
    // Turf's haversine multiplies cos(lat1)·cos(lat2) in argument order, so d(a→b) and d(b→a)
    // can differ by one ulp; with eps between them only one of the two reaches the other.
    let a: Pt = [0, 0];
    let b: Pt = [0, 0];
    for (let k = 0; ; k++) {
      a = [108 + k * 1e-5, 30 + k * 7e-6];
      b = [a[0] + 0.003 + (k % 17) * 1e-4, a[1] + 0.002 + (k % 13) * 1e-4];
      if (turfM(a, b) !== turfM(b, a)) break;
    }
    const eps = Math.min(turfM(a, b), turfM(b, a));
    const [from, to] = turfM(a, b) <= eps ? [a, b] : [b, a]; // from reaches to, not back
    expect(turfReaches(from, to, eps) && !turfReaches(to, from, eps)).toBe(true);
    // `from` has a twin; `to` has a partner on its far side.
    const away: Pt = [to[0] + (to[0] - from[0]) * 0.1, to[1] + (to[1] - from[1]) * 0.1];
    expect(both([from, from, to, away], eps, 2)).toEqual([0, 0, 0, 0]); // from's cluster runs on into to's
    expect(both([to, away, from, from], eps, 2)).toEqual([0, 0, 1, 1]); // to's cluster cannot reach back
    expect(both([to, from, away, from], eps, 2)).toEqual([0, 1, 0, 1]);
  });

  it('uses Turf\'s search box, not the haversine disc: near the equator the box is latHalf wide', () => {
    const eps = 50_000;
    const latHalf = ((eps / 6371008.8) % (2 * Math.PI)) * 180 / Math.PI;
    const p: Pt = [0, latHalf - 0.001]; // its box straddles the equator: lon half-width = latHalf
    const q: Pt = [latHalf * (1 + 1e-5), latHalf + 0.001]; // its box does not: wider
    expect(turfM(p, q)).toBeLessThan(eps);
    expect(turfReaches(q, p, eps) && !turfReaches(p, q, eps)).toBe(true);
    expect(both([p, q], eps, 2)).toEqual([0, 0]); // q is core and reaches p
    // With a partner p' to the south, p is core first and its cluster cannot reach q (one-way):
    // q starts cluster 1 although it is within eps of p.
    expect(both([p, q, [q[0] + 0.9, q[1]], [p[0], p[1] - 0.3]], eps, 2)).toEqual([0, 1, -1, 0]);
    expect(both([q, p, [q[0] + 0.9, q[1]], [p[0], p[1] - 0.3]], eps, 2)).toEqual([0, 0, -1, 0]);
    expect(both([p, q], eps, 3)).toEqual([-1, -1]);
  });

  it('gives a border point reachable from two clusters to the cluster numbered first (Turf: first to expand)', () => {
    // Two clumps 800 m apart along a parallel; a border point 390 m from the west clump's edge
    // and 410 m from the east clump's edge; eps 420 m, minPoints 4 (the border point has 3).
    const m = 1 / (111_195 * Math.cos((30 * Math.PI) / 180)); // degrees of longitude per metre at 30°N
    const west: Pt[] = [0, 50, 100, 150].map((x) => [108 - x * m, 30]);
    const east: Pt[] = [0, 50, 100, 150].map((x) => [108 + (800 + x) * m, 30]);
    const border: Pt = [108 + 390 * m, 30];
    expect(both([...west, ...east, border], 420, 4)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 0]);
    // Closer to the west clump, but the east one is cluster 0 now:
    expect(both([...east, ...west, border], 420, 4)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 0]);
    expect(both([border, ...east, ...west], 420, 4)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1]);
    expect(both([...west.slice(1), border, ...east, west[0]!], 420, 4)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 0]);
    // Turf labels a border point "core" when a cluster reaches it before its own turn; isCore does not.
    const lon = Float64Array.from([...east, border, ...west], (p) => p[0]);
    const lat = Float64Array.from([...east, border, ...west], (p) => p[1]);
    expect(turfDbscan(lon, lat, 420, 4).label[4]).toBe('core');
    expect(clusterDbscan(lon, lat, { epsM: 420, minPoints: 4 }).isCore[4]).toBe(0);
  });

  it('does not wrap the antimeridian, like Turf\'s box', () => {
    expect(both([[179.9999, 10], [-179.9999, 10], [179.9998, 10]], 1000, 2)).toEqual([0, -1, 0]);
  });

  it('rejects what it cannot do exactly', () => {
    const one = new Float64Array([108]);
    expect(() => clusterDbscan(one, new Float64Array([30]), { epsM: 0, minPoints: 3 })).toThrow(RangeError);
    expect(() => clusterDbscan(one, new Float64Array([30]), { epsM: 2e6, minPoints: 3 })).toThrow(RangeError);
    expect(() => clusterDbscan(one, new Float64Array([91]), { epsM: 500, minPoints: 3 })).toThrow(RangeError);
    expect(() => clusterDbscan(one, new Float64Array([NaN]), { epsM: 500, minPoints: 3 })).toThrow(RangeError);
    expect(() => clusterDbscan(one, new Float64Array(2), { epsM: 500, minPoints: 3 })).toThrow(RangeError);
  });

  it('does not change its inputs', () => {
    const lon = new Float64Array([108, 108.001, 108.002]);
    const lat = new Float64Array([30, 30, 30]);
    clusterDbscan(lon, lat, { epsM: 200, minPoints: 2 });
    expect(Array.from(lon)).toEqual([108, 108.001, 108.002]);
    expect(Array.from(lat)).toEqual([30, 30, 30]);
  });
});

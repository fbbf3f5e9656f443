import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { distance, point } from '@turf/turf';
import { clusterDbscan } from '../../../../src/core/index.ts';
import { turfDbscan, turfReaches } from '../../../bench/turf-dbscan.ts';

const M_PER_DEG = 111_195;

interface Scenario {
  lon: Float64Array;
  lat: Float64Array;
  epsM: number;
  minPoints: number;
}

/**
 * Random clumps: centres in the given boxes, points at 0–3 eps from their clump's centre (so
 * every eps sees clumps, gaps and chains), ~20 % exact duplicates of earlier points; eps from
 * 1 m to 50 km, and in a third of the cases exactly Turf's distance between two of the points.
 */
function scenario(boxes: { lon: [number, number]; lat: [number, number] }[]): fc.Arbitrary<Scenario> {
  const centre = fc.integer({ min: 0, max: boxes.length - 1 }).chain((b) => fc.tuple(
    fc.double({ min: boxes[b]!.lon[0], max: boxes[b]!.lon[1], noNaN: true }),
    fc.double({ min: boxes[b]!.lat[0], max: boxes[b]!.lat[1], noNaN: true }),
  ));
  return fc.record({
    eps: fc.oneof(
      fc.constantFrom(1, 10, 100, 500, 5_000, 50_000),
      fc.double({ min: 1, max: 50_000, noNaN: true }),
    ),
    epsFromPair: fc.option(fc.tuple(fc.nat(), fc.nat()), { freq: 2 }),
    minPoints: fc.integer({ min: 1, max: 6 }),
    centres: fc.array(centre, { minLength: 1, maxLength: 8 }),
    points: fc.array(fc.record({
      clump: fc.nat(),
      r: fc.double({ min: 0, max: 3, noNaN: true }),
      angle: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
      copy: fc.integer({ min: 0, max: 9 }),
      of: fc.nat(),
    }), { maxLength: 300, size: 'max' }),
  }).map(({ eps, epsFromPair, minPoints, centres, points }) => {
    const n = points.length;
    const lon = new Float64Array(n);
    const lat = new Float64Array(n);
    points.forEach((p, i) => {
      if (i > 0 && p.copy < 2) {
        lon[i] = lon[p.of % i]!;
        lat[i] = lat[p.of % i]!;
        return;
      }
      const [cx, cy] = centres[p.clump % centres.length]!;
      lat[i] = Math.max(-90, Math.min(90, cy + (p.r * eps * Math.sin(p.angle)) / M_PER_DEG));
      lon[i] = Math.max(-180, Math.min(180, cx + (p.r * eps * Math.cos(p.angle)) / (M_PER_DEG * Math.cos((cy * Math.PI) / 180))));
    });
    let epsM = eps;
    if (epsFromPair && n >= 2) {
      const [a, b] = [epsFromPair[0] % n, epsFromPair[1] % n];
      const d = distance(point([lon[a]!, lat[a]!]), point([lon[b]!, lat[b]!]), { units: 'meters' });
      if (d >= 1 && d <= 50_000) epsM = d;
    }
    return { lon, lat, epsM, minPoints };
  });
}

/**
 * Chains at the edge: a random walk whose steps are 0.97–1.03 eps long (a quarter of them due
 * north/south/east/west), a few duplicates, and eps set to Turf's distance of one step in one
 * direction, or the double just above or below it — so that single last-bit decisions (and
 * one-way pairs, where d(a→b) ≠ d(b→a)) decide the clusters.
 */
function chain(box: { lon: [number, number]; lat: [number, number] }): fc.Arbitrary<Scenario> {
  return fc.record({
    start: fc.tuple(fc.double({ min: box.lon[0], max: box.lon[1], noNaN: true }), fc.double({ min: box.lat[0], max: box.lat[1], noNaN: true })),
    eps: fc.constantFrom(1, 30, 500, 5_000, 50_000),
    minPoints: fc.integer({ min: 1, max: 4 }),
    steps: fc.array(fc.record({
      quarter: fc.integer({ min: 0, max: 3 }),
      axis: fc.boolean(),
      angle: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
      stretch: fc.double({ min: 0.97, max: 1.03, noNaN: true }),
      copy: fc.integer({ min: 0, max: 9 }),
    }), { minLength: 1, maxLength: 40 }),
    pick: fc.nat(),
    reverse: fc.boolean(),
    nudge: fc.constantFrom(-1, 0, 0, 1),
  }).map(({ start, eps, minPoints, steps, pick, reverse, nudge }) => {
    const pts: [number, number][] = [start];
    for (const st of steps) {
      const [x, y] = pts[pts.length - 1]!;
      if (st.copy === 0) { pts.push([x, y]); continue; }
      const angle = st.axis ? (st.quarter * Math.PI) / 2 : st.angle;
      const len = eps * st.stretch;
      const ny = Math.max(-90, Math.min(90, y + (len * Math.sin(angle)) / M_PER_DEG));
      const nx = Math.max(-180, Math.min(180, x + (len * Math.cos(angle)) / (M_PER_DEG * Math.cos((y * Math.PI) / 180))));
      pts.push([nx, ny]);
    }
    // Prefer a step whose two directions differ in the last bit (then eps = the smaller makes it one-way).
    const turfM = (a: [number, number], b: [number, number]): number => distance(point(a), point(b), { units: 'meters' });
    let k = pick % (pts.length - 1);
    for (let t = 0; t < pts.length - 1; t++) {
      const s = (k + t) % (pts.length - 1);
      if (turfM(pts[s]!, pts[s + 1]!) !== turfM(pts[s + 1]!, pts[s]!)) {
        k = s;
        break;
      }
    }
    const [a, b] = reverse ? [pts[k + 1]!, pts[k]!] : [pts[k]!, pts[k + 1]!];
    let epsM = Math.min(turfM(a, b), turfM(b, a));
    if (!(epsM >= 0.01)) epsM = eps;
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, epsM);
    view.setBigUint64(0, view.getBigUint64(0) + BigInt(nudge));
    epsM = view.getFloat64(0);
    return { lon: Float64Array.from(pts, (p) => p[0]), lat: Float64Array.from(pts, (p) => p[1]), epsM, minPoints };
  });
}

function sameAsTurf({ lon, lat, epsM, minPoints }: Scenario): void {
  const ours = clusterDbscan(lon, lat, { epsM, minPoints });
  const turf = turfDbscan(lon, lat, epsM, minPoints);
  expect(Array.from(ours.clusterOf)).toEqual(Array.from(turf.clusterOf));
  expect(ours.clusterCount).toBe(Math.max(-1, ...turf.clusterOf) + 1);
  // Turf's labels: a true core point is always "core"; "edge" and "noise" are never core.
  turf.label.forEach((label, i) => { if (label !== 'core') expect(ours.isCore[i]).toBe(0); });
  if (lon.length <= 120) {
    const pts = Array.from(lon, (x, i): [number, number] => [x, lat[i]!]);
    const trueCore = pts.map((a) => (pts.filter((b) => turfReaches(a, b, epsM)).length >= minPoints ? 1 : 0));
    expect(Array.from(ours.isCore)).toEqual(trueCore);
  }
}

const RUNS = 250;
/** Report the first counterexample as found: shrinking hundreds of points through Turf takes minutes. */
const OPTIONS = { numRuns: RUNS, endOnFailure: true };

describe('clusterDbscan equals @turf/clusters-dbscan (property)', () => {
  it('on random clumps around Chongqing (29–31°N, 107–109°E)', () => {
    fc.assert(fc.property(scenario([{ lon: [107, 109], lat: [29, 31] }]), sameAsTurf), OPTIONS);
  });

  it('at high latitude (53°N) and mixed with Chongqing in one input', () => {
    fc.assert(fc.property(scenario([
      { lon: [107, 109], lat: [52.5, 53.5] },
      { lon: [107, 109], lat: [29, 31] },
    ]), sameAsTurf), OPTIONS);
  });

  it('where Turf\'s box has edge cases: the equator, the 32° binade, near the pole, the antimeridian', () => {
    fc.assert(fc.property(scenario([
      { lon: [-0.5, 0.5], lat: [-0.5, 0.5] },
      { lon: [107, 109], lat: [31.9, 32.1] },
      { lon: [10, 12], lat: [80, 84] },
      { lon: [179.5, 180], lat: [10, 11] },
      { lon: [-180, -179.5], lat: [10, 11] },
    ]), sameAsTurf), OPTIONS);
  });

  it('on chains of points about eps apart, with eps at one step\'s distance to the last bit', () => {
    const boxes: { lon: [number, number]; lat: [number, number] }[] = [
      { lon: [107, 109], lat: [29, 31] }, { lon: [107, 109], lat: [31.95, 32.05] }, { lon: [107, 109], lat: [52.5, 53.5] },
      { lon: [-0.3, 0.3], lat: [-0.3, 0.3] }, { lon: [0, 1], lat: [0.4, 0.5] },
    ];
    fc.assert(fc.property(fc.constantFrom(...boxes).chain(chain), sameAsTurf), { ...OPTIONS, numRuns: 4 * RUNS });
  });
});

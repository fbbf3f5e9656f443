import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binomial, bruteForceMaxCover, greedyMaxCover, suggestSites, UserInputError, type MaxCoverInstance,
} from '../../../../src/core/index.ts';
import { at, home, proposal } from '../coverage/fixtures.ts';

/** Brute force without the index: every K-subset, plain loops. */
function bruteForce(inst: MaxCoverInstance, k: number): number {
  const c = inst.candLon.length, n = inst.lon.length;
  const R = 6_371_008.8, RAD = Math.PI / 180;
  const d = (a: number, b: number, x: number, y: number): number => {
    const h = Math.sin((y - b) * RAD / 2) ** 2 + Math.cos(b * RAD) * Math.cos(y * RAD) * Math.sin((x - a) * RAD / 2) ** 2;
    return 2 * R * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
  };
  const covers = Array.from({ length: c }, (_, j) => Array.from({ length: n }, (_, q) => d(inst.candLon[j]!, inst.candLat[j]!, inst.lon[q]!, inst.lat[q]!) <= inst.radiusM));
  let best = 0;
  const kk = Math.min(k, c);
  const rec = (start: number, chosen: number[]): void => {
    if (chosen.length === kk) {
      let w = 0;
      for (let q = 0; q < n; q++) if (chosen.some((j) => covers[j]![q])) w += inst.weight[q]!;
      best = Math.max(best, w);
      return;
    }
    for (let j = start; j < c; j++) rec(j + 1, [...chosen, j]);
  };
  rec(0, []);
  return best;
}

const instanceArb = fc.record({
  points: fc.array(fc.tuple(fc.integer({ min: 0, max: 8000 }), fc.integer({ min: 0, max: 8000 }), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 40 }),
  cands: fc.array(fc.tuple(fc.integer({ min: 0, max: 8000 }), fc.integer({ min: 0, max: 8000 })), { minLength: 1, maxLength: 10 }),
  radiusM: fc.integer({ min: 300, max: 3000 }),
  k: fc.integer({ min: 1, max: 4 }),
});

function toInstance(x: { points: [number, number, number][]; cands: [number, number][]; radiusM: number }): MaxCoverInstance {
  const p = x.points.map(([e, n]) => at(e, n));
  const c = x.cands.map(([e, n]) => at(e, n));
  return {
    lon: Float64Array.from(p, (q) => q[0]), lat: Float64Array.from(p, (q) => q[1]), weight: Float64Array.from(x.points, (q) => q[2]),
    candLon: Float64Array.from(c, (q) => q[0]), candLat: Float64Array.from(c, (q) => q[1]), radiusM: x.radiusM,
  };
}

describe('greedyMaxCover vs bruteForceMaxCover', () => {
  it('exact = brute force; greedy ≥ (1 − 1/e) × optimum; marginal gains add up and never grow', () => {
    fc.assert(fc.property(instanceArb, (x) => {
      const inst = toInstance(x);
      const opt = bruteForce(inst, x.k);
      const exact = bruteForceMaxCover(inst, x.k);
      const greedy = greedyMaxCover(inst, x.k);
      expect(exact.totalWeight).toBe(opt);
      expect(greedy.totalWeight).toBeGreaterThanOrEqual((1 - 1 / Math.E) * opt - 1e-9);
      expect(greedy.totalWeight).toBeLessThanOrEqual(opt);
      expect(greedy.picks.reduce((s, p) => s + p.weight, 0)).toBe(greedy.totalWeight);
      expect(exact.picks.reduce((s, p) => s + p.weight, 0)).toBe(exact.totalWeight);
      for (let i = 1; i < greedy.picks.length; i++) expect(greedy.picks[i]!.weight).toBeLessThanOrEqual(greedy.picks[i - 1]!.weight);
      expect(new Set(greedy.picks.map((p) => p.candidate)).size).toBe(greedy.picks.length);
    }), { numRuns: 200 });
  });
  it('greedy can be below the optimum (the middle trap); exact finds it', () => {
    // Homes 0, 1000, 1500, 2000, 3000 m east (students 2, 2, 1, 2, 2); candidates 500, 2500 and 1500 m, radius 550 m.
    const inst = toInstance({
      points: [[0, 0, 2], [1000, 0, 2], [1500, 0, 1], [2000, 0, 2], [3000, 0, 2]],
      cands: [[500, 0], [2500, 0], [1500, 0]],
      radiusM: 550,
    });
    const greedy = greedyMaxCover(inst, 2);
    expect(greedy.picks.map((p) => [p.candidate, p.weight])).toEqual([[2, 5], [0, 2]]);
    expect(bruteForceMaxCover(inst, 2).totalWeight).toBe(8);
    expect(bruteForceMaxCover(inst, 2).picks.map((p) => p.candidate).sort()).toEqual([0, 1]);
  });
  it('refuses instances above the subset limit', () => {
    const inst = toInstance({ points: [[0, 0, 1]], cands: Array.from({ length: 40 }, (_, i) => [i * 10, 0] as [number, number]), radiusM: 100 });
    expect(binomial(40, 5)).toBe(658_008);
    expect(() => bruteForceMaxCover(inst, 5)).toThrow(UserInputError);
    expect(bruteForceMaxCover(inst, 2).totalWeight).toBe(1);
  });
});

describe('suggestSites', () => {
  const HOMES = [
    home('a1', at(0, 0), 'none', 2), home('a2', at(200, 0), 'none', 2), home('a3', at(0, 200), 'poor', 1),
    home('b1', at(10_000, 0), 'none', 1), home('b2', at(10_100, 0), 'none', 1),
    home('g', at(5000, 0), 'good', 9), // covered today: never a candidate, never counted
    home('c1', at(20_000, 0), 'none', 4),
  ];
  it('picks sites best first with marginal gains and totals', () => {
    const r = suggestSites(HOMES, { count: 5, radiusM: 1000, exact: 'never' });
    expect(r).toMatchObject({ method: 'greedy', greedyStudents: 11, optimumStudents: null, greedyGapPercent: null });
    expect(r.sites.map((s) => [s.newlyCoveredHouseholds, s.newlyCoveredStudents, s.rank])).toEqual([[3, 5, 1], [1, 4, 2], [2, 2, 3]]);
    expect(r.sites[0]!.site).toMatchObject({ status: 'proposed', origin: 'suggested', radiusM: 1000, costCny: 250_000, id: 'suggested-1' });
    expect(r).toMatchObject({ uncoveredHouseholdsBefore: 6, uncoveredStudentsBefore: 11, newlyCoveredHouseholds: 6, newlyCoveredStudents: 11, remainingStudents: 0, candidates: 6 });
  });
  it('removes what fixed proposals already cover and uses centroids and pinned points', () => {
    const r = suggestSites(HOMES, {
      count: 1, radiusM: 1000, fixed: [proposal('suggested-1', at(0, 0), 500)], pinned: [at(15_000, 0)], clusterCentroids: [at(10_050, 0)],
    });
    expect(r.uncoveredStudentsBefore).toBe(6);
    expect(r.sites[0]!.newlyCoveredStudents).toBe(4);
    expect(r.sites[0]!.site.id).toBe('suggested-2');
    const wide = suggestSites(HOMES, { count: 1, radiusM: 5100, pinned: [at(15_000, 0)] });
    expect(wide.sites[0]!.source).toBe('pinned');
    expect(wide.sites[0]!.newlyCoveredStudents).toBe(6);
    expect(suggestSites([], { count: 3 }).sites).toEqual([]);
  });
  it('uses the exact optimum when the instance is small, and reports the greedy gap', () => {
    // The middle trap as households: homes 0, 1000, 1500, 2000, 3000 m east; pinned 500 and 2500 m; radius 550 m.
    const homes = [[0, 2], [1000, 2], [1500, 1], [2000, 2], [3000, 2]].map(([e, s], i) => home(`h${i}`, at(e!, 0), 'none', s!));
    const opts = { count: 2, radiusM: 550, pinned: [at(500, 0), at(2500, 0)] };
    const auto = suggestSites(homes, opts);
    expect(auto).toMatchObject({ method: 'exact', greedyStudents: 7, optimumStudents: 8, newlyCoveredStudents: 8 });
    expect(auto.greedyGapPercent).toBeCloseTo(12.5, 10);
    expect(auto.sites.map((s) => [s.source, s.newlyCoveredStudents])).toEqual([['pinned', 4], ['pinned', 4]]);
    const greedy = suggestSites(homes, { ...opts, exact: 'never' });
    expect(greedy).toMatchObject({ method: 'greedy', newlyCoveredStudents: 7 });
    expect(greedy.sites[0]!.source).toBe('household');
    const many = Array.from({ length: 60 }, (_, i) => home(`m${i}`, at(i * 700, 0), 'none', 1));
    expect(suggestSites(many, { count: 5, radiusM: 500 }).method).toBe('greedy');
    expect(() => suggestSites(many, { count: 5, radiusM: 500, exact: 'always' })).toThrow(UserInputError);
  });
  it('refuses a bad count or radius', () => {
    expect(() => suggestSites(HOMES, { count: -1 })).toThrow(UserInputError);
    expect(() => suggestSites(HOMES, { count: 1.5 })).toThrow(UserInputError);
    expect(() => suggestSites(HOMES, { count: 1, radiusM: 0 })).toThrow(UserInputError);
  });
});

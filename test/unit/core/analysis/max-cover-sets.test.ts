/**
 * The maximal-covering solvers on precomputed coverage sets (what the terrain suggestions feed
 * them): HiGHS = the brute force on small random instances, the greedy within its guarantee, and
 * circles given as their coverage sets give exactly what the circles give.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bruteForceMaxCover, circleCoverageSets, greedyMaxCover, milpMaxCover,
  type HighsLike, type MaxCoverInstance, type MaxCoverResult, type MaxCoverSets,
} from '../../../../src/core/index.ts';
import { at } from '../coverage/fixtures.ts';

let highs: HighsLike;
beforeAll(async () => {
  highs = await (await import('highs')).default();
});

/** Random sets: `points` weights, `cands` subsets of point indices (deduplicated). */
const setsArb = fc.record({
  weights: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 30 }),
  cands: fc.array(fc.uniqueArray(fc.nat({ max: 29 }), { maxLength: 12 }), { minLength: 1, maxLength: 10 }),
  k: fc.integer({ min: 1, max: 5 }),
}).map(({ weights, cands, k }): { inst: MaxCoverSets; k: number } => ({
  inst: { weight: Float64Array.from(weights), sets: cands.map((c) => Int32Array.from(c.filter((q) => q < weights.length))) },
  k,
}));

/** What the picks really cover, from the sets; marginal gains add up, never grow, are positive. */
function checkPicks(inst: MaxCoverSets, r: MaxCoverResult, k: number): void {
  const covered = new Set<number>();
  for (const p of r.picks) for (const q of inst.sets[p.candidate]!) covered.add(q);
  expect(r.totalPoints).toBe(covered.size);
  expect(r.totalWeight).toBe([...covered].reduce((s, q) => s + inst.weight[q]!, 0));
  expect(r.picks.reduce((s, p) => s + p.weight, 0)).toBe(r.totalWeight);
  expect(r.picks.reduce((s, p) => s + p.points, 0)).toBe(r.totalPoints);
  for (let i = 1; i < r.picks.length; i++) expect(r.picks[i]!.weight).toBeLessThanOrEqual(r.picks[i - 1]!.weight);
  expect(new Set(r.picks.map((p) => p.candidate)).size).toBe(r.picks.length);
  expect(r.picks.length).toBeLessThanOrEqual(k);
}

describe('maximal covering over precomputed coverage sets', () => {
  it('HiGHS = brute force (students, then households); optimum ≥ greedy ≥ (1 − 1/e) × optimum', () => {
    fc.assert(fc.property(setsArb, ({ inst, k }) => {
      const brute = bruteForceMaxCover(inst, k);
      const milp = milpMaxCover(inst, k, highs);
      const greedy = greedyMaxCover(inst, k);
      expect(milp.status).toBe('optimal');
      expect([milp.totalWeight, milp.totalPoints]).toEqual([brute.totalWeight, brute.totalPoints]);
      expect(greedy.totalWeight).toBeLessThanOrEqual(brute.totalWeight);
      expect(greedy.totalWeight).toBeGreaterThanOrEqual((1 - 1 / Math.E) * brute.totalWeight - 1e-9);
      checkPicks(inst, greedy, k);
      checkPicks(inst, milp, k);
      checkPicks(inst, { ...brute, picks: brute.picks.filter((p) => p.weight > 0 || p.points > 0) }, k);
    }), { numRuns: 150 });
  });

  it('circles given as their coverage sets give exactly what the circles give', () => {
    const arb = fc.record({
      points: fc.array(fc.tuple(fc.integer({ min: 0, max: 8000 }), fc.integer({ min: 0, max: 8000 }), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 40 }),
      cands: fc.array(fc.tuple(fc.integer({ min: 0, max: 8000 }), fc.integer({ min: 0, max: 8000 })), { minLength: 1, maxLength: 10 }),
      radiusM: fc.integer({ min: 300, max: 3000 }),
      k: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(fc.property(arb, (x) => {
      const p = x.points.map(([e, n]) => at(e, n)), c = x.cands.map(([e, n]) => at(e, n));
      const circles: MaxCoverInstance = {
        lon: Float64Array.from(p, (q) => q[0]), lat: Float64Array.from(p, (q) => q[1]), weight: Float64Array.from(x.points, (q) => q[2]),
        candLon: Float64Array.from(c, (q) => q[0]), candLat: Float64Array.from(c, (q) => q[1]), radiusM: x.radiusM,
      };
      const sets: MaxCoverSets = { sets: circleCoverageSets(circles), weight: circles.weight };
      expect(greedyMaxCover(sets, x.k)).toEqual(greedyMaxCover(circles, x.k));
      expect(bruteForceMaxCover(sets, x.k)).toEqual(bruteForceMaxCover(circles, x.k));
      const a = milpMaxCover(circles, x.k, highs), b = milpMaxCover(sets, x.k, highs);
      expect([b.status, b.totalWeight, b.totalPoints, b.model]).toEqual([a.status, a.totalWeight, a.totalPoints, a.model]);
    }), { numRuns: 60 });
  });

  it('refuses too many subsets and too large a model, as over circles', () => {
    const inst: MaxCoverSets = { weight: Float64Array.from([1, 1, 1]), sets: Array.from({ length: 40 }, (_, j) => Int32Array.from([j % 3])) };
    expect(() => bruteForceMaxCover(inst, 5)).toThrow(/658008 subsets/);
    expect(milpMaxCover(inst, 5, highs, { maxNonzeros: 1 })).toMatchObject({ status: 'too_large', picks: [] });
    expect(milpMaxCover(inst, 5, highs, { maxNonzeros: 0.01 }).model).toEqual({ columns: 0, rows: 0, nonzeros: 0, pairs: 40 });
  });
});

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bruteForceMaxCover, greedyMaxCover, suggestSites, type MaxCoverInstance, type MaxCoverResult,
} from '../../../../src/core/index.ts';
import { milpMaxCover, type HighsLike } from '../../../../src/core/analysis/milp-max-cover.ts';
import { at, home } from '../coverage/fixtures.ts';

let highs: HighsLike;
beforeAll(async () => {
  highs = await (await import('highs')).default();
});

interface Spec { points: [number, number, number][]; cands: [number, number][]; radiusM: number }

function toInstance(x: Spec): MaxCoverInstance {
  const p = x.points.map(([e, n]) => at(e, n));
  const c = x.cands.map(([e, n]) => at(e, n));
  return {
    lon: Float64Array.from(p, (q) => q[0]), lat: Float64Array.from(p, (q) => q[1]), weight: Float64Array.from(x.points, (q) => q[2]),
    candLon: Float64Array.from(c, (q) => q[0]), candLat: Float64Array.from(c, (q) => q[1]), radiusM: x.radiusM,
  };
}

/** What the picks really cover, counted from scratch with the index-free haversine. */
function recount(inst: MaxCoverInstance, picks: readonly number[]): { weight: number; points: number } {
  const R = 6_371_008.8, RAD = Math.PI / 180;
  const d = (a: number, b: number, x: number, y: number): number => {
    const h = Math.sin((y - b) * RAD / 2) ** 2 + Math.cos(b * RAD) * Math.cos(y * RAD) * Math.sin((x - a) * RAD / 2) ** 2;
    return 2 * R * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
  };
  let weight = 0, points = 0;
  for (let q = 0; q < inst.lon.length; q++) {
    if (picks.some((j) => d(inst.candLon[j]!, inst.candLat[j]!, inst.lon[q]!, inst.lat[q]!) <= inst.radiusM)) { weight += inst.weight[q]!; points++; }
  }
  return { weight, points };
}

/** Marginal gains add up, never grow, are positive and are what the picks really cover. */
function checkPicks(inst: MaxCoverInstance, r: MaxCoverResult): void {
  expect(r.picks.reduce((s, p) => s + p.weight, 0)).toBeCloseTo(r.totalWeight, 9);
  expect(r.picks.reduce((s, p) => s + p.points, 0)).toBe(r.totalPoints);
  for (let i = 1; i < r.picks.length; i++) expect(r.picks[i]!.weight).toBeLessThanOrEqual(r.picks[i - 1]!.weight);
  for (const p of r.picks) expect(p.weight > 0 || p.points > 0).toBe(true);
  expect(new Set(r.picks.map((p) => p.candidate)).size).toBe(r.picks.length);
  const real = recount(inst, r.picks.map((p) => p.candidate));
  expect(real.weight).toBeCloseTo(r.totalWeight, 9);
  expect(real.points).toBe(r.totalPoints);
}

const smallArb = fc.record({
  points: fc.array(fc.tuple(fc.integer({ min: 0, max: 8000 }), fc.integer({ min: 0, max: 8000 }), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 40 }),
  cands: fc.array(fc.tuple(fc.integer({ min: 0, max: 8000 }), fc.integer({ min: 0, max: 8000 })), { minLength: 1, maxLength: 10 }),
  radiusM: fc.integer({ min: 300, max: 3000 }),
  k: fc.integer({ min: 1, max: 5 }),
});

describe('milpMaxCover', () => {
  it('equals the brute force (students, then households) on small random instances', () => {
    fc.assert(fc.property(smallArb, (x) => {
      const inst = toInstance(x);
      const brute = bruteForceMaxCover(inst, x.k);
      const milp = milpMaxCover(inst, x.k, highs);
      expect(milp.status).toBe('optimal');
      expect(milp.totalWeight).toBe(brute.totalWeight);
      expect(milp.totalPoints).toBe(brute.totalPoints);
      expect(milp.picks.length).toBeLessThanOrEqual(x.k);
      checkPicks(inst, milp);
    }), { numRuns: 150 });
  });

  it('greedy ≥ (1 − 1/e) × the MILP optimum ≥ greedy, on instances beyond the brute force', () => {
    const arb = fc.record({
      points: fc.array(fc.tuple(fc.integer({ min: 0, max: 15_000 }), fc.integer({ min: 0, max: 15_000 }), fc.integer({ min: 0, max: 4 })), { minLength: 50, maxLength: 250 }),
      cands: fc.array(fc.tuple(fc.integer({ min: 0, max: 15_000 }), fc.integer({ min: 0, max: 15_000 })), { minLength: 20, maxLength: 60 }),
      radiusM: fc.integer({ min: 1000, max: 4000 }),
      k: fc.integer({ min: 2, max: 8 }),
    });
    fc.assert(fc.property(arb, (x) => {
      const inst = toInstance(x);
      const milp = milpMaxCover(inst, x.k, highs);
      const greedy = greedyMaxCover(inst, x.k);
      expect(milp.status).toBe('optimal');
      expect(greedy.totalWeight).toBeLessThanOrEqual(milp.totalWeight);
      expect(greedy.totalWeight).toBeGreaterThanOrEqual((1 - 1 / Math.E) * milp.totalWeight - 1e-9);
      checkPicks(inst, milp);
    }), { numRuns: 40 });
  });

  it('finds the optimum where the greedy falls into the middle trap', () => {
    // Homes 0, 1000, 1500, 2000, 3000 m east (students 2, 2, 1, 2, 2); candidates 500, 2500 and 1500 m, radius 550 m.
    const inst = toInstance({ points: [[0, 0, 2], [1000, 0, 2], [1500, 0, 1], [2000, 0, 2], [3000, 0, 2]], cands: [[500, 0], [2500, 0], [1500, 0]], radiusM: 550 });
    expect(greedyMaxCover(inst, 2).totalWeight).toBe(7);
    const milp = milpMaxCover(inst, 2, highs);
    expect(milp).toMatchObject({ status: 'optimal', highsStatus: 'Optimal', totalWeight: 8, totalPoints: 4 });
    expect(milp.picks.map((p) => [p.candidate, p.weight, p.points])).toEqual([[0, 4, 2], [1, 4, 2]]);
  });

  it('breaks ties on students by households, and reports the lowest of identical candidates', () => {
    // Candidate 0 and 1 stand at the same place (2 homes, 1 student); candidate 2 reaches 1 home with 1 student.
    const inst = toInstance({ points: [[0, 0, 1], [100, 0, 0], [5000, 0, 1]], cands: [[5000, 0], [50, 0], [50, 0]], radiusM: 200 });
    const one = milpMaxCover(inst, 1, highs);
    expect(one.picks).toEqual([{ candidate: 1, weight: 1, points: 2 }]);
    const all = milpMaxCover(inst, 5, highs);
    expect(all.picks.map((p) => p.candidate)).toEqual([1, 0]);
    expect(all).toMatchObject({ totalWeight: 2, totalPoints: 3 });
  });

  it('handles fractional weights, K = 0, no reachable point and no candidate', () => {
    const inst = toInstance({ points: [[0, 0, 0.5], [300, 0, 1.25], [900, 0, 0.75]], cands: [[0, 0], [600, 0], [900, 0]], radiusM: 350 });
    const r = milpMaxCover(inst, 1, highs);
    expect(r.status).toBe('optimal');
    expect(r.totalWeight).toBeCloseTo(bruteForceMaxCover(inst, 1).totalWeight, 12);
    expect(milpMaxCover(inst, 0, highs)).toMatchObject({ status: 'optimal', picks: [], totalWeight: 0, highsStatus: null });
    const far = toInstance({ points: [[0, 0, 1]], cands: [[9000, 0]], radiusM: 100 });
    expect(milpMaxCover(far, 2, highs)).toMatchObject({ status: 'optimal', picks: [], totalWeight: 0 });
    const none = toInstance({ points: [[0, 0, 1]], cands: [], radiusM: 100 });
    expect(milpMaxCover(none, 2, highs)).toMatchObject({ status: 'optimal', picks: [] });
  });

  it('says when it did not solve: too large, not proven, failed', () => {
    const inst = toInstance({ points: Array.from({ length: 30 }, (_, i): [number, number, number] => [i * 200, 0, 1]), cands: Array.from({ length: 30 }, (_, i): [number, number] => [i * 200, 0]), radiusM: 450 });
    const big = milpMaxCover(inst, 3, highs, { maxNonzeros: 10 });
    expect(big).toMatchObject({ status: 'too_large', picks: [], highsStatus: null });
    expect(big.model.nonzeros).toBeGreaterThan(10);
    const stopped: HighsLike = { solve: () => ({ Status: 'Time limit reached', ObjectiveValue: 0, Columns: {} }) };
    expect(milpMaxCover(inst, 3, stopped)).toMatchObject({ status: 'not_proven', highsStatus: 'Time limit reached', picks: [] });
    const broken: HighsLike = { solve: () => { throw new Error('Aborted(OOM)'); } };
    expect(milpMaxCover(inst, 3, broken)).toMatchObject({ status: 'failed', highsStatus: 'Aborted(OOM)', picks: [] });
    let options: unknown;
    const spy: HighsLike = { solve: (lp, o) => { options = o; return highs.solve(lp, o); } };
    expect(milpMaxCover(inst, 3, spy, { timeLimitS: 2 }).status).toBe('optimal');
    expect(options).toMatchObject({ time_limit: 2, mip_rel_gap: 0, output_flag: false });
  });
});

describe('suggestSites with HiGHS', () => {
  const trap = [[0, 2], [1000, 2], [1500, 1], [2000, 2], [3000, 2]].map(([e, s], i) => home(`h${i}`, at(e!, 0), 'none', s!));
  const opts = { count: 2, radiusM: 550, pinned: [at(500, 0), at(2500, 0)] };

  it('takes the exact answer from the MILP and says so', () => {
    const r = suggestSites(trap, { ...opts, milp: highs });
    expect(r).toMatchObject({ method: 'exact', exactMethod: 'milp', milpStatus: 'optimal', greedyStudents: 7, optimumStudents: 8, newlyCoveredStudents: 8 });
    expect(r.greedyGapPercent).toBeCloseTo(12.5, 10);
    expect(r.sites.map((s) => [s.source, s.newlyCoveredStudents, s.rank])).toEqual([['pinned', 4, 1], ['pinned', 4, 2]]);
  });

  it('falls back to the brute force, then to the greedy, and reports why', () => {
    const small = suggestSites(trap, { ...opts, milp: highs, milpOptions: { maxNonzeros: 1 } });
    expect(small).toMatchObject({ method: 'exact', exactMethod: 'brute-force', milpStatus: 'too_large', newlyCoveredStudents: 8 });
    expect(suggestSites(trap, opts)).toMatchObject({ method: 'exact', exactMethod: 'brute-force', milpStatus: null });
    expect(suggestSites(trap, { ...opts, milp: highs, exact: 'never' })).toMatchObject({ method: 'greedy', exactMethod: null, milpStatus: null });
    // 60 homes in a row: the brute force is too much work for 'auto', the MILP is not.
    const many = Array.from({ length: 60 }, (_, i) => home(`m${i}`, at(i * 700, 0), 'none', 1 + (i % 3)));
    const milp = suggestSites(many, { count: 5, radiusM: 500, milp: highs });
    expect(milp).toMatchObject({ method: 'exact', exactMethod: 'milp', milpStatus: 'optimal' });
    expect(milp.newlyCoveredStudents).toBeGreaterThanOrEqual(milp.greedyStudents);
    const stopped: HighsLike = { solve: () => ({ Status: 'Time limit reached', ObjectiveValue: 0, Columns: {} }) };
    expect(suggestSites(many, { count: 5, radiusM: 500, milp: stopped })).toMatchObject({ method: 'greedy', exactMethod: null, milpStatus: 'not_proven', greedyGapPercent: null });
  });
});

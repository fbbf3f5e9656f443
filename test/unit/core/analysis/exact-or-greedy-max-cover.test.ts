/**
 * The one exact-search decision of the site suggestions, on coverage sets (as over terrain):
 * HiGHS when it proves the optimum, else the brute force when cheap (or asked), else the greedy.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bruteForceMaxCover, exactOrGreedyMaxCover, greedyMaxCover, type HighsLike, type MaxCoverSets } from '../../../../src/core/index.ts';

let highs: HighsLike;
beforeAll(async () => {
  highs = await (await import('highs')).default();
});

describe('exactOrGreedyMaxCover on coverage sets', () => {
  // The middle trap as sets: points 0…4 (students 2, 2, 1, 2, 2); candidates {0, 1}, {3, 4}, {1, 2, 3}.
  const trap: MaxCoverSets = { weight: Float64Array.from([2, 2, 1, 2, 2]), sets: [[0, 1], [3, 4], [1, 2, 3]].map((s) => Int32Array.from(s)) };
  const greedy = greedyMaxCover(trap, 2);

  it('takes HiGHS’s optimum, else the brute force, else keeps the greedy answer, and says which', () => {
    expect(greedy.totalWeight).toBe(7);
    const milp = exactOrGreedyMaxCover(trap, 2, greedy, { milp: highs });
    expect(milp).toMatchObject({ method: 'exact', exactMethod: 'milp', milpStatus: 'optimal', greedyStudents: 7, optimumStudents: 8 });
    expect(milp.greedyGapPercent).toBeCloseTo(12.5, 10);
    expect(milp.answer.picks.map((p) => [p.candidate, p.weight, p.points])).toEqual([[0, 4, 2], [1, 4, 2]]);
    expect(exactOrGreedyMaxCover(trap, 2, greedy, { milp: highs, milpOptions: { maxNonzeros: 1 } }))
      .toMatchObject({ method: 'exact', exactMethod: 'brute-force', milpStatus: 'too_large', optimumStudents: 8 });
    expect(exactOrGreedyMaxCover(trap, 2, greedy)).toMatchObject({ method: 'exact', exactMethod: 'brute-force', milpStatus: null });
    const never = exactOrGreedyMaxCover(trap, 2, greedy, { milp: highs, exact: 'never' });
    expect(never).toMatchObject({ method: 'greedy', exactMethod: null, milpStatus: null, optimumStudents: null, greedyGapPercent: null });
    expect(never.answer.totalWeight).toBe(7);
  });

  it('drops picks that add nothing; in auto skips a costly brute force, in always throws beyond its limit', () => {
    // Two useful candidates and an empty one, K = 3: the brute force's third pick adds nothing.
    const useless: MaxCoverSets = { weight: Float64Array.from([1, 2]), sets: [[0], [], [1]].map((s) => Int32Array.from(s)) };
    expect(bruteForceMaxCover(useless, 3).picks).toHaveLength(3);
    const dropped = exactOrGreedyMaxCover(useless, 3, greedyMaxCover(useless, 3));
    expect(dropped).toMatchObject({ method: 'exact', exactMethod: 'brute-force', optimumStudents: 3 });
    expect(dropped.answer.picks).toEqual([{ candidate: 2, weight: 2, points: 1 }, { candidate: 0, weight: 1, points: 1 }]);
    const many: MaxCoverSets = { weight: new Float64Array(60).fill(1), sets: Array.from({ length: 60 }, (_, j) => Int32Array.from([j])) };
    expect(exactOrGreedyMaxCover(many, 5, greedyMaxCover(many, 5))).toMatchObject({ method: 'greedy', milpStatus: null });
    expect(() => exactOrGreedyMaxCover(many, 5, greedyMaxCover(many, 5), { exact: 'always' })).toThrow(/subsets/);
    expect(exactOrGreedyMaxCover(many, 5, greedyMaxCover(many, 5), { exact: 'always', milp: highs }))
      .toMatchObject({ method: 'exact', exactMethod: 'milp', optimumStudents: 5 });
  });
});

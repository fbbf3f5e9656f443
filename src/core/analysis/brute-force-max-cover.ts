/**
 * The exact optimum of the maximal-covering instance (see `greedyMaxCover`: circles, or
 * precomputed coverage sets such as the terrain's) by brute force over every subset of
 * min(count, C) candidates: most weight (students), then most points (households), then the
 * lexicographically smallest candidate-index subset. The chosen subset is reported in greedy
 * order of marginal gain (ties: more points, then the earlier in the subset), each pick with what
 * it adds after the ones before it; picks that add nothing are kept (the caller drops them).
 * Circles are first turned into coverage sets (`circleCoverageSets`), so circles and the same
 * circles given as their sets have one answer.
 * Size guard: throws `UserInputError` `instance_too_large` when C choose K > `maxSubsets`
 * (default `MAX_EXACT_SUBSETS`, 200,000). For checking the greedy answer on small instances.
 * Cost: O(C choose K × Σ points of the K chosen sets), after the sets (circles: C index queries).
 */
import { UserInputError } from '../model/errors.ts';
import { circleCoverageSets } from './circle-coverage-sets.ts';
import type { MaxCoverInstance, MaxCoverPick, MaxCoverResult, MaxCoverSets } from './greedy-max-cover.ts';

export const MAX_EXACT_SUBSETS = 200_000;

/** n choose k (0 outside 0 ≤ k ≤ n), as a rounded float: exact while it is below 2^53. */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) r = (r * (n - i + 1)) / i;
  return Math.round(r);
}

export function bruteForceMaxCover(inst: MaxCoverInstance | MaxCoverSets, count: number, maxSubsets = MAX_EXACT_SUBSETS): MaxCoverResult {
  const c = 'sets' in inst ? inst.sets.length : inst.candLon.length;
  const k = Math.max(0, Math.min(Math.floor(count), c));
  const subsets = binomial(c, k);
  if (subsets > maxSubsets) {
    throw new UserInputError('instance_too_large', `Exact covering needs ${subsets} subsets (${c} choose ${k}); the limit is ${maxSubsets}.`, { subsets, limit: maxSubsets });
  }
  const members = 'sets' in inst ? inst.sets : circleCoverageSets(inst);
  const seen = new Int32Array(inst.weight.length).fill(-1);
  let best: number[] = [], bestW = -1, bestP = -1, id = 0;
  const pick = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    let w = 0, p = 0;
    for (const j of pick) for (const q of members[j]!) if (seen[q] !== id) { seen[q] = id; w += inst.weight[q]!; p++; }
    id++;
    if (w > bestW || (w === bestW && p > bestP)) { bestW = w; bestP = p; best = [...pick]; }
    let i = k - 1;
    while (i >= 0 && pick[i] === c - k + i) i--;
    if (i < 0) break;
    pick[i]!++;
    for (let t = i + 1; t < k; t++) pick[t] = pick[t - 1]! + 1;
  }
  // The chosen subset in greedy order of marginal gain, each with its marginal gain.
  seen.fill(-1);
  const picks: MaxCoverPick[] = [];
  const rest = [...best];
  let totalWeight = 0, totalPoints = 0;
  while (rest.length > 0) {
    let bi = 0, bw = -1, bp = -1;
    rest.forEach((j, r) => {
      let w = 0, p = 0;
      for (const q of members[j]!) if (seen[q] === -1) { w += inst.weight[q]!; p++; }
      if (w > bw || (w === bw && p > bp)) { bw = w; bp = p; bi = r; }
    });
    const j = rest.splice(bi, 1)[0]!;
    for (const q of members[j]!) seen[q] = 0;
    picks.push({ candidate: j, weight: bw, points: bp });
    totalWeight += bw; totalPoints += bp;
  }
  return { picks, totalWeight, totalPoints };
}

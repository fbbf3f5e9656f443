/**
 * The exact optimum of the maximal-covering instance (see `greedyMaxCover`) by brute force over
 * every subset of min(count, C) candidates: most weight (students), then most points
 * (households), then the lexicographically smallest candidate-index subset. For checking the
 * greedy answer (its optimality gap) on small instances only.
 * Size guard: throws `UserInputError` `instance_too_large` when C choose K > `maxSubsets`
 * (default 200,000). Cost: O(C choose K × Σ points per chosen circle) after C index queries.
 */
import { UserInputError } from '../model/errors.ts';
import { createPointGridIndex } from '../coverage/create-point-grid-index.ts';
import type { MaxCoverInstance, MaxCoverResult } from './greedy-max-cover.ts';

export const MAX_EXACT_SUBSETS = 200_000;

export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) r = (r * (n - i + 1)) / i;
  return Math.round(r);
}

export function exactMaxCover(inst: MaxCoverInstance, count: number, maxSubsets = MAX_EXACT_SUBSETS): MaxCoverResult {
  const c = inst.candLon.length;
  const k = Math.max(0, Math.min(Math.floor(count), c));
  const subsets = binomial(c, k);
  if (subsets > maxSubsets) {
    throw new UserInputError('instance_too_large', `Exact covering needs ${subsets} subsets (${c} choose ${k}); the limit is ${maxSubsets}.`, { subsets, limit: maxSubsets });
  }
  const index = createPointGridIndex(inst.lon, inst.lat);
  const members: Int32Array[] = [];
  for (let j = 0; j < c; j++) members.push(index.withinM(inst.candLon[j]!, inst.candLat[j]!, inst.radiusM));
  const seen = new Int32Array(inst.lon.length).fill(-1);
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
  // Report the chosen subset in greedy order of marginal gain, each with its marginal gain.
  seen.fill(-1);
  const picks = [];
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

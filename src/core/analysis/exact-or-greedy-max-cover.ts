/**
 * The answer a site suggestion stands on: the exact optimum of the maximal-covering instance
 * when one can be had within the limits, else the lazy greedy's answer (given, `greedyMaxCover`
 * on the same instance). One decision for circles and for precomputed coverage sets (terrain).
 *
 * Rules (`exact`, default 'auto'):
 * - 'never': the greedy answer stands (`milpStatus` null).
 * - With a loaded HiGHS (`milp`): `milpMaxCover` first, unless the greedy's point–candidate pairs
 *   (mean points per candidate × C) exceed 40 × its nonzero limit (`milpStatus` 'too_large'
 *   without building the model). Its limits: ≤ `MILP_MAX_NONZEROS` (60,000) constraint-matrix
 *   nonzeros after the reductions, `MILP_TIME_LIMIT_S` (10 s) — `milpOptions` changes them. Taken
 *   only when HiGHS proves the optimum (`exactMethod` 'milp').
 * - Else the brute force (`bruteForceMaxCover`): in 'auto' when C choose K ≤ `MAX_EXACT_SUBSETS`
 *   (200,000) and the estimated work (subsets × K × mean points per candidate) ≤
 *   `EXACT_AUTO_MAX_WORK` (2e7, ~0.1–0.3 s); in 'always' whatever the work, throwing
 *   `UserInputError` `instance_too_large` when C choose K > 200,000 (`exactMethod` 'brute-force').
 * - When an exact search answered, `method` is 'exact' and the greedy's gap is given; otherwise
 *   `method` is 'greedy' (`milpStatus` says why HiGHS did not answer).
 * The answer's picks that add nothing (possible in an optimum when K exceeds the useful
 * candidates) are dropped; the others keep the solver's order (greedy order of marginal gain).
 * Cost: that of the solver that runs (see milp-max-cover.ts, brute-force-max-cover.ts); nothing
 * more with 'never'.
 */
import type { MaxCoverInstance, MaxCoverResult, MaxCoverSets } from './greedy-max-cover.ts';
import { binomial, MAX_EXACT_SUBSETS } from './brute-force-max-cover.ts';
import { bruteForceMaxCover } from './brute-force-max-cover.ts';
import { milpMaxCover, MILP_MAX_NONZEROS, type HighsLike, type MilpMaxCoverOptions, type MilpMaxCoverResult } from './milp-max-cover.ts';

/** Upper bound of the estimated work (subset × site × home visits) for which 'auto' runs the brute force (~0.1–0.3 s). */
export const EXACT_AUTO_MAX_WORK = 2e7;

export interface ExactOrGreedyOptions {
  /**
   * Exact search: 'auto' (default) tries HiGHS (`milp`, when given: `milpMaxCover` within its
   * size and time limits), then the brute force over all K-subsets (`bruteForceMaxCover`) when
   * C choose K ≤ 200,000 and the estimated work (subsets × K × mean homes per candidate) ≤ 2e7;
   * 'always' tries HiGHS, then the brute force up to 200,000 subsets whatever the work, and
   * throws `instance_too_large` when neither answers; 'never' keeps the greedy answer.
   */
  exact?: 'auto' | 'always' | 'never';
  /** A loaded HiGHS solver (`loadHighs()` in the worker, `loadHighsNode()` in the CLI); without it no MILP. */
  milp?: HighsLike;
  /** Limits of the MILP (defaults: `MILP_MAX_NONZEROS`, `MILP_TIME_LIMIT_S`). */
  milpOptions?: MilpMaxCoverOptions;
}

/** How the answer was found: the fields of `SuggestResult` about the method. */
export interface ExactOrGreedySummary {
  /** Which method produced the answer: the lazy greedy, or the exact optimum. */
  method: 'greedy' | 'exact';
  /** How the optimum was found (HiGHS MILP or brute force over all subsets); null with 'greedy'. */
  exactMethod: 'milp' | 'brute-force' | null;
  /**
   * What the HiGHS attempt gave: 'optimal', 'too_large' (over its size limit, not run),
   * 'not_proven' (stopped without proof, e.g. time limit), 'failed' (HiGHS threw); null when
   * no solver was given or `exact` is 'never'.
   */
  milpStatus: MilpMaxCoverResult['status'] | null;
  /** Students the greedy answer brings online (always computed). */
  greedyStudents: number;
  /** The optimum when the exact search ran, else null. */
  optimumStudents: number | null;
  /** 100 × (optimum − greedy) / optimum when the exact search ran (0 when the optimum is 0), else null. */
  greedyGapPercent: number | null;
}

export interface ExactOrGreedyResult extends ExactOrGreedySummary {
  /** The answer that stands (the optimum or the greedy's), without picks that add nothing. */
  answer: MaxCoverResult;
}

export function exactOrGreedyMaxCover(
  inst: MaxCoverInstance | MaxCoverSets, count: number, greedy: MaxCoverResult, options: ExactOrGreedyOptions = {},
): ExactOrGreedyResult {
  const candidates = 'sets' in inst ? inst.sets.length : inst.candLon.length;
  const mode = options.exact ?? 'auto';
  let milpStatus: ExactOrGreedySummary['milpStatus'] = null;
  let exact: MaxCoverResult | null = null;
  let exactMethod: ExactOrGreedySummary['exactMethod'] = null;
  if (mode !== 'never' && options.milp) {
    // Point–candidate pairs, known from the greedy run: skip the MILP's own count when far too many.
    const pairs = (greedy.meanCandidatePoints ?? 0) * candidates;
    const milp = pairs > 40 * (options.milpOptions?.maxNonzeros ?? MILP_MAX_NONZEROS) ? null
      : milpMaxCover(inst, count, options.milp, options.milpOptions);
    milpStatus = milp?.status ?? 'too_large';
    if (milp?.status === 'optimal') { exact = milp; exactMethod = 'milp'; }
  }
  if (!exact && mode !== 'never') {
    const subsets = binomial(candidates, Math.min(count, candidates));
    const runBrute = mode === 'always' || (subsets <= MAX_EXACT_SUBSETS
      && subsets * Math.max(1, count) * Math.max(1, greedy.meanCandidatePoints ?? 1) <= EXACT_AUTO_MAX_WORK);
    if (runBrute) { exact = bruteForceMaxCover(inst, count); exactMethod = 'brute-force'; }
  }
  const chosen = exact ?? greedy;
  return {
    answer: { ...chosen, picks: chosen.picks.filter((p) => p.weight > 0 || p.points > 0) },
    method: exact ? 'exact' : 'greedy', exactMethod, milpStatus, greedyStudents: greedy.totalWeight,
    optimumStudents: exact ? exact.totalWeight : null,
    greedyGapPercent: exact ? (exact.totalWeight > 0 ? (100 * (exact.totalWeight - greedy.totalWeight)) / exact.totalWeight : 0) : null,
  };
}

/**
 * Suggest K new sites that bring the most uncovered students online (issue 4 §4, maximal
 * covering) over circles, keeping the fixed proposals.
 *
 * Rules:
 * - Homes to cover (`homesToCover`): households uncovered today (class in `uncovered`, as in
 *   `createImpactTracker`) less those a fixed proposal already covers (haversine ≤ its
 *   radiusM, found through the grid index).
 * - Candidates (`suggestCandidates`): every remaining home's location, the cluster centroids and
 *   the user's pinned points (in that order; duplicates of an earlier candidate's exact position
 *   are dropped), each a circle of radius `radiusM`.
 * - Picks: `greedyMaxCover` (lazy greedy, ≥ (1 − 1/e) of the optimum), then the exact optimum
 *   when it can be had (`exactOrGreedyMaxCover`, `exact` default 'auto'): with a loaded HiGHS
 *   (`milp`) `milpMaxCover` when the model fits its size limit (60,000 nonzeros) and HiGHS proves
 *   the optimum within its time limit (10 s) (`exactMethod: 'milp'`); else, when cheap,
 *   `bruteForceMaxCover` (`exactMethod: 'brute-force'`). When one of them answers, the sites are
 *   the optimum's (`method: 'exact'`) and the greedy answer's gap is given; otherwise the greedy
 *   answer stands (`method: 'greedy'`, `milpStatus` tells why HiGHS did not answer).
 * - Sites (`buildSuggestResult`): best first, each with its marginal gain (students and households
 *   newly covered after the ones before it), and the totals. Fewer than `count` sites when no
 *   further candidate adds any household (sites that would add nothing are left out).
 * The same steps serve `suggestSitesOverTerrain`, with coverage sets from a coverage model instead
 * of circles. Existing sites are not passed: "uncovered today" already reflects them (the class).
 * Households: an array or a `HouseholdTable` (`homesToCover` reads the columns; same answer).
 * Cost: O(n) (`homesToCover`, ~10 ms at 959,825 homes) + `greedyMaxCover` (index build + one
 * circle query per candidate + a few per pick) + the exact search when it runs.
 * Measured (Node 20): the demo (5,894 homes, 585 uncovered, 651 candidates with the 66 cluster
 * centroids), K = 3…20, 3 km: greedy 5–30 ms; with HiGHS 0.1–0.2 s in all (the first solves of a
 * fresh wasm instance 0.4–0.65 s; the optimum equals the greedy answer there, gap 0 %, for
 * K = 3, 5, 10, 20; the brute force only reaches K = 1: 651 choose 2 = 211,575 subsets is over its
 * limit); the greedy core on 1,000,000 homes × 10,000 candidates, K = 20, 3 km: ~0.9 s.
 */
import { UserInputError } from '../model/errors.ts';
import type { HouseholdTable } from '../model/household-table.ts';
import type { ProposedSite } from '../model/proposal.ts';
import type { AttendanceClass, Household, Site } from '../model/types.ts';
import { buildSuggestResult, type SuggestResult } from './build-suggest-result.ts';
import { checkSuggestCount } from './check-suggest-count.ts';
import { exactOrGreedyMaxCover, type ExactOrGreedyOptions } from './exact-or-greedy-max-cover.ts';
import { greedyMaxCover } from './greedy-max-cover.ts';
import { homesToCover } from './homes-to-cover.ts';
import { suggestCandidates } from './suggest-candidates.ts';
import { SUGGEST_DEFAULTS } from './suggest-defaults.ts';

export type { SuggestedSite, SuggestResult } from './build-suggest-result.ts';
export type { CandidateSource } from './suggest-candidates.ts';

/** `exact`, `milp`, `milpOptions`: see `ExactOrGreedyOptions`. */
export interface SuggestSitesOptions extends ExactOrGreedyOptions {
  /** K: how many sites to suggest (whole number ≥ 0, at most 1,000). */
  count: number;
  /** Coverage radius of every suggested site, metres. Default 3,000. */
  radiusM?: number;
  /** Classes that count as uncovered. Default none, poor. */
  uncovered?: readonly AttendanceClass[];
  /** Proposals kept as they are; the homes they cover are removed first. */
  fixed?: readonly Site[];
  /** Blind-spot cluster centroids, [lon, lat]. */
  clusterCentroids?: readonly (readonly [number, number])[];
  /** Candidate points the user pinned (hilltops), [lon, lat]. */
  pinned?: readonly (readonly [number, number])[];
  /** Fields of the suggested sites besides position and radius. */
  siteDefaults?: Partial<Pick<ProposedSite, 'antennaHeightM' | 'bandMHz' | 'eirpDbm' | 'costCny'>>;
  /** Id prefix of the suggested sites (`suggested-1`, …; ids of the fixed proposals are skipped). */
  idPrefix?: string;
}

export function suggestSites(households: readonly Household[] | HouseholdTable, options: SuggestSitesOptions): SuggestResult {
  const { count } = options;
  checkSuggestCount(count);
  const radiusM = options.radiusM ?? SUGGEST_DEFAULTS.radiusM;
  if (!(radiusM > 0 && radiusM <= 100_000)) {
    throw new UserInputError('invalid_radius', 'The coverage radius must be more than 0 m and at most 100 km.', { radiusM: String(radiusM) });
  }
  const fixed = options.fixed ?? [];
  const homes = homesToCover(households, options.uncovered ?? SUGGEST_DEFAULTS.uncovered, fixed);
  const candidates = suggestCandidates(homes, options.clusterCentroids, options.pinned);
  const instance = { lon: homes.lon, lat: homes.lat, weight: homes.weight, candLon: candidates.lon, candLat: candidates.lat, radiusM };
  const chosen = exactOrGreedyMaxCover(instance, count, greedyMaxCover(instance, count), options);
  return buildSuggestResult(chosen, candidates, homes, { ...options, fixed, siteRadiusM: () => radiusM });
}

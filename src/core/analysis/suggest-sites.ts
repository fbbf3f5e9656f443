/**
 * Suggest K new sites that bring the most uncovered students online (issue 4 §4, maximal
 * covering), keeping the fixed proposals: households uncovered today (class in `uncovered`,
 * as in `createImpactTracker`) that a fixed proposal already covers (haversine ≤ its radiusM,
 * found through the grid index) are removed first; then `greedyMaxCover` (lazy greedy, ≥ (1 − 1/e) of the optimum) over the
 * candidates: every remaining uncovered household's location, the cluster centroids and the
 * user's pinned points (in that order; duplicates of an earlier candidate's exact position are
 * dropped), each with radius `radiusM`.
 * The exact optimum (`exact`, default 'auto'): with a loaded HiGHS (`milp`), `milpMaxCover`
 * first, when the model fits its size limit and HiGHS proves the optimum within its time limit
 * (`exactMethod: 'milp'`); else, when the brute force is cheap enough, `exactMaxCover`
 * (`exactMethod: 'brute-force'`). When one of them answers, the sites are the optimum's
 * (`method: 'exact'`) and the greedy answer's gap is given; otherwise the greedy answer stands
 * (`method: 'greedy'`, `milpStatus` tells why HiGHS did not answer).
 * Returns the sites best first, each with its marginal gain (students and households newly
 * covered after the ones before it) and the totals. Fewer than `count` sites when no further
 * candidate adds any household (sites that would add nothing are left out).
 * Existing sites are not passed: "uncovered today" already reflects them (the class).
 * Cost: O(n) + `greedyMaxCover` (index build + one circle query per candidate + a few per pick).
 * Measured (Node 20): the demo (5,894 homes, 585 uncovered, 651 candidates with the 66 cluster
 * centroids), K = 3…20, 3 km: greedy 5–30 ms; with HiGHS 0.1–0.2 s in all (the first solves of a
 * fresh wasm instance 0.4–0.65 s; the optimum equals the greedy answer there, gap 0 %, for
 * K = 3, 5, 10, 20; the brute force only reaches K = 1: 651 choose 2 = 211,575 subsets is over its
 * limit); the greedy core on 1,000,000 homes × 10,000 candidates, K = 20, 3 km: ~0.9 s.
 */
import type { ImpactTotals } from './create-impact-tracker.ts';
import { UserInputError } from '../model/errors.ts';
import { DEFAULT_SITE_COST_CNY, type ProposedSite } from '../model/proposal.ts';
import type { AttendanceClass, Household, Site } from '../model/types.ts';
import { createPointGridIndex } from '../coverage/create-point-grid-index.ts';
import { greedyMaxCover, type MaxCoverResult } from './greedy-max-cover.ts';
import { binomial, exactMaxCover, MAX_EXACT_SUBSETS } from './exact-max-cover.ts';
import { milpMaxCover, MILP_MAX_NONZEROS, type HighsLike, type MilpMaxCoverOptions, type MilpMaxCoverResult } from './milp-max-cover.ts';

/** Upper bound of the estimated work (subset × site × home visits) for which 'auto' runs the exact search (~0.1–0.3 s). */
export const EXACT_AUTO_MAX_WORK = 2e7;

export type CandidateSource = 'household' | 'centroid' | 'pinned';

export interface SuggestSitesOptions {
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
  /**
   * Exact search: 'auto' (default) tries HiGHS (`milp`, when given: `milpMaxCover` within its
   * size and time limits), then the brute force over all K-subsets (`exactMaxCover`) when
   * C choose K ≤ 200,000 and the estimated work (subsets × K × mean homes per candidate) ≤ 2e7;
   * 'always' tries HiGHS, then the brute force up to 200,000 subsets whatever the work, and
   * throws `instance_too_large` when neither answers; 'never' keeps the greedy answer.
   */
  exact?: 'auto' | 'always' | 'never';
  /** A loaded HiGHS solver (`loadHighs()` in the worker, `loadHighsNode()` in the CLI); without it no MILP. */
  milp?: HighsLike;
  /** Limits of the MILP (defaults: `MILP_MAX_NONZEROS`, `MILP_TIME_LIMIT_S`). */
  milpOptions?: MilpMaxCoverOptions;
  /** Id prefix of the suggested sites (`suggested-1`, …; ids of the fixed proposals are skipped). */
  idPrefix?: string;
}

export interface SuggestedSite {
  site: ProposedSite;
  source: CandidateSource;
  /** 1 = first picked. */
  rank: number;
  newlyCoveredHouseholds: number;
  newlyCoveredStudents: number;
}

/** Counts are those of `ImpactTotals`, over homes uncovered today and not covered by a fixed proposal. */
export interface SuggestResult extends Omit<ImpactTotals, 'totalCostCny' | 'costPerStudentCny'> {
  /** Which method produced `sites`: the lazy greedy, or the exact optimum. */
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
  sites: SuggestedSite[];
  candidates: number;
}

export const SUGGEST_DEFAULTS = Object.freeze({
  radiusM: 3000,
  uncovered: ['none', 'poor'] as readonly AttendanceClass[],
  antennaHeightM: 30,
  bandMHz: 900,
  eirpDbm: 58,
  costCny: DEFAULT_SITE_COST_CNY,
  idPrefix: 'suggested-',
  maxCount: 1000,
});

export function suggestSites(households: readonly Household[], options: SuggestSitesOptions): SuggestResult {
  const count = options.count;
  if (!Number.isInteger(count) || count < 0 || count > SUGGEST_DEFAULTS.maxCount) {
    throw new UserInputError('invalid_count', `The number of sites must be a whole number from 0 to ${SUGGEST_DEFAULTS.maxCount}.`, { count: String(count) });
  }
  const radiusM = options.radiusM ?? SUGGEST_DEFAULTS.radiusM;
  if (!(radiusM > 0 && radiusM <= 100_000)) {
    throw new UserInputError('invalid_radius', 'The coverage radius must be more than 0 m and at most 100 km.', { radiusM: String(radiusM) });
  }
  const uncovered = new Set(options.uncovered ?? SUGGEST_DEFAULTS.uncovered);
  const fixed = options.fixed ?? [];
  const all = households.filter((h) => uncovered.has(h.cls));
  const removed = new Uint8Array(all.length);
  if (fixed.length > 0) {
    const index = createPointGridIndex(Float64Array.from(all, (h) => h.lon), Float64Array.from(all, (h) => h.lat));
    for (const s of fixed) index.forEachWithinM(s.lon, s.lat, s.radiusM, (k) => { removed[k] = 1; });
  }
  const keep = all.filter((_, k) => removed[k] === 0);
  const n = keep.length;
  const lon = new Float64Array(n), lat = new Float64Array(n), weight = new Float64Array(n);
  let studentsBefore = 0;
  keep.forEach((h, k) => { lon[k] = h.lon; lat[k] = h.lat; weight[k] = h.students; studentsBefore += h.students; });

  const cLon: number[] = [], cLat: number[] = [], cSource: CandidateSource[] = [];
  const seenPos = new Set<string>();
  const addCandidate = (x: number, y: number, source: CandidateSource): void => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    const key = `${x},${y}`;
    if (seenPos.has(key)) return;
    seenPos.add(key); cLon.push(x); cLat.push(y); cSource.push(source);
  };
  for (const h of keep) addCandidate(h.lon, h.lat, 'household');
  for (const [x, y] of options.clusterCentroids ?? []) addCandidate(x, y, 'centroid');
  for (const [x, y] of options.pinned ?? []) addCandidate(x, y, 'pinned');

  const instance = { lon, lat, weight, candLon: Float64Array.from(cLon), candLat: Float64Array.from(cLat), radiusM };
  const greedyAnswer = greedyMaxCover(instance, count);
  const mode = options.exact ?? 'auto';
  let milpStatus: SuggestResult['milpStatus'] = null;
  let exact: MaxCoverResult | null = null;
  let exactMethod: SuggestResult['exactMethod'] = null;
  if (mode !== 'never' && options.milp) {
    // Point–candidate pairs, known from the greedy run: skip the MILP's own count when far too many.
    const pairs = (greedyAnswer.meanCandidatePoints ?? 0) * cLon.length;
    const milp = pairs > 40 * (options.milpOptions?.maxNonzeros ?? MILP_MAX_NONZEROS) ? null
      : milpMaxCover(instance, count, options.milp, options.milpOptions);
    milpStatus = milp?.status ?? 'too_large';
    if (milp?.status === 'optimal') { exact = milp; exactMethod = 'milp'; }
  }
  if (!exact && mode !== 'never') {
    const subsets = binomial(cLon.length, Math.min(count, cLon.length));
    const runBrute = mode === 'always' || (subsets <= MAX_EXACT_SUBSETS
      && subsets * Math.max(1, count) * Math.max(1, greedyAnswer.meanCandidatePoints ?? 1) <= EXACT_AUTO_MAX_WORK);
    if (runBrute) { exact = exactMaxCover(instance, count); exactMethod = 'brute-force'; }
  }
  const greedy = exact ?? greedyAnswer;

  const usedIds = new Set(fixed.map((s) => s.id));
  const prefix = options.idPrefix ?? SUGGEST_DEFAULTS.idPrefix;
  let next = 1;
  const d = { ...SUGGEST_DEFAULTS, ...options.siteDefaults };
  const sites = greedy.picks.filter((p) => p.weight > 0 || p.points > 0).map((p, i): SuggestedSite => {
    while (usedIds.has(`${prefix}${next}`)) next++;
    const id = `${prefix}${next}`;
    usedIds.add(id);
    return {
      site: {
        id, name: `Suggested ${i + 1}`, lon: cLon[p.candidate]!, lat: cLat[p.candidate]!, status: 'proposed',
        origin: 'suggested', antennaHeightM: d.antennaHeightM, bandMHz: d.bandMHz, eirpDbm: d.eirpDbm, radiusM,
        costCny: d.costCny, notes: '',
      },
      source: cSource[p.candidate]!,
      rank: i + 1,
      newlyCoveredHouseholds: p.points,
      newlyCoveredStudents: p.weight,
    };
  });
  return {
    method: exact ? 'exact' : 'greedy', exactMethod, milpStatus, greedyStudents: greedyAnswer.totalWeight,
    optimumStudents: exact ? exact.totalWeight : null,
    greedyGapPercent: exact ? (exact.totalWeight > 0 ? (100 * (exact.totalWeight - greedyAnswer.totalWeight)) / exact.totalWeight : 0) : null,
    sites, candidates: cLon.length,
    uncoveredHouseholdsBefore: n, uncoveredStudentsBefore: studentsBefore,
    newlyCoveredHouseholds: greedy.totalPoints, newlyCoveredStudents: greedy.totalWeight,
    remainingHouseholds: n - greedy.totalPoints, remainingStudents: studentsBefore - greedy.totalWeight,
  };
}

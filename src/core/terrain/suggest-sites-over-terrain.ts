/**
 * Suggest K new sites that bring the most uncovered students online when coverage is predicted
 * over the terrain (issue 8 §3) — `suggestSites` with a coverage model instead of circles: the
 * same steps (homes to cover, candidates, lazy greedy, exact search, sites), on coverage sets.
 *
 * Rules (as `suggestSites`, except where said):
 * - Homes uncovered today (class in `uncovered`, default none + poor) that a fixed proposal covers
 *   *by the model* are removed first (`homesToCover` with the model).
 * - Candidates: every remaining uncovered home's position, then the cluster centroids, then the
 *   pinned points (exact duplicates dropped); each candidate is a site with `siteDefaults`' radio
 *   fields (30 m, 900 MHz, 58 dBm by default) whose coverage set is computed with the model
 *   (`candidateCoverageSets`, reporting `onProgress(done, total)` per candidate).
 * - Picks: lazy greedy over those sets (`greedyMaxCover`: each time the candidate adding the most
 *   not-yet-covered students, ties: more homes, then the lower candidate index; ≥ (1 − 1/e) of
 *   the optimum), then the exact optimum over the same sets when it can be had
 *   (`exactOrGreedyMaxCover`: HiGHS with `milp` within 60,000 nonzeros and 10 s, else the brute
 *   force when cheap; `exact` 'auto' | 'always' | 'never' as in `suggestSites`).
 * - A suggested site's `radiusM` is the model's reach (`reachM`, rounded): the model never covers
 *   farther.
 * Returns the fields of `SuggestResult`, plus `newlyCoveredIndices`: per suggested site, the
 * households (indices into `households`, ascending) it newly covers after the fixed proposals and
 * the suggestions before it.
 * Households: an array or a `HouseholdTable` (`homesToCover` reads the columns; same answer).
 * Cost: the coverage sets dominate (see candidate-coverage-sets.ts); the greedy is
 * O(Σ set sizes + K × re-evaluations); then the exact search when it runs.
 * Measured (Node 20, a shared machine; the demo: 585 uncovered homes, 651 candidates with the
 * cluster centroids, demo terrain, −105 dBm, 11.5 km reach): sets 1.8–2.6 s (15,777 home–candidate
 * pairs, ~24 per candidate: the terrain hides most homes in reach); greedy 1–50 ms; HiGHS on
 * 3,412 nonzeros (436 columns, 218 rows) 0.1–0.45 s for K = 3…20 (1.2–1.7 s at K = 1, and the
 * first solve of a fresh wasm instance +0.2–0.5 s); optimum vs greedy: K = 1, 3, 5 equal (85,
 * 234, 354 students), K = 10 569 vs 565, K = 20 820 vs 814 (gap 0.7 %). The CLI's K = 5 in all:
 * ~2.2–3.3 s with HiGHS, ~1.5 s greedy only.
 */
import type { CoverageModel } from '../model/proposal.ts';
import type { HouseholdTable } from '../model/household-table.ts';
import type { Household, Site } from '../model/types.ts';
import { buildSuggestResult, type SuggestResult } from '../analysis/build-suggest-result.ts';
import { checkSuggestCount } from '../analysis/check-suggest-count.ts';
import { exactOrGreedyMaxCover } from '../analysis/exact-or-greedy-max-cover.ts';
import { greedyMaxCover, type MaxCoverSets } from '../analysis/greedy-max-cover.ts';
import { homesToCover } from '../analysis/homes-to-cover.ts';
import { suggestCandidates } from '../analysis/suggest-candidates.ts';
import { SUGGEST_DEFAULTS } from '../analysis/suggest-defaults.ts';
import type { SuggestSitesOptions } from '../analysis/suggest-sites.ts';
import { candidateCoverageSets } from './candidate-coverage-sets.ts';

/** `suggestSites`' options (`exact`, `milp`, … included) less `radiusM`: the model decides coverage. */
export interface SuggestOverTerrainOptions extends Omit<SuggestSitesOptions, 'radiusM'> {
  model: CoverageModel & { reachM(site: Site): number };
  /** Called after each candidate's coverage set: (done, total). */
  onProgress?: (done: number, total: number) => void;
}

export interface SuggestOverTerrainResult extends SuggestResult {
  newlyCoveredIndices: number[][];
}

export function suggestSitesOverTerrain(households: readonly Household[] | HouseholdTable, options: SuggestOverTerrainOptions): SuggestOverTerrainResult {
  const { count, model } = options;
  checkSuggestCount(count);
  const d = { ...SUGGEST_DEFAULTS, ...options.siteDefaults };
  const fixed = options.fixed ?? [];
  const homes = homesToCover(households, options.uncovered ?? SUGGEST_DEFAULTS.uncovered, fixed, model);
  const candidates = suggestCandidates(homes, options.clusterCentroids, options.pinned);
  const radio = { antennaHeightM: d.antennaHeightM, bandMHz: d.bandMHz, eirpDbm: d.eirpDbm };
  const instance: MaxCoverSets = { sets: candidateCoverageSets(homes, candidates, model, radio, options.onProgress), weight: homes.weight };
  const chosen = exactOrGreedyMaxCover(instance, count, greedyMaxCover(instance, count), options);
  const result = buildSuggestResult(chosen, candidates, homes, { ...options, fixed, siteRadiusM: (site) => Math.round(model.reachM(site)) });

  // Per site, the homes it newly covers, as indices into `households`.
  const covered = new Uint8Array(homes.indices.length);
  const newlyCoveredIndices = chosen.answer.picks.map((p) => {
    const indices: number[] = [];
    for (const k of instance.sets[p.candidate]!) if (covered[k] === 0) { covered[k] = 1; indices.push(homes.indices[k]!); }
    return indices.sort((x, y) => x - y);
  });
  return { ...result, newlyCoveredIndices };
}

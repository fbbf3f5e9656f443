/**
 * Suggest K new sites that bring the most uncovered students online when coverage is predicted
 * over the terrain (issue 8 §3) — `suggestSites` with a coverage model instead of circles.
 *
 * Rules (as `suggestSites`, except where said):
 * - Homes uncovered today (class in `uncovered`, default none + poor) that a fixed proposal covers
 *   *by the model* are removed first.
 * - Candidates: every remaining uncovered home's position, then the cluster centroids, then the
 *   pinned points (exact duplicates dropped); each candidate is a site with `siteDefaults`' radio
 *   fields (30 m, 900 MHz, 58 dBm by default) whose coverage set is computed with the model
 *   (`candidateCoverageSets`).
 * - Picks: lazy greedy (Minoux) over those sets — each time the candidate adding the most
 *   not-yet-covered students, ties: more homes, then the lower candidate index; stops when no
 *   candidate adds anything. Guarantee ≥ (1 − 1/e) of the optimum (coverage is submodular). No
 *   exact search here: `method` is always 'greedy' (HiGHS and the brute force work on circles).
 * - A suggested site's `radiusM` is the model's reach (`reachM`): the model never covers farther.
 * Returns the fields of `SuggestResult`, plus `newlyCoveredIndices`: per suggested site, the
 * households (indices into `households`) it newly covers after the fixed proposals and the
 * suggestions before it.
 * Cost: the coverage sets dominate (see candidate-coverage-sets.ts: seconds for the demo with
 * the terrain model); the greedy is O(Σ set sizes + K × re-evaluations).
 */
import type { CoverageModel, ProposedSite } from '../model/proposal.ts';
import type { AttendanceClass, Household, Site } from '../model/types.ts';
import { UserInputError } from '../model/errors.ts';
import { createPointGridIndex } from '../coverage/create-point-grid-index.ts';
import { SUGGEST_DEFAULTS, type CandidateSource, type SuggestedSite, type SuggestResult } from '../analysis/suggest-sites.ts';
import { lazyGreedy } from '../analysis/lazy-greedy.ts';
import { candidateCoverageSets } from './candidate-coverage-sets.ts';

export interface SuggestOverTerrainOptions {
  count: number;
  model: CoverageModel & { reachM(site: Site): number };
  uncovered?: readonly AttendanceClass[];
  fixed?: readonly Site[];
  clusterCentroids?: readonly (readonly [number, number])[];
  pinned?: readonly (readonly [number, number])[];
  siteDefaults?: Partial<Pick<ProposedSite, 'antennaHeightM' | 'bandMHz' | 'eirpDbm' | 'costCny'>>;
  idPrefix?: string;
  /** Called after each candidate's coverage set: (done, total). */
  onProgress?: (done: number, total: number) => void;
}

export interface SuggestOverTerrainResult extends SuggestResult {
  newlyCoveredIndices: number[][];
}

export function suggestSitesOverTerrain(households: readonly Household[], options: SuggestOverTerrainOptions): SuggestOverTerrainResult {
  const count = options.count;
  if (!Number.isInteger(count) || count < 0 || count > SUGGEST_DEFAULTS.maxCount) {
    throw new UserInputError('invalid_count', `The number of sites must be a whole number from 0 to ${SUGGEST_DEFAULTS.maxCount}.`, { count: String(count) });
  }
  const { model } = options;
  const d = { ...SUGGEST_DEFAULTS, ...options.siteDefaults };
  const uncovered = new Set(options.uncovered ?? SUGGEST_DEFAULTS.uncovered);
  const fixed = options.fixed ?? [];

  // 1. Uncovered homes, less those a fixed proposal covers by the model.
  const all: number[] = [];
  households.forEach((h, i) => { if (uncovered.has(h.cls)) all.push(i); });
  const removed = new Uint8Array(all.length);
  if (fixed.length > 0 && all.length > 0) {
    const aLon = Float64Array.from(all, (i) => households[i]!.lon), aLat = Float64Array.from(all, (i) => households[i]!.lat);
    const index = createPointGridIndex(aLon, aLat);
    for (const s of fixed) {
      index.forEachWithinM(s.lon, s.lat, model.reachM(s), (k) => {
        if (removed[k] === 0 && model.covers(s, aLon[k]!, aLat[k]!)) removed[k] = 1;
      });
    }
  }
  const keep = all.filter((_, k) => removed[k] === 0);
  const n = keep.length;
  const lon = Float64Array.from(keep, (i) => households[i]!.lon);
  const lat = Float64Array.from(keep, (i) => households[i]!.lat);
  const weightOf = Float64Array.from(keep, (i) => households[i]!.students);
  const studentsBefore = weightOf.reduce((s, w) => s + w, 0);

  // 2. Candidates and their coverage sets.
  const cLon: number[] = [], cLat: number[] = [], cSource: CandidateSource[] = [];
  const seen = new Set<string>();
  const add = (x: number, y: number, source: CandidateSource): void => {
    if (!Number.isFinite(x) || !Number.isFinite(y) || seen.has(`${x},${y}`)) return;
    seen.add(`${x},${y}`); cLon.push(x); cLat.push(y); cSource.push(source);
  };
  for (let k = 0; k < n; k++) add(lon[k]!, lat[k]!, 'household');
  for (const [x, y] of options.clusterCentroids ?? []) add(x, y, 'centroid');
  for (const [x, y] of options.pinned ?? []) add(x, y, 'pinned');
  const radio = { antennaHeightM: d.antennaHeightM, bandMHz: d.bandMHz, eirpDbm: d.eirpDbm };
  const sets = candidateCoverageSets({ lon, lat }, { lon: Float64Array.from(cLon), lat: Float64Array.from(cLat) }, model, radio, options.onProgress);

  // 3. Lazy greedy over the sets.
  const covered = new Uint8Array(n);
  const taken: number[][] = [];
  const evaluate = (j: number) => {
    let weight = 0, points = 0;
    for (const k of sets[j]!) if (covered[k] === 0) { weight += weightOf[k]!; points++; }
    return { weight, points };
  };
  const take = (j: number): void => {
    const indices: number[] = [];
    for (const k of sets[j]!) if (covered[k] === 0) { covered[k] = 1; indices.push(keep[k]!); }
    taken.push(indices.sort((x, y) => x - y));
  };
  const picks = lazyGreedy(sets.length, count, evaluate, take).picks.map((p, i) => ({ ...p, indices: taken[i]! }));

  // 4. The suggested sites.
  const usedIds = new Set(fixed.map((s) => s.id));
  const prefix = options.idPrefix ?? SUGGEST_DEFAULTS.idPrefix;
  let next = 1;
  const sites = picks.map((p, i): SuggestedSite => {
    while (usedIds.has(`${prefix}${next}`)) next++;
    const id = `${prefix}${next}`;
    usedIds.add(id);
    const site: ProposedSite = {
      id, name: `Suggested ${i + 1}`, lon: cLon[p.candidate]!, lat: cLat[p.candidate]!, status: 'proposed', origin: 'suggested',
      antennaHeightM: d.antennaHeightM, bandMHz: d.bandMHz, eirpDbm: d.eirpDbm, radiusM: 0, costCny: d.costCny, notes: '',
    };
    site.radiusM = Math.round(model.reachM(site));
    return { site, source: cSource[p.candidate]!, rank: i + 1, newlyCoveredHouseholds: p.points, newlyCoveredStudents: p.weight };
  });
  const totalW = picks.reduce((s, p) => s + p.weight, 0), totalP = picks.reduce((s, p) => s + p.points, 0);
  return {
    method: 'greedy', exactMethod: null, milpStatus: null, greedyStudents: totalW, optimumStudents: null, greedyGapPercent: null,
    sites, candidates: sets.length,
    uncoveredHouseholdsBefore: n, uncoveredStudentsBefore: studentsBefore,
    newlyCoveredHouseholds: totalP, newlyCoveredStudents: totalW,
    remainingHouseholds: n - totalP, remainingStudents: studentsBefore - totalW,
    newlyCoveredIndices: picks.map((p) => p.indices),
  };
}

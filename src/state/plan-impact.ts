/**
 * The live impact of the site plan, for the panel and the map: one impact tracker per household
 * set, "uncovered" choice and coverage model, fed the committed proposals (`set`) and, while a
 * proposal is being dragged, only its moving circle (`move`), so a drag frame at 100,000 homes
 * costs one index query, not a rescan. Answers are cached by input identity (stable for React
 * selectors).
 * With terrain coverage (a DEM loaded, `selectTerrainActive`) the tracker counts with the
 * worker's answers (`precomputedCoverageModel`, each proposal's reach as its radius). A drag then
 * moves only the marker: the numbers stay the last exact ones until the drop, when the worker
 * computes the new position (`terrain-runner.ts`); a proposal whose answer is not back yet
 * counts with its last answer (`selectTerrainPending` is true meanwhile).
 */
import {
  countsInPlan, createImpactTracker, describeProposalReach, largestPolygon, precomputedCoverageModel, radiusCoverageModel, type AttendanceClass,
  type BlindspotAnalysis, type CoverageModel, type HouseholdTable, type ImpactResult, type ImpactTracker, type ProposedSite, type Site, type SiteImpactSummary,
} from '../core/index.ts';
import { selectAnalysis } from './selectors.ts';
import type { AppState, PlanDrag, TerrainSlice } from './store.ts';
import { coveredPositions, selectTerrainActive, siteTerrainCoverage } from './terrain-coverage.ts';

export interface PlanImpact {
  /** The proposals as drawn: the dragged one at its live position. List order. */
  proposals: ProposedSite[];
  result: ImpactResult;
  /** Indices of the households the plan newly covers (into `dataset.households`), ascending. */
  newlyCovered: number[];
  /** Which model counted. */
  model: 'radius' | 'terrain';
}

/** The coverage the plan counts with: a model and the proposals as it reads them. */
export interface PlanCoverage {
  model: CoverageModel;
  /** Terrain: each proposal with its reach as `radiusM` (the tracker's search radius); else the plan's own. */
  proposals: ProposedSite[];
  terrain: boolean;
}

let coverageCache: { households: HouseholdTable; proposals: ProposedSite[]; coverage: TerrainSlice['coverage'] | null; value: PlanCoverage } | null = null;

/**
 * The plan's coverage now: the radius model over the proposals, or (terrain active) the worker's
 * answers read through `precomputedCoverageModel` — a proposal without an exact answer counts with
 * its last one (`siteTerrainCoverage`), and covers nothing before its first. Cached by identity.
 */
export function selectPlanCoverage(state: AppState): PlanCoverage {
  const { households } = state.dataset;
  const { proposals } = state.plan;
  const coverage = selectTerrainActive(state) ? state.terrain.coverage : null;
  const c = coverageCache;
  if (c && c.households === households && c.proposals === proposals && c.coverage === coverage) return c.value;
  let value: PlanCoverage;
  if (coverage === null) value = { model: radiusCoverageModel, proposals, terrain: false };
  else {
    // `covers` asks once per home in reach: each site's answer is looked up once (the tracker keeps its site objects).
    const answers = new WeakMap<Site, ReturnType<typeof siteTerrainCoverage>>();
    const answer = (site: Site) => {
      if (!answers.has(site)) answers.set(site, siteTerrainCoverage(coverage, site));
      return answers.get(site);
    };
    const model = precomputedCoverageModel(
      'terrain',
      (site) => { const found = answer(site); return found && coveredPositions(found.entry, households); },
      (site) => { const found = answer(site); return found ? largestPolygon(found.entry.outline) : undefined; },
    );
    value = { model, proposals: proposals.map((p) => ({ ...p, radiusM: siteTerrainCoverage(coverage, p)?.entry.reachM ?? 0 })), terrain: true };
  }
  coverageCache = { households, proposals, coverage, value };
  return value;
}

/** Terrain: some counting proposal has no exact answer yet, or the worker is computing one. */
export const selectTerrainPending = (state: AppState): boolean =>
  selectTerrainActive(state) && (state.terrain.pending > 0 || state.plan.proposals.some((p) => countsInPlan(p) && !siteTerrainCoverage(state.terrain.coverage, p)?.exact));

interface Cache {
  households: AppState['dataset']['households'];
  uncovered: AppState['analysis']['settings']['uncovered'];
  model: CoverageModel;
  tracker: ImpactTracker;
  proposals: ProposedSite[] | null;
  drag: PlanDrag | null;
  value: PlanImpact | null;
}

let cache: Cache | null = null;

function newlyCoveredBy(tracker: ImpactTracker, count: number): number[] {
  const all: number[] = [];
  for (let i = 0; i < count; i++) all.push(...tracker.newlyCoveredIndices(i));
  return all.sort((a, b) => a - b);
}

export function selectPlanImpact(state: AppState): PlanImpact {
  const { households } = state.dataset;
  const { uncovered } = state.analysis.settings;
  const { drag } = state.plan;
  const coverage = selectPlanCoverage(state);
  const { model, proposals } = coverage;
  if (!cache || cache.households !== households || cache.uncovered !== uncovered || cache.model !== model) {
    cache = { households, uncovered, model, tracker: createImpactTracker(households, { uncovered }, model), proposals: null, drag: null, value: null };
  }
  if (cache.proposals === proposals && cache.drag === drag && cache.value) return cache.value;
  const index = drag ? proposals.findIndex((p) => p.id === drag.id) : -1;
  let result: ImpactResult;
  // Terrain: a drag moves the marker only; the numbers stay the committed proposals' answers.
  if (coverage.terrain) result = cache.proposals === proposals ? cache.tracker.result() : cache.tracker.set(proposals);
  else if (cache.proposals !== proposals || index < 0) result = cache.tracker.set(proposals);
  else result = cache.tracker.move(index, drag!.lon, drag!.lat);
  cache.proposals = proposals;
  cache.drag = drag;
  const committed = state.plan.proposals;
  const shown = index < 0 ? committed : committed.map((p, i) => (i === index ? { ...p, lon: drag!.lon, lat: drag!.lat } : p));
  cache.value = { proposals: shown, result, newlyCovered: newlyCoveredBy(cache.tracker, proposals.length), model: coverage.terrain ? 'terrain' : 'radius' };
  return cache.value;
}

/**
 * What the exports say of each proposal (FORMATS §4): newly covered counts in list order, and the
 * villages and blind-spot clusters it reaches (names and ids only, no household data).
 * Computed once per export (O(n) + the circles), not live.
 */
export function siteSummaries(
  households: HouseholdTable, proposals: readonly ProposedSite[], uncovered: readonly AttendanceClass[], analysis?: BlindspotAnalysis,
  model: CoverageModel = radiusCoverageModel,
): SiteImpactSummary[] {
  const tracker = createImpactTracker(households, { uncovered }, model);
  const result = tracker.set(proposals);
  return result.proposals.map((p, i) => ({ ...p, ...describeProposalReach(households, tracker.newlyCoveredIndices(i), analysis) }));
}

/** `siteSummaries` of the plan with the coverage it counts with now (`selectPlanCoverage`). */
export function planSiteSummaries(state: AppState): SiteImpactSummary[] {
  const { model, proposals } = selectPlanCoverage(state);
  return siteSummaries(state.dataset.households, proposals, state.analysis.settings.uncovered, selectAnalysis(state) ?? undefined, model);
}

/** Villages of the homes proposal `index` newly covers now (most homes first), from the live tracker. */
export function newlyCoveredVillages(state: AppState, index: number): string[] {
  selectPlanImpact(state);
  const { households } = state.dataset;
  return describeProposalReach(households, cache!.tracker.newlyCoveredIndices(index)).villages;
}

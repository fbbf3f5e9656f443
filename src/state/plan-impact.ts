/**
 * The live impact of the site plan, for the panel and the map: one impact tracker per household
 * set and "uncovered" choice, fed the committed proposals (`set`) and, while a proposal is being
 * dragged, only its moving circle (`move`), so a drag frame at 100,000 homes costs one index
 * query, not a rescan. Answers are cached by input identity (stable for React selectors).
 */
import {
  createImpactTracker, describeProposalReach, type AttendanceClass, type BlindspotAnalysis, type Household, type ImpactResult,
  type ImpactTracker, type ProposedSite, type SiteImpactSummary,
} from '../core/index.ts';
import { selectAnalysis } from './selectors.ts';
import type { AppState, PlanDrag } from './store.ts';

export interface PlanImpact {
  /** The proposals as drawn: the dragged one at its live position. List order. */
  proposals: ProposedSite[];
  result: ImpactResult;
  /** Indices of the households the plan newly covers (into `dataset.households`), ascending. */
  newlyCovered: number[];
}

interface Cache {
  households: AppState['dataset']['households'];
  uncovered: AppState['analysis']['settings']['uncovered'];
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
  const { proposals, drag } = state.plan;
  if (!cache || cache.households !== households || cache.uncovered !== uncovered) {
    cache = { households, uncovered, tracker: createImpactTracker(households, { uncovered }), proposals: null, drag: null, value: null };
  }
  if (cache.proposals === proposals && cache.drag === drag && cache.value) return cache.value;
  const index = drag ? proposals.findIndex((p) => p.id === drag.id) : -1;
  let result: ImpactResult;
  if (cache.proposals !== proposals || index < 0) result = cache.tracker.set(proposals);
  else result = cache.tracker.move(index, drag!.lon, drag!.lat);
  cache.proposals = proposals;
  cache.drag = drag;
  const shown = index < 0 ? proposals : proposals.map((p, i) => (i === index ? { ...p, lon: drag!.lon, lat: drag!.lat } : p));
  cache.value = { proposals: shown, result, newlyCovered: newlyCoveredBy(cache.tracker, proposals.length) };
  return cache.value;
}

/**
 * What the exports say of each proposal (FORMATS §4): newly covered counts in list order, and the
 * villages and blind-spot clusters it reaches (names and ids only, no household data).
 * Computed once per export (O(n) + the circles), not live.
 */
export function siteSummaries(
  households: readonly Household[], proposals: readonly ProposedSite[], uncovered: readonly AttendanceClass[], analysis?: BlindspotAnalysis,
): SiteImpactSummary[] {
  const tracker = createImpactTracker(households, { uncovered });
  const result = tracker.set(proposals);
  return result.proposals.map((p, i) => ({ ...p, ...describeProposalReach(households, tracker.newlyCoveredIndices(i), analysis) }));
}

export const planSiteSummaries = (state: AppState): SiteImpactSummary[] =>
  siteSummaries(state.dataset.households, state.plan.proposals, state.analysis.settings.uncovered, selectAnalysis(state) ?? undefined);

/** Villages of the homes proposal `index` newly covers now (most homes first), from the live tracker. */
export function newlyCoveredVillages(state: AppState, index: number): string[] {
  selectPlanImpact(state);
  const { households } = state.dataset;
  return describeProposalReach(households, cache!.tracker.newlyCoveredIndices(index)).villages;
}

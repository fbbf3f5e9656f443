/**
 * "Suggest K sites": asks the worker for the K new sites that bring the most uncovered students
 * online, with the plan's proposals fixed, candidates at every uncovered home, the blind-spot
 * cluster centroids and the user's pinned points. The sites found are added to the plan as one
 * undo step, named after their villages; the answer (method, gap, marginal gains) stays for the
 * panel's chart. A newer request makes an older answer stale.
 * With terrain coverage active (a DEM loaded) the worker predicts every candidate's coverage over
 * the DEM first (a progress bar follows it) and picks over those sets; the suggested sites then
 * reach as far as the Hata range (their `radiusM`).
 */
import { countsInPlan, UserInputError } from '../../core/index.ts';
import { appStore } from '../app-store.ts';
import { selectAnalysis } from '../selectors.ts';
import { selectTerrainActive } from '../terrain-coverage.ts';
import type { SuggestState } from '../store.ts';
import { core } from './core.ts';
import { appendProposals, withFreshIds } from './plan-actions.ts';

let latest = 0;

function setSuggest(patch: Partial<SuggestState>): void {
  appStore.setState((s) => ({ plan: { ...s.plan, suggest: { ...s.plan.suggest, ...patch } } }));
}

export async function suggestSites(count: number, radiusM: number): Promise<void> {
  const request = ++latest;
  const state = appStore.getState();
  const { households, sites } = state.dataset;
  const { proposals, pinned } = state.plan;
  const analysis = selectAnalysis(state);
  setSuggest({ running: true, error: null });
  try {
    const options = {
      count,
      uncovered: state.analysis.settings.uncovered,
      fixed: proposals.filter(countsInPlan),
      clusterCentroids: analysis?.clusters.map((c) => c.centroid) ?? [],
      pinned,
    };
    const terrain = selectTerrainActive(state);
    const progress = (value: { done: number; total: number } | null) => {
      if (request === latest) appStore.setState((s) => ({ terrain: { ...s.terrain, suggestProgress: value } }));
    };
    const { newlyCoveredIndices: _, ...result } = terrain
      ? await core().suggestOverTerrain(households, sites, options, (done, total) => progress({ done, total })).finally(() => progress(null))
      : { ...(await core().suggest(households, sites, { ...options, radiusM })), newlyCoveredIndices: null };
    if (request !== latest || appStore.getState().dataset.households !== households) return setSuggest({ running: request !== latest });
    const named = withFreshIds(result.sites.map((s) => s.site), true);
    appendProposals(named);
    setSuggest({
      running: false,
      result: { ...result, count, radiusM, terrain, sites: result.sites.map((s, i) => ({ ...s, site: named[i]! })) },
    });
  } catch (err) {
    if (request !== latest) return;
    const message = err instanceof Error ? err.message : String(err);
    setSuggest({ running: false, error: { message, code: err instanceof UserInputError ? err.code : undefined } });
  }
}

/**
 * "Suggest K sites": asks the worker for the K new sites that bring the most uncovered students
 * online, with the plan's proposals fixed, candidates at every uncovered home, the blind-spot
 * cluster centroids and the user's pinned points. The sites found are added to the plan as one
 * undo step, named after their villages; the answer (method, gap, marginal gains) stays for the
 * panel's chart. A newer request makes an older answer stale.
 */
import { countsInPlan, UserInputError } from '../../core/index.ts';
import { appStore } from '../app-store.ts';
import { selectAnalysis } from '../selectors.ts';
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
    const result = await core().suggest(households, sites, {
      count,
      radiusM,
      uncovered: state.analysis.settings.uncovered,
      fixed: proposals.filter(countsInPlan),
      clusterCentroids: analysis?.clusters.map((c) => c.centroid) ?? [],
      pinned,
    });
    if (request !== latest || appStore.getState().dataset.households !== households) return setSuggest({ running: request !== latest });
    const named = withFreshIds(result.sites.map((s) => s.site), true);
    appendProposals(named);
    setSuggest({
      running: false,
      result: { ...result, count, radiusM, sites: result.sites.map((s, i) => ({ ...s, site: named[i]! })) },
    });
  } catch (err) {
    if (request !== latest) return;
    const message = err instanceof Error ? err.message : String(err);
    setSuggest({ running: false, error: { message, code: err instanceof UserInputError ? err.code : undefined } });
  }
}

/**
 * Keeps the worker's terrain answers in step with the plan and the data (issue 8 §3), while a DEM
 * is loaded and the plan counts with terrain:
 * - each counting proposal's coverage (raster, outline, uncovered homes covered), asked once per
 *   position and radio fields (`terrainSiteKey`): a drop or an edit asks for that one site only
 *   (≈ 100–300 ms); nothing is asked during a drag (the last answer stands until the drop);
 * - the homes without a report that no existing site is predicted to cover, whenever the DEM, the
 *   households or the existing sites change.
 * Answers for another DEM, household set or uncovered choice are dropped; answers for positions no
 * proposal has any more are evicted (a site's last answer is kept until its new one arrives).
 * A worker that restarted has lost its DEM (`no_dem`): the kept DEM is loaded again, then asked again.
 */
import { countsInPlan, UserInputError, type ProposedSite } from '../core/index.ts';
import { appStore } from './app-store.ts';
import { core } from './actions/core.ts';
import { restoreSavedDem } from './actions/terrain-actions.ts';
import type { AppState, TerrainSlice } from './store.ts';
import { selectTerrainActive, terrainSiteKey } from './terrain-coverage.ts';

function setTerrain(update: (t: TerrainSlice) => Partial<TerrainSlice>): void {
  appStore.setState((s) => ({ terrain: { ...s.terrain, ...update(s.terrain) } }));
}

const errorOf = (err: unknown) => ({ message: err instanceof Error ? err.message : String(err), code: (err as { code?: string }).code });

/** Entries still wanted: any current proposal's exact answer, or the last answer of a proposal still waiting for its own. */
function evict(coverage: TerrainSlice['coverage'], proposals: readonly ProposedSite[]): TerrainSlice['coverage'] {
  const keyOf = new Map(proposals.map((p) => [p.id, terrainSiteKey(p)]));
  const wanted = new Set(keyOf.values());
  const keep: TerrainSlice['coverage'] = {};
  for (const [key, entry] of Object.entries(coverage)) {
    const own = keyOf.get(entry.siteId);
    if (wanted.has(key) || (own !== undefined && !coverage[own])) keep[key] = entry;
  }
  return keep;
}

export function startTerrainRunner(): () => void {
  const inFlight = new Set<string>();
  let generation = 0;
  let unreportedFor: unknown[] = [];
  let restoring = false;

  async function recover(err: unknown): Promise<boolean> {
    if (!(err instanceof UserInputError && err.code === 'no_dem') || restoring) return false;
    restoring = true;
    try {
      return await restoreSavedDem();
    } finally {
      restoring = false;
    }
  }

  async function askCoverage(state: AppState, sites: ProposedSite[]): Promise<void> {
    const asked = generation;
    const keys = sites.map(terrainSiteKey);
    keys.forEach((k) => inFlight.add(k));
    setTerrain(() => ({ pending: inFlight.size }));
    const { households, sites: existing } = state.dataset;
    try {
      const answers = await core().terrainCoverage(households, existing, sites, [...state.analysis.settings.uncovered]);
      if (asked !== generation) return;
      keys.forEach((k) => inFlight.delete(k));
      setTerrain((t) => {
        const coverage = { ...t.coverage };
        answers.forEach((a, i) => { coverage[keys[i]!] = a; });
        return { coverage: evict(coverage, appStore.getState().plan.proposals), pending: inFlight.size, error: null };
      });
    } catch (err) {
      if (asked !== generation) return;
      keys.forEach((k) => inFlight.delete(k));
      setTerrain(() => ({ pending: inFlight.size }));
      if (!(await recover(err))) setTerrain(() => ({ error: errorOf(err) }));
    }
  }

  async function askUnreported(state: AppState): Promise<void> {
    const { households, sites } = state.dataset;
    const asked = [state.terrain.dem, households, sites];
    unreportedFor = asked;
    try {
      const answer = await core().unreportedUncovered(households, sites);
      if (unreportedFor !== asked) return;
      setTerrain(() => ({ unreported: { ...answer, households } }));
    } catch (err) {
      if (unreportedFor !== asked) return;
      unreportedFor = [];
      if (!(await recover(err))) setTerrain(() => ({ error: errorOf(err) }));
    }
  }

  function follow(state: AppState): void {
    const { terrain, dataset } = state;
    if (!terrain.dem || dataset.households.count === 0 || terrain.load.state === 'loading') return;
    const [dem, households, sites] = unreportedFor;
    if (dem !== terrain.dem || households !== dataset.households || sites !== dataset.sites) {
      if (dataset.sites.length > 0) void askUnreported(state);
      else if (terrain.unreported) setTerrain(() => ({ unreported: null }));
    }
    if (!selectTerrainActive(state)) return;
    const wanted = { households: dataset.households, uncovered: state.analysis.settings.uncovered };
    const f = terrain.coverageFor;
    if (!f || f.households !== wanted.households || f.uncovered !== wanted.uncovered || f.dem !== terrain.dem) {
      generation++;
      inFlight.clear();
      setTerrain(() => ({ coverage: {}, coverageFor: { ...wanted, dem: terrain.dem! }, pending: 0 }));
      return; // the store update calls back here
    }
    if (state.plan.drag) return;
    const missing = new Map<string, ProposedSite>();
    for (const p of state.plan.proposals) {
      const key = terrainSiteKey(p);
      if (countsInPlan(p) && !terrain.coverage[key] && !inFlight.has(key)) missing.set(key, p);
    }
    if (missing.size > 0) void askCoverage(state, [...missing.values()]);
  }

  follow(appStore.getState());
  const unsubscribe = appStore.subscribe(follow);
  return () => {
    unsubscribe();
    generation++;
  };
}

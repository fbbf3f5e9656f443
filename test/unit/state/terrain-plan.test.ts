// @vitest-environment jsdom
/**
 * The plan counted over terrain, as the app runs it: the terrain runner asks the worker (here the
 * same TerrainSession in-process) for each proposal's coverage once per position, the live impact
 * then equals the core's terrain model counted directly; during a drag the numbers stay the last
 * exact ones and the drop brings the new position's; switching to circles counts circles again;
 * the homes without a report that no existing site reaches are flagged separately.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createImpactTracker, householdTableOf, radiusCoverageModel, terrainCoverageModel, type ProposedSite, type Site,
} from '../../../src/core/index.ts';
import { destination, gridDem, homesAroundSite, ridge, SITE_LAT, SITE_LON } from '../core/propagation/fixtures.ts';

vi.mock('maplibre-gl', () => ({}));

const { appStore } = await import('../../../src/state/app-store.ts');
const { emptyDataset, initialPlan, initialTerrain } = await import('../../../src/state/store.ts');
const { setCoreClient } = await import('../../../src/state/actions/core.ts');
const { startTerrainRunner } = await import('../../../src/state/terrain-runner.ts');
const { selectPlanImpact, selectTerrainPending, planSiteSummaries } = await import('../../../src/state/plan-impact.ts');
const { TerrainSession } = await import('../../../src/worker/terrain-session.ts');
const plan = await import('../../../src/state/actions/plan-actions.ts');
type CoreClient = import('../../../src/worker/core-client.ts').CoreClient;

/** A ridge 3 km east of the site position: homes behind it (east, 4–6 km) are shadowed, homes west are open. */
const dem = gridDem(ridge(3000, 400, 250), 0.15);

const homes = homesAroundSite;

const households = homes();
const existing: Site[] = [{ id: 'E1', name: 'existing', lon: SITE_LON - 0.05, lat: SITE_LAT, status: 'existing', antennaHeightM: 30, bandMHz: 900, eirpDbm: 58, radiusM: 3000 }];

function inProcessClient(calls: { coverage: number }): CoreClient {
  const session = new TerrainSession();
  session.setDem(dem);
  const later = <T>(f: () => T) => new Promise<T>((resolve, reject) => setTimeout(() => { try { resolve(f()); } catch (e) { reject(e as Error); } }, 1));
  return {
    terrainCoverage: (hh, _sites, proposals, classes) => { calls.coverage += proposals.length; return later(() => session.coverage(hh, proposals, classes)); },
    unreportedUncovered: (hh, sites) => later(() => session.unreported(hh, sites)),
    predictPath: (site, lon, lat) => later(() => session.predict(site, lon, lat)),
    suggestOverTerrain: (hh, _sites, options, onProgress) => later(() => session.suggest(hh, options, onProgress)),
  } as Partial<CoreClient> as CoreClient;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

/** The core's own answer: the terrain model counted directly over the households. */
function direct(proposals: readonly ProposedSite[]) {
  const model = terrainCoverageModel(dem);
  const tracker = createImpactTracker(households, { uncovered: ['none', 'poor'] }, model);
  return tracker.set(proposals.map((p) => ({ ...p, radiusM: model.reachM(p) }))).totals;
}

let stop: () => void;
const calls = { coverage: 0 };

beforeEach(() => {
  calls.coverage = 0;
  setCoreClient(inProcessClient(calls));
  appStore.setState((s) => ({
    dataset: { ...emptyDataset, households: householdTableOf(households), sites: existing, source: { kind: 'file', name: 't.csv', encoding: 'utf-8', format: 'csv', columns: [], headerSignature: '', options: {} } },
    analysis: { ...s.analysis, settings: { ...s.analysis.settings, uncovered: ['none', 'poor'] } },
    plan: initialPlan,
    terrain: { ...initialTerrain, dem: { label: 'ridge', bounds: [0, 0, 1, 1], cellSizeDeg: [1 / 1200, 1 / 1200], synthetic: true, samples: 0, source: { kind: 'demo' } } },
  }));
  stop = startTerrainRunner();
});

afterEach(() => stop());

describe('the plan over terrain', () => {
  it('counts each proposal with the worker answer, equal to the core terrain model, and asks once per position', async () => {
    const id = plan.addProposal(SITE_LON, SITE_LAT);
    plan.updateProposal(id, { bandMHz: 900, eirpDbm: 58, antennaHeightM: 30 });
    expect(selectTerrainPending(appStore.getState())).toBe(true);
    await settle();
    const state = appStore.getState();
    expect(selectTerrainPending(state)).toBe(false);
    const impact = selectPlanImpact(state);
    expect(impact.model).toBe('terrain');
    const want = direct(state.plan.proposals);
    expect(impact.result.totals).toEqual(want);
    // The ridge matters: fewer homes than the circle of the same reach.
    const circle = createImpactTracker(households, { uncovered: ['none', 'poor'] }, radiusCoverageModel)
      .set(state.plan.proposals.map((p) => ({ ...p, radiusM: terrainCoverageModel(dem).reachM(p) }))).totals;
    expect(want.newlyCoveredHouseholds).toBeGreaterThan(0);
    expect(want.newlyCoveredHouseholds).toBeLessThan(circle.newlyCoveredHouseholds);
    // The exports say the same.
    expect(planSiteSummaries(state)[0]!.newlyCoveredStudents).toBe(want.newlyCoveredStudents);
    const asked = calls.coverage;
    appStore.setState((s) => ({ ui: { ...s.ui } })); // an unrelated change asks nothing
    await settle();
    expect(calls.coverage).toBe(asked);
  });

  it('keeps the last exact numbers during a drag and counts the new position after the drop', async () => {
    const id = plan.addProposal(SITE_LON, SITE_LAT);
    plan.updateProposal(id, { bandMHz: 900 });
    await settle();
    const before = selectPlanImpact(appStore.getState()).result.totals;
    const [lon, lat] = destination(SITE_LON, SITE_LAT, 90, 5000); // onto the far side of the ridge
    for (let k = 1; k <= 5; k++) plan.dragProposal(id, SITE_LON + ((lon - SITE_LON) * k) / 5, lat);
    expect(selectPlanImpact(appStore.getState()).result.totals).toEqual(before);
    expect(selectPlanImpact(appStore.getState()).proposals[0]!.lon).toBeCloseTo(lon, 9);
    plan.endDrag();
    await settle();
    const after = selectPlanImpact(appStore.getState());
    expect(after.result.totals).toEqual(direct(appStore.getState().plan.proposals));
    expect(after.result.totals).not.toEqual(before);
  });

  it('counts circles again when the user switches to the radius model', async () => {
    const id = plan.addProposal(SITE_LON, SITE_LAT);
    plan.updateProposal(id, { bandMHz: 900, radiusM: 5000 });
    await settle();
    appStore.setState((s) => ({ terrain: { ...s.terrain, model: 'radius' } }));
    const state = appStore.getState();
    const circles = createImpactTracker(households, { uncovered: ['none', 'poor'] }).set(state.plan.proposals).totals;
    expect(selectPlanImpact(state).model).toBe('radius');
    expect(selectPlanImpact(state).result.totals).toEqual(circles);
  });

  it('flags the homes without a report that no existing site is predicted to cover, apart from the classes', async () => {
    await settle();
    const { unreported } = appStore.getState().terrain;
    expect(unreported?.households).toBe(appStore.getState().dataset.households);
    const unknown = households.filter((h) => h.cls === 'unknown');
    expect(unreported!.unknownHouseholds).toBe(unknown.length);
    const model = terrainCoverageModel(dem);
    const want = households.flatMap((h, i) => (h.cls === 'unknown' && !existing.some((s) => model.covers(s, h.lon, h.lat)) ? [i] : []));
    expect(unreported!.indices).toEqual(want);
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(unknown.length);
  });

  it('drops answers for an earlier household set', async () => {
    plan.addProposal(SITE_LON, SITE_LAT);
    const next = householdTableOf(households.map((h) => ({ ...h })));
    appStore.setState((s) => ({ dataset: { ...s.dataset, households: next } }));
    await settle();
    const { coverageFor, coverage } = appStore.getState().terrain;
    expect(coverageFor?.households).toBe(next);
    expect(Object.keys(coverage)).toHaveLength(1);
  });
});

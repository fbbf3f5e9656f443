// @vitest-environment jsdom
/**
 * The site plan as the user edits it: every committed change is one undo step (a drag is one
 * step however many frames it had), undo and redo walk the history, a new change clears redo;
 * the live impact during a drag equals a fresh computation at the dragged position; new sites get
 * unused ids and names after the nearest village.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { householdTableOf, proposalImpact, type Household } from '../../../src/core/index.ts';

vi.mock('maplibre-gl', () => ({}));

const { appStore } = await import('../../../src/state/app-store.ts');
const { emptyDataset, initialPlan, initialUi } = await import('../../../src/state/store.ts');
const plan = await import('../../../src/state/actions/plan-actions.ts');
const { selectPlanImpact } = await import('../../../src/state/plan-impact.ts');

/** Homes east of 108.0 °E along 30.0 °N, 500 m apart; every other one cannot attend. */
function homes(n: number): Household[] {
  return Array.from({ length: n }, (_, i): Household => ({
    id: `H${i}`, lon: 108 + (i * 500) / 96_350, lat: 30, students: 1 + (i % 3), township: '六塘乡', village: i < n / 2 ? '龙池村' : '三星村',
    reports: [], cls: i % 2 === 0 ? 'none' : 'good', personal: {}, line: i + 2,
  }));
}

const households = homes(40);
const uncovered = { uncovered: ['none', 'poor'] as const };

beforeEach(() => {
  appStore.setState((s) => ({
    dataset: { ...emptyDataset, households: householdTableOf(households) },
    analysis: { ...s.analysis, settings: { ...s.analysis.settings, uncovered: ['none', 'poor'] } },
    plan: initialPlan,
    ui: initialUi,
    settings: { lang: 'zh-CN' },
  }));
});

const proposals = () => appStore.getState().plan.proposals;

describe('plan actions', () => {
  it('adds a site with a fresh id, the nearest village in its name, the table radius, and selects it', () => {
    const a = plan.addProposal(108.01, 30);
    const b = plan.addProposal(108.012, 30);
    expect(a).not.toBe(b);
    expect(proposals().map((p) => p.name)).toEqual(['六塘乡龙池村 1', '六塘乡龙池村 2']);
    expect(proposals()[0]).toMatchObject({ origin: 'manual', status: 'proposed', bandMHz: 1800, antennaHeightM: 30, radiusM: 3000, costCny: 250_000 });
    expect(appStore.getState().ui.selection).toEqual({ kind: 'proposal', id: b });
    // Far from any home: a plain numbered name.
    plan.addProposal(109.5, 31);
    expect(proposals()[2]!.name).toBe('新站址 1');
  });

  it('records one undo step per change; a drag of many frames is one step; redo is cleared by a new change', () => {
    const id = plan.addProposal(108.01, 30);
    plan.updateProposal(id, { radiusM: 1000 });
    plan.updateProposal(id, { radiusM: 1000 }); // no change: no step
    for (let k = 1; k <= 30; k++) plan.dragProposal(id, 108.01 + k * 0.001, 30);
    plan.endDrag();
    expect(appStore.getState().plan.past).toHaveLength(3);
    expect(proposals()[0]!.lon).toBeCloseTo(108.04, 10);

    plan.undo();
    expect(proposals()[0]!.lon).toBe(108.01);
    expect(proposals()[0]!.radiusM).toBe(1000);
    plan.undo();
    expect(proposals()[0]!.radiusM).toBe(3000);
    plan.undo();
    expect(proposals()).toEqual([]);
    plan.undo(); // nothing left: no change
    expect(proposals()).toEqual([]);

    plan.redo();
    plan.redo();
    expect(proposals()[0]!.radiusM).toBe(1000);
    plan.deleteProposal(id);
    expect(appStore.getState().plan.future).toEqual([]);
    plan.redo();
    expect(proposals()).toEqual([]);
  });

  it('pins candidate points and clears them, each one undo step', () => {
    plan.pinCandidate(108.1, 30.1);
    plan.pinCandidate(108.2, 30.2);
    expect(appStore.getState().plan.pinned).toEqual([[108.1, 30.1], [108.2, 30.2]]);
    plan.clearPinned();
    expect(appStore.getState().plan.pinned).toEqual([]);
    plan.undo();
    expect(appStore.getState().plan.pinned).toHaveLength(2);
  });

  it('a drag released where it started records nothing', () => {
    const id = plan.addProposal(108.01, 30);
    plan.dragProposal(id, 108.02, 30);
    plan.dragProposal(id, 108.01, 30);
    plan.endDrag();
    expect(appStore.getState().plan.past).toHaveLength(1);
    expect(appStore.getState().plan.drag).toBeNull();
  });

  it('keeps imported ids unless taken; suggested sites get fresh ids and names', () => {
    const id = plan.addProposal(108.01, 30);
    const base = proposals()[0]!;
    const imported = plan.withFreshIds([{ ...base, id: 'site-keep', name: '甲' }, { ...base, id, name: '乙' }], false);
    expect(imported.map((p) => p.id)[0]).toBe('site-keep');
    expect(imported[1]!.id).not.toBe(id);
    expect(imported.map((p) => p.name)).toEqual(['甲', '乙']);
    const suggested = plan.withFreshIds([{ ...base, id: 'suggested-1', name: 'Suggested 1' }], true);
    expect(suggested[0]!.name).toBe('六塘乡龙池村 2');
  });

  it('newSiteId never returns a taken id, even when the short ids run out', () => {
    let k = 0;
    const stuck = () => (k++ < 1000 ? 0 : Math.random()); // always "site-0000" at first
    const id = plan.newSiteId(new Set(['site-0000']), stuck);
    expect(id).not.toBe('site-0000');
    expect(id).toMatch(/^site-[0-9a-f]{4,}$/);
  });
});

describe('live impact', () => {
  it('during a drag equals a fresh computation at the dragged position, and returns after release', () => {
    const a = plan.addProposal(108.0, 30);
    plan.updateProposal(a, { radiusM: 2000 });
    plan.addProposal(108.1, 30);
    const before = selectPlanImpact(appStore.getState());
    expect(before).toBe(selectPlanImpact(appStore.getState())); // cached: stable for React
    for (const lon of [108.02, 108.05, 108.09, 108.15]) {
      plan.dragProposal(a, lon, 30);
      const live = selectPlanImpact(appStore.getState());
      const moved = proposals().map((p) => (p.id === a ? { ...p, lon } : p));
      expect(live.result).toEqual(proposalImpact(households, moved, uncovered));
      expect(live.proposals[0]!.lon).toBe(lon);
    }
    plan.dragProposal(a, 108.0, 30);
    plan.endDrag();
    expect(selectPlanImpact(appStore.getState()).result).toEqual(before.result);
    const indices = selectPlanImpact(appStore.getState()).newlyCovered;
    expect(indices.every((i) => households[i]!.cls === 'none')).toBe(true);
    expect(indices.length).toBe(before.result.totals.newlyCoveredHouseholds);
  });
});

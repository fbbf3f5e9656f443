/**
 * Keeps the site plan (proposals and pinned candidate points) on this machine (IndexedDB key
 * `plan`): every committed change is written at once, in order, so closing the tab loses nothing;
 * drag frames are not written (the drop is). A stored plan that does not read back as a plan is
 * ignored, never half-used.
 */
import { parseProposalsGeoJson, proposalsToGeoJson, type ProposedSite } from '../core/index.ts';
import { appStore } from './app-store.ts';
import { readLocal, writeLocal } from './local-db.ts';
import type { PlanSnapshot } from './store.ts';
import { restorePlan } from './actions/plan-actions.ts';

interface StoredPlan extends PlanSnapshot {
  savedAt: string;
}

const isLonLat = (p: unknown): p is [number, number] =>
  Array.isArray(p) && p.length === 2 && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;

/** The stored plan, or null when there is none or it does not check out. */
export async function loadSavedPlan(): Promise<PlanSnapshot | null> {
  try {
    const stored = await readLocal<StoredPlan>('plan');
    if (!stored || !Array.isArray(stored.proposals) || !Array.isArray(stored.pinned) || !stored.pinned.every(isLonLat)) return null;
    // The proposals must survive the file format's checks (ids, ranges, types) to be used.
    const checked = parseProposalsGeoJson(JSON.stringify(proposalsToGeoJson(stored.proposals as ProposedSite[], [])));
    if (checked.length !== stored.proposals.length) return null;
    // …and keep their full-precision positions (the file rounds to 6 decimals).
    const proposals = checked.map((p, i) => ({ ...p, lon: stored.proposals[i]!.lon, lat: stored.proposals[i]!.lat }));
    return { proposals, pinned: stored.pinned };
  } catch {
    return null;
  }
}

let queue: Promise<void> = Promise.resolve();

function save(snapshot: PlanSnapshot): void {
  const stored: StoredPlan = { ...snapshot, savedAt: new Date().toISOString() };
  queue = queue.then(() => writeLocal('plan', stored)).catch(() => {
    /* storage refused (quota, private mode): the plan still works for this session */
  });
}

/** Resolves when every change made so far is written (tests, project switches). */
export const planSaved = (): Promise<void> => queue;

/**
 * Restores the saved plan (unless the user already started one), then writes the plan on every
 * committed change. Returns the function that stops it.
 */
export function startPlanPersistence(): () => void {
  let unsubscribe: (() => void) | null = null;
  let stopped = false;
  void loadSavedPlan().then((saved) => {
    if (stopped) return;
    const { plan } = appStore.getState();
    if (saved && plan.proposals.length === 0 && plan.pinned.length === 0 && plan.past.length === 0) restorePlan(saved);
    unsubscribe = appStore.subscribe((state, prev) => {
      const { proposals, pinned } = state.plan;
      if (proposals !== prev.plan.proposals || pinned !== prev.plan.pinned) save({ proposals, pinned });
    });
  });
  return () => {
    stopped = true;
    unsubscribe?.();
  };
}

/**
 * Keeps the site plan (proposals and pinned candidate points) on this machine, durably:
 * - Every committed change is written at once (drag frames are not; the drop is), so a closed tab
 *   or a crash loses nothing that the "saved" line showed as saved. No unload handler is needed.
 * - A write is one IndexedDB transaction that moves the stored version to `plan-previous` and puts
 *   the new one in `plan`: either both happen or neither. On start the newest version that reads
 *   back as a plan is used; a damaged one falls back to the version before it.
 * - Records carry a schema (`blindspot.plan/1`) and a revision; older records are migrated
 *   (`PLAN_MIGRATIONS`), never half-used.
 * - Two tabs: each save is announced on a BroadcastChannel and the other tabs show the new plan at
 *   once. A save whose base revision is no longer the stored one (another tab saved in between)
 *   is not written: the tab shows the stored plan and says that its last edit was not saved.
 * - A failed write (full disk, storage refused) is shown with a way out (save a project file).
 */
import { parseProposalsGeoJson, proposalsToGeoJson, type ProposedSite } from '../core/index.ts';
import { appStore } from './app-store.ts';
import { readLocal, storageErrorKind, transactLocal } from './local-db.ts';
import type { PlanSnapshot, StorageState } from './store.ts';

export const PLAN_SCHEMA = 'blindspot.plan/1';

export interface StoredPlan extends PlanSnapshot {
  schema: typeof PLAN_SCHEMA;
  /** 1, 2, 3 … per save, across tabs. */
  rev: number;
  savedAt: string;
  /** The tab that wrote it. */
  tab: string;
}

/** Older record shapes → the current one. The first release stored `{proposals, pinned, savedAt}` without a schema. */
export const PLAN_MIGRATIONS: Record<string, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  unversioned: (doc) => ({ ...doc, schema: PLAN_SCHEMA, rev: 0, tab: '' }),
};

const CHANNEL = 'blindspot-plan';
const TAB = Math.random().toString(36).slice(2, 10);

const isLonLat = (p: unknown): p is [number, number] =>
  Array.isArray(p) && p.length === 2 && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;

/** A stored record as a plan (migrated, checked), or null when it does not read back as one. */
export function readPlanRecord(raw: unknown): StoredPlan | null {
  try {
    if (typeof raw !== 'object' || raw === null) return null;
    let doc = raw as Record<string, unknown>;
    const schema = typeof doc.schema === 'string' ? doc.schema : 'unversioned';
    if (schema !== PLAN_SCHEMA) {
      const migrate = PLAN_MIGRATIONS[schema];
      if (!migrate) return null;
      doc = migrate(doc);
    }
    const { proposals, pinned, rev } = doc;
    if (!Array.isArray(proposals) || !Array.isArray(pinned) || !pinned.every(isLonLat) || typeof rev !== 'number') return null;
    // The proposals must pass the file format's checks (ids, ranges, types) to be used…
    const checked = parseProposalsGeoJson(JSON.stringify(proposalsToGeoJson(proposals as ProposedSite[], [])));
    if (checked.length !== proposals.length) return null;
    // …and keep their full-precision positions (the file rounds to 6 decimals).
    const exact = checked.map((p, i) => ({ ...p, lon: (proposals[i] as ProposedSite).lon, lat: (proposals[i] as ProposedSite).lat }));
    return { schema: PLAN_SCHEMA, rev, savedAt: String(doc.savedAt ?? ''), tab: String(doc.tab ?? ''), proposals: exact, pinned: pinned as [number, number][] };
  } catch {
    return null;
  }
}

/** The newest stored plan that reads back (falling back to the version before it), or null. */
export async function loadSavedPlan(): Promise<StoredPlan | null> {
  try {
    return readPlanRecord(await readLocal('plan')) ?? readPlanRecord(await readLocal('plan-previous'));
  } catch {
    return null;
  }
}

function setStorage(patch: Partial<StorageState>): void {
  appStore.setState((s) => ({ ui: { ...s.ui, storage: { ...s.ui.storage, ...patch } } }));
}

/** Shows that something could not be saved on this machine (an import, the project). */
export const reportStorageError = (err: unknown): void => setStorage({ error: storageErrorKind(err) });

export const dismissStorageNotice = (): void => setStorage({ notice: null, error: null });

/** The revision this tab's plan is based on. */
let baseRev = 0;
let queue: Promise<void> = Promise.resolve();
let channel: BroadcastChannel | null = null;

/** Shows a stored plan (fresh undo history) and its revision, in one store update. */
function show(stored: StoredPlan, notice: StorageState['notice']): void {
  baseRev = stored.rev;
  appStore.setState((s) => ({
    plan: { ...s.plan, proposals: stored.proposals, pinned: stored.pinned, past: [], future: [], drag: null },
    ui: { ...s.ui, storage: { ...s.ui.storage, planSavedAt: stored.savedAt, planRev: stored.rev, notice } },
  }));
}

function save(snapshot: PlanSnapshot): void {
  queue = queue.then(async () => {
    try {
      const outcome = await transactLocal(async ({ get, put }): Promise<{ conflict: StoredPlan } | { saved: StoredPlan }> => {
        const current = readPlanRecord(await get('plan'));
        if (current && current.rev !== baseRev) return { conflict: current };
        const next: StoredPlan = { schema: PLAN_SCHEMA, rev: (current?.rev ?? 0) + 1, savedAt: new Date().toISOString(), tab: TAB, ...snapshot };
        if (current) put('plan-previous', current);
        put('plan', next);
        return { saved: next };
      });
      if ('conflict' in outcome) return show(outcome.conflict, 'conflict');
      baseRev = outcome.saved.rev;
      setStorage({ planSavedAt: outcome.saved.savedAt, planRev: outcome.saved.rev, error: null });
      channel?.postMessage({ rev: baseRev, tab: TAB });
    } catch (err) {
      setStorage({ error: storageErrorKind(err) });
    }
  });
}

/** Resolves when every change made so far is written (tests, project switches). */
export const planSaved = (): Promise<void> => queue;

/** Another tab saved: show its plan, unless this tab is mid-drag (then the drop will meet the conflict check). */
async function onOtherTabSaved(rev: number): Promise<void> {
  await queue;
  if (rev <= baseRev || appStore.getState().plan.drag) return;
  const stored = await loadSavedPlan();
  if (stored && stored.rev > baseRev) show(stored, 'updated');
}

/**
 * Restores the saved plan (unless the user already started one), then writes the plan on every
 * committed change and follows the other tabs. Returns the function that stops it.
 */
export function startPlanPersistence(): () => void {
  let unsubscribe: (() => void) | null = null;
  let stopped = false;
  void loadSavedPlan().then((saved) => {
    if (stopped) return;
    const { plan } = appStore.getState();
    if (saved) {
      baseRev = saved.rev;
      if (plan.proposals.length === 0 && plan.pinned.length === 0 && plan.past.length === 0) show(saved, null);
    }
    unsubscribe = appStore.subscribe((state, prev) => {
      const { proposals, pinned } = state.plan;
      if (proposals === prev.plan.proposals && pinned === prev.plan.pinned) return;
      // A plan just shown from storage (start, another tab) is already saved.
      if (state.ui.storage.planRev !== prev.ui.storage.planRev) return;
      save({ proposals, pinned });
    });
    if (typeof BroadcastChannel !== 'undefined') {
      channel = new BroadcastChannel(CHANNEL);
      channel.onmessage = (event: MessageEvent<{ rev: number; tab: string }>) => {
        if (event.data.tab !== TAB) void onOtherTabSaved(event.data.rev);
      };
    }
  });
  return () => {
    stopped = true;
    unsubscribe?.();
    channel?.close();
    channel = null;
  };
}

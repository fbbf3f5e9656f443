/**
 * The site plan's actions: add, move, edit and delete proposals, pin candidate points, undo and
 * redo. Every committed change is one undo step (a drag commits once, on drop; a suggestion adds
 * all its sites in one step). History keeps the last `MAX_UNDO_STEPS` snapshots.
 */
import { areaNameOf, defaultRadiusM, DEFAULT_SITE_COST_CNY, haversineLonLatM, type ProposedSite } from '../../core/index.ts';
import { translate } from '../../i18n/translate.ts';
import { appStore } from '../app-store.ts';
import type { PlanMode, PlanSlice, PlanSnapshot } from '../store.ts';

export const MAX_UNDO_STEPS = 200;

/** A new hand-placed proposal: 1800 MHz, 30 m mast, 58 dBm EIRP → the table's 3 km radius. */
export const NEW_SITE_DEFAULTS = Object.freeze({ bandMHz: 1800, antennaHeightM: 30, eirpDbm: 58, costCny: DEFAULT_SITE_COST_CNY });

/** Homes farther than this from a new site do not lend it their village's name. */
const NAME_FROM_HOME_WITHIN_M = 5000;

function setPlan(patch: Partial<PlanSlice>): void {
  appStore.setState((s) => ({ plan: { ...s.plan, ...patch } }));
}

/** Replaces the plan with `next` as one undo step. */
function commit(next: Partial<PlanSnapshot>): void {
  appStore.setState((s) => {
    const { proposals, pinned, past } = s.plan;
    return {
      plan: { ...s.plan, ...next, drag: null, past: [...past, { proposals, pinned }].slice(-MAX_UNDO_STEPS), future: [] },
    };
  });
}

function editProposals(edit: (proposals: ProposedSite[]) => ProposedSite[]): void {
  commit({ proposals: edit(appStore.getState().plan.proposals) });
}

/** A short id unused by any proposal or existing site (`site-3f2a`, as in FORMATS §4). */
export function newSiteId(taken: ReadonlySet<string>, random: () => number = Math.random): string {
  for (let digits = 4; ; digits++) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const id = `site-${Math.floor(random() * 16 ** digits).toString(16).padStart(digits, '0')}`;
      if (!taken.has(id)) return id;
    }
  }
}

/** "六塘乡龙池村 2": the nearest home's township and village, numbered past `takenNames`; else "新站址 3". */
function newSiteName(lon: number, lat: number, takenNames: ReadonlySet<string>): string {
  const { dataset, settings } = appStore.getState();
  const t = dataset.households;
  let best = -1, bestM = NAME_FROM_HOME_WITHIN_M;
  for (let i = 0; i < t.count; i++) {
    if (!areaNameOf(t, t.village[i]!)) continue;
    const d = haversineLonLatM(lon, lat, t.lon[i]!, t.lat[i]!);
    if (d < bestM || (d === bestM && best < 0)) { best = i; bestM = d; }
  }
  const base = best >= 0
    ? `${areaNameOf(t, t.township[best]!) ?? ''}${areaNameOf(t, t.village[best]!)}`
    : translate(settings.lang, 'plan.newSiteBase');
  let n = 1;
  while (takenNames.has(`${base} ${n}`)) n++;
  return `${base} ${n}`;
}

/**
 * Makes proposals fit into this plan. New ones (`rename`: hand-placed, suggested) get a fresh id
 * and a name after the nearest village; imported ones keep theirs unless the id is already used.
 */
export function withFreshIds(sites: readonly ProposedSite[], rename: boolean): ProposedSite[] {
  const { dataset, plan } = appStore.getState();
  const ids = new Set([...plan.proposals.map((p) => p.id), ...dataset.sites.map((s) => s.id)]);
  const names = new Set(plan.proposals.map((p) => p.name));
  return sites.map((site) => {
    const id = rename || !site.id || ids.has(site.id) ? newSiteId(ids) : site.id;
    const name = rename ? newSiteName(site.lon, site.lat, names) : site.name;
    ids.add(id);
    names.add(name);
    return { ...site, id, name };
  });
}

/** Adds a hand-placed proposal at [lon, lat], selects it and returns its id. */
export function addProposal(lon: number, lat: number): string {
  const { bandMHz, antennaHeightM, eirpDbm, costCny } = NEW_SITE_DEFAULTS;
  const [site] = withFreshIds([{
    id: '', name: '', lon, lat, status: 'proposed', origin: 'manual',
    antennaHeightM, bandMHz, eirpDbm, radiusM: defaultRadiusM(bandMHz, antennaHeightM), costCny, notes: '',
  }], true);
  editProposals((ps) => [...ps, site!]);
  appStore.setState((s) => ({ ui: { ...s.ui, selection: { kind: 'proposal', id: site!.id } } }));
  return site!.id;
}

/** Live position while dragging (no undo step, no save); `endDrag` commits it. */
export function dragProposal(id: string, lon: number, lat: number): void {
  setPlan({ drag: { id, lon, lat } });
}

/** Ends a drag: the proposal moves to where it was dropped (one undo step). */
export function endDrag(): void {
  const drag = appStore.getState().plan.drag;
  if (!drag) return;
  const { id, lon, lat } = drag;
  const current = appStore.getState().plan.proposals.find((p) => p.id === id);
  if (!current || (current.lon === lon && current.lat === lat)) return setPlan({ drag: null });
  editProposals((ps) => ps.map((p) => (p.id === id ? { ...p, lon, lat } : p)));
}

export type ProposalPatch = Partial<Omit<ProposedSite, 'id' | 'origin'>>;

/** Edits a proposal's fields (one undo step); a change that changes nothing is not recorded. */
export function updateProposal(id: string, patch: ProposalPatch): void {
  const current = appStore.getState().plan.proposals.find((p) => p.id === id);
  if (!current) return;
  const keys = Object.keys(patch) as (keyof ProposalPatch)[];
  if (keys.every((k) => patch[k] === current[k])) return;
  editProposals((ps) => ps.map((p) => (p.id === id ? { ...p, ...patch } : p)));
}

export function deleteProposal(id: string): void {
  if (!appStore.getState().plan.proposals.some((p) => p.id === id)) return;
  editProposals((ps) => ps.filter((p) => p.id !== id));
  appStore.setState((s) => ({
    ui: { ...s.ui, selection: s.ui.selection?.kind === 'proposal' && s.ui.selection.id === id ? null : s.ui.selection },
  }));
}

/** Adds several proposals at the end of the list as one undo step (suggestions, an imported file). */
export function appendProposals(sites: readonly ProposedSite[]): void {
  if (sites.length === 0) return;
  editProposals((ps) => [...ps, ...sites]);
}

export function clearProposals(): void {
  const { proposals, pinned } = appStore.getState().plan;
  if (proposals.length === 0 && pinned.length === 0) return;
  commit({ proposals: [], pinned: [] });
}

export function pinCandidate(lon: number, lat: number): void {
  commit({ pinned: [...appStore.getState().plan.pinned, [lon, lat]] });
}

export function clearPinned(): void {
  if (appStore.getState().plan.pinned.length > 0) commit({ pinned: [] });
}

export function undo(): void {
  appStore.setState((s) => {
    const { past, future, proposals, pinned } = s.plan;
    const previous = past.at(-1);
    if (!previous) return {};
    return { plan: { ...s.plan, ...previous, drag: null, past: past.slice(0, -1), future: [{ proposals, pinned }, ...future] } };
  });
}

export function redo(): void {
  appStore.setState((s) => {
    const { past, future, proposals, pinned } = s.plan;
    const next = future[0];
    if (!next) return {};
    return { plan: { ...s.plan, ...next, drag: null, past: [...past, { proposals, pinned }], future: future.slice(1) } };
  });
}

export function setPlanMode(mode: PlanMode): void {
  setPlan({ mode });
}

/** Replaces the plan without an undo step (restoring the saved plan on start). */
export function restorePlan(snapshot: PlanSnapshot): void {
  setPlan({ ...snapshot, past: [], future: [], drag: null });
}

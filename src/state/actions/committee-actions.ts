/** The committee view's actions: switch views, privacy mode, table level/search/sort, map mode. */
import { appStore } from '../app-store.ts';
import type { AppView, CommitteeSlice, CommitteeSortKey } from '../store.ts';
import { flyTo } from './ui-actions.ts';

export function setView(view: AppView): void {
  appStore.setState((s) => ({ ui: { ...s.ui, view, selection: view === 'committee' ? null : s.ui.selection } }));
}

/** Turns privacy mode on or off for the current view. */
export function setPrivacy(on: boolean): void {
  appStore.setState((s) => ({
    ui: { ...s.ui, privacy: { ...s.ui.privacy, [s.ui.view]: on }, selection: on ? null : s.ui.selection },
  }));
}

export function setCommittee(patch: Partial<CommitteeSlice>): void {
  appStore.setState((s) => ({ committee: { ...s.committee, ...patch } }));
}

/** Sorts by a column; the same column again flips the direction. Names sort ascending first, numbers descending. */
export function sortCommittee(key: CommitteeSortKey): void {
  const { sort } = appStore.getState().committee;
  setCommittee({ sort: { key, descending: sort.key === key ? !sort.descending : key !== 'name' } });
}

/** Half-width of the view a selected area's centre is shown in, degrees (~3 km). */
const AREA_MARGIN_DEG = 0.03;

/** Selects an area (highlighted on the map); with a centre, the map moves to it. */
export function selectArea(key: string | null, centre?: readonly [number, number]): void {
  setCommittee({ selected: key });
  if (key !== null && centre) {
    const m = AREA_MARGIN_DEG;
    flyTo([centre[0] - m, centre[1] - m, centre[0] + m, centre[1] + m]);
  }
}

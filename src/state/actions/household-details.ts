/**
 * A home's reports and personal fields (not in the page's table): asked when the home is opened,
 * from where the client keeps them (this side for small files and projects, else the worker).
 */
import type { HouseholdDetails } from '../../worker/protocol.ts';
import { appStore } from '../app-store.ts';
import { selectHouseholdIndex } from '../selectors.ts';
import { core } from './core.ts';

export async function householdDetails(id: string): Promise<HouseholdDetails> {
  const state = appStore.getState();
  const { households, sites } = state.dataset;
  const index = selectHouseholdIndex(state).get(id) ?? -1;
  if (index < 0) throw new Error(`household ${id} is not in the dataset`);
  return core().householdDetails(households, sites, index);
}

/** The dataset's homes whole as JSON text pieces: for a project file (`projectJsonParts`). */
export async function householdsJson(): Promise<string[]> {
  const { households, sites } = appStore.getState().dataset;
  return core().householdsJson(households, sites);
}

/**
 * A home's reports and personal fields when the homes crossed from the worker as columns (large
 * datasets keep them in the worker): asked when the home is opened.
 */
import { detailsInWorker, type Household } from '../../core/index.ts';
import type { HouseholdDetails } from '../../worker/protocol.ts';
import { appStore } from '../app-store.ts';
import { selectHouseholdIndex } from '../selectors.ts';
import { core } from './core.ts';

export async function householdDetails(household: Household): Promise<HouseholdDetails> {
  if (!detailsInWorker(household)) return household;
  const state = appStore.getState();
  const { households, sites } = state.dataset;
  const index = selectHouseholdIndex(state).get(household.id) ?? -1;
  if (index < 0) throw new Error(`household ${household.id} is not in the dataset`);
  return core().householdDetails(households, sites, index);
}

/** The dataset's homes whole (from the worker when they crossed as columns): for a project file. */
export async function fullHouseholds(): Promise<Household[]> {
  const { households, sites } = appStore.getState().dataset;
  return households.some(detailsInWorker) ? core().fullHouseholds(households, sites) : households;
}

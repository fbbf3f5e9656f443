/**
 * Impact of an ordered list of proposals, once (see `createImpactTracker` for the rules:
 * "uncovered today" by class only, newly covered = not covered by an earlier proposal; the
 * live, incremental version for dragging). Takes a `HouseholdTable` or `Household[]`, as the tracker.
 * Cost: O(n) + O(Σ uncovered homes in the circles).
 */
import type { Household } from '../model/types.ts';
import type { HouseholdTable } from '../model/household-table.ts';
import type { CoverageModel, ProposedSite } from '../model/proposal.ts';
import { createImpactTracker, type ImpactResult, type ImpactSettings } from './create-impact-tracker.ts';

export function proposalImpact(
  homes: readonly Household[] | HouseholdTable, proposals: readonly ProposedSite[], settings: ImpactSettings, model?: CoverageModel,
): ImpactResult {
  return createImpactTracker(homes, settings, model).set(proposals);
}

/**
 * Names that justify a proposal without household-level data (FORMATS.md §4 `villages`,
 * `clusterIds`): the villages of the homes it newly covers (most homes first, ties by name, via
 * `namesByCount`) and the ids of the blind-spot clusters with at least one member among them
 * (in cluster rank order). `indices` are household indices as `createImpactTracker`'s
 * `newlyCoveredIndices` gives them, into the same array the analysis was run on.
 * Cost: O(indices + Σ cluster members).
 */
import type { BlindspotAnalysis } from '../model/analysis.ts';
import type { Household } from '../model/types.ts';
import { areaNameOf, type HouseholdTable } from '../model/household-table.ts';
import { asHouseholdTable } from '../io/household-table-of.ts';
import { namesByCount } from './names-by-count.ts';

export interface ProposalReach {
  villages: string[];
  clusterIds: string[];
}

export function describeProposalReach(
  households: readonly Household[] | HouseholdTable, indices: readonly number[], analysis?: BlindspotAnalysis,
): ProposalReach {
  const table = asHouseholdTable(households);
  const villages = namesByCount(indices.map((i) => (i < table.count ? areaNameOf(table, table.village[i]!) : undefined)));
  if (!analysis) return { villages, clusterIds: [] };
  const set = new Set(indices);
  const clusterIds = [...analysis.clusters]
    .sort((a, b) => a.rank - b.rank)
    .filter((c) => c.memberIndices.some((i) => set.has(i)))
    .map((c) => c.id);
  return { villages, clusterIds };
}

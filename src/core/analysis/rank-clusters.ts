/**
 * Ranks blind-spot clusters (FORMATS.md §5): most uncovered students first; ties go to more
 * uncovered households, then to the earlier cluster in the given (DBSCAN) order. Returns new
 * cluster objects sorted by rank with `rank` = 1, 2, … (no two share a rank); the input is not
 * changed. Cost: O(c log c) for c clusters.
 */
import type { BlindspotCluster } from '../model/analysis.ts';

export function rankClusters(clusters: readonly BlindspotCluster[]): BlindspotCluster[] {
  return clusters
    .map((cluster, order) => ({ cluster, order }))
    .sort((a, b) => b.cluster.uncoveredStudents - a.cluster.uncoveredStudents
      || b.cluster.uncoveredHouseholds - a.cluster.uncoveredHouseholds
      || a.order - b.order)
    .map(({ cluster }, i) => ({ ...cluster, rank: i + 1 }));
}

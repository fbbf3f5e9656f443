/**
 * The coverage sets of a circle instance: for each candidate centre, the indices of the points
 * within `radiusM` haversine metres (a point exactly at the radius is in), ascending — what the
 * exact solvers (`milpMaxCover`, `bruteForceMaxCover`) work on, so circles and terrain coverage
 * sets go through the same code.
 * Cost: index build O(n) + one query per candidate; memory 4 bytes per (candidate, point in
 * reach) pair — callers that may face millions of pairs check a size estimate first (the lazy
 * greedy never calls this: it queries the index directly).
 */
import { createPointGridIndex, type PointGridIndex } from '../coverage/create-point-grid-index.ts';
import type { MaxCoverInstance } from './greedy-max-cover.ts';

/** `index`: the grid index of `inst.lon`/`inst.lat` when the caller has one already. */
export function circleCoverageSets(inst: MaxCoverInstance, index: PointGridIndex = createPointGridIndex(inst.lon, inst.lat)): Int32Array[] {
  const sets: Int32Array[] = [];
  for (let j = 0; j < inst.candLon.length; j++) sets.push(index.withinM(inst.candLon[j]!, inst.candLat[j]!, inst.radiusM));
  return sets;
}

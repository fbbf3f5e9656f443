/**
 * Reference for the benchmark: the plain (non-lazy) greedy maximal covering. Each round asks the
 * grid index (property-tested against the brute-force haversine filter) for every unchosen
 * candidate's circle, sums the students and homes not yet covered, and takes the best — most
 * students, then most homes, then the lower candidate index, the order `greedyMaxCover` uses —
 * stopping after `count` picks or when no candidate adds a home. No heap, no stale bounds: it
 * must pick exactly what the lazy greedy picks.
 * Cost: count × C circle queries (the lazy greedy needs ~C + a few per pick).
 */
import { createPointGridIndex, type MaxCoverInstance, type MaxCoverResult } from '../../src/core/index.ts';

export function plainGreedyMaxCover(inst: MaxCoverInstance, count: number): MaxCoverResult {
  const index = createPointGridIndex(inst.lon, inst.lat);
  const covered = new Uint8Array(inst.lon.length);
  const chosen = new Uint8Array(inst.candLon.length);
  const result: MaxCoverResult = { picks: [], totalWeight: 0, totalPoints: 0 };
  while (result.picks.length < count) {
    let best = -1, bestW = 0, bestP = 0;
    for (let j = 0; j < inst.candLon.length; j++) {
      if (chosen[j] === 1) continue;
      let w = 0, p = 0;
      for (const k of index.withinM(inst.candLon[j]!, inst.candLat[j]!, inst.radiusM)) {
        if (covered[k] === 0) { w += inst.weight[k]!; p++; }
      }
      if (best < 0 || w > bestW || (w === bestW && p > bestP)) { best = j; bestW = w; bestP = p; }
    }
    if (best < 0 || (bestW === 0 && bestP === 0)) break;
    chosen[best] = 1;
    for (const k of index.withinM(inst.candLon[best]!, inst.candLat[best]!, inst.radiusM)) covered[k] = 1;
    result.picks.push({ candidate: best, weight: bestW, points: bestP });
    result.totalWeight += bestW;
    result.totalPoints += bestP;
  }
  return result;
}

/**
 * The homes a site suggestion works on: the households uncovered today (class in `uncovered`,
 * as in `createImpactTracker`) less those a fixed proposal already covers — over circles, the
 * homes within the proposal's `radiusM` haversine metres; with a coverage `model`, the homes
 * within `model.reachM(proposal)` for which `model.covers(proposal, lon, lat)` holds (the model
 * never covers beyond its reach).
 * Returns their indices into `households` (ascending) and flat arrays of their position and
 * students, in that order, with the students' sum.
 * Cost: O(n) + with fixed proposals an index build and one query per proposal (times one
 * `covers` call per home in reach with a model).
 */
import type { CoverageModel } from '../model/proposal.ts';
import type { AttendanceClass, Household, Site } from '../model/types.ts';
import { createPointGridIndex } from '../coverage/create-point-grid-index.ts';

export interface HomesToCover {
  /** Indices into the households given, ascending. */
  indices: number[];
  lon: Float64Array;
  lat: Float64Array;
  /** Students of each home. */
  weight: Float64Array;
  /** Σ weight. */
  students: number;
}

export function homesToCover(
  households: readonly Household[], uncovered: readonly AttendanceClass[], fixed: readonly Site[],
  model?: CoverageModel & { reachM(site: Site): number },
): HomesToCover {
  const isUncovered = new Set(uncovered);
  const all: number[] = [];
  households.forEach((h, i) => { if (isUncovered.has(h.cls)) all.push(i); });
  const removed = new Uint8Array(all.length);
  if (fixed.length > 0 && all.length > 0) {
    const aLon = Float64Array.from(all, (i) => households[i]!.lon), aLat = Float64Array.from(all, (i) => households[i]!.lat);
    const index = createPointGridIndex(aLon, aLat);
    for (const s of fixed) {
      if (model) {
        index.forEachWithinM(s.lon, s.lat, model.reachM(s), (k) => {
          if (removed[k] === 0 && model.covers(s, aLon[k]!, aLat[k]!)) removed[k] = 1;
        });
      } else {
        index.forEachWithinM(s.lon, s.lat, s.radiusM, (k) => { removed[k] = 1; });
      }
    }
  }
  const indices = all.filter((_, k) => removed[k] === 0);
  const n = indices.length;
  const lon = new Float64Array(n), lat = new Float64Array(n), weight = new Float64Array(n);
  let students = 0;
  indices.forEach((i, k) => {
    const h = households[i]!;
    lon[k] = h.lon; lat[k] = h.lat; weight[k] = h.students; students += h.students;
  });
  return { indices, lon, lat, weight, students };
}

/**
 * The homes a site suggestion works on: the households uncovered today (class in `uncovered`,
 * as in `createImpactTracker`) less those a fixed proposal already covers — over circles, the
 * homes within the proposal's `radiusM` haversine metres; with a coverage `model`, the homes
 * within `model.reachM(proposal)` for which `model.covers(proposal, lon, lat)` holds (the model
 * never covers beyond its reach).
 * Returns their indices into `households` (ascending) and flat arrays of their position and
 * students, in that order, with the students' sum. The households come as an array or as a
 * `HouseholdTable`; the columns are read either way (`asHouseholdTable`), the answer is the same.
 * Cost: O(n) over the `cls` column + with fixed proposals an index build and one query per
 * proposal (times one `covers` call per home in reach with a model). Measured (Node 20, 2 shared
 * cores at load ~3, min–median of 7; 959,825 homes, 77,928 none/poor): 7–12 ms without fixed
 * proposals, 15–22 ms with 3 fixed 3 km circles (45–54 and 84–96 ms reading the objects before
 * issue 9's columns).
 */
import type { CoverageModel } from '../model/proposal.ts';
import type { HouseholdTable } from '../model/household-table.ts';
import { homesOfClasses } from './homes-of-classes.ts';
import type { AttendanceClass, Household, Site } from '../model/types.ts';
import { asHouseholdTable } from '../io/household-table-of.ts';
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
  households: readonly Household[] | HouseholdTable, uncovered: readonly AttendanceClass[], fixed: readonly Site[],
  model?: CoverageModel & { reachM(site: Site): number },
): HomesToCover {
  const table = asHouseholdTable(households);
  const { index: all, lon: aLon, lat: aLat } = homesOfClasses(table, uncovered);
  const u = all.length;
  const removed = new Uint8Array(u);
  let left = u;
  if (fixed.length > 0 && u > 0) {
    const index = createPointGridIndex(aLon, aLat);
    for (const s of fixed) {
      if (model) {
        index.forEachWithinM(s.lon, s.lat, model.reachM(s), (k) => {
          if (removed[k] === 0 && model.covers(s, aLon[k]!, aLat[k]!)) { removed[k] = 1; left--; }
        });
      } else {
        index.forEachWithinM(s.lon, s.lat, s.radiusM, (k) => { if (removed[k] === 0) { removed[k] = 1; left--; } });
      }
    }
  }
  const indices: number[] = new Array(left);
  const lon = new Float64Array(left), lat = new Float64Array(left), weight = new Float64Array(left);
  let students = 0;
  for (let k = 0, j = 0; k < u; k++) {
    if (removed[k] === 1) continue;
    const i = all[k]!;
    indices[j] = i; lon[j] = aLon[k]!; lat[j] = aLat[k]!; weight[j] = table.students[i]!; students += table.students[i]!;
    j++;
  }
  return { indices, lon, lat, weight, students };
}

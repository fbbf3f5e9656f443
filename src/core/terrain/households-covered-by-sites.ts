/**
 * For each of several sites (each with its own radio fields), the households of some classes that
 * a coverage model says the site covers — what the app's worker hands back for each proposal so
 * the live impact counts can use terrain coverage (issue 8 §3) without the DEM on the main thread.
 *
 * Rule: household i is in site s's list when its class is in `classes`, it lies within
 * `model.reachM(s)` haversine metres of the site (grid index) and `model.covers(s, lon, lat)`.
 * Lists hold indices into `households`, ascending.
 * `createHouseholdsCoverage` builds the index of the chosen households once (keep it while the
 * households and classes stay the same); `coveredBy(site)` answers one site.
 * Cost: index build O(households); per site O(homes within reach) × `covers` (terrain model: one
 * profile and Deygout each, ≈ 150 DEM look-ups at 11.5 km on a 3″ DEM).
 */
import type { CoverageModel } from '../model/proposal.ts';
import type { AttendanceClass, Household, Site } from '../model/types.ts';
import { createPointGridIndex } from '../coverage/create-point-grid-index.ts';

export interface HouseholdsCoverage {
  /** Household indices (ascending) of the chosen classes that `site` covers. */
  coveredBy(site: Site): Int32Array;
}

export function createHouseholdsCoverage(
  households: readonly Pick<Household, 'lon' | 'lat' | 'cls'>[],
  classes: readonly AttendanceClass[],
  model: CoverageModel & { reachM(site: Site): number },
): HouseholdsCoverage {
  const chosen = new Set(classes);
  const idx: number[] = [];
  households.forEach((h, i) => { if (chosen.has(h.cls)) idx.push(i); });
  const lon = Float64Array.from(idx, (i) => households[i]!.lon);
  const lat = Float64Array.from(idx, (i) => households[i]!.lat);
  const index = createPointGridIndex(lon, lat);
  return {
    coveredBy(site) {
      const found: number[] = [];
      for (const k of index.withinM(site.lon, site.lat, model.reachM(site))) {
        if (model.covers(site, lon[k]!, lat[k]!)) found.push(idx[k]!);
      }
      return Int32Array.from(found);
    },
  };
}

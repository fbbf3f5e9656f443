/**
 * Households with no usable report (`unknown`) that no existing site is predicted to cover
 * (issue 8 §3): a flag to show and count separately, never a class — the reported classes are
 * left as they are.
 *
 * Rule: a home is predicted covered when at least one site covers it by the model (`covers`,
 * e.g. `terrainCoverageModel(dem)`); only sites within `reachM(site)` (haversine) are asked, found
 * through a grid index of the unknown homes (so the cost does not grow with homes × sites).
 * With no sites every unknown home is flagged: callers should not ask without a site list.
 * Returns the flagged homes' indices (into `households`, ascending) and their student total.
 * Cost: index build O(unknown homes) + one `covers` per (site, unknown home within its reach),
 * each O(profile samples) for the terrain model (~150 DEM look-ups at 11.5 km, 3″).
 */
import type { Household, Site } from '../model/types.ts';
import type { CoverageModel } from '../model/proposal.ts';
import { createPointGridIndex } from '../coverage/create-point-grid-index.ts';

export interface UnreportedUncovered {
  /** Indices into the households given, ascending. */
  indices: number[];
  students: number;
  /** Homes without a usable report (`unknown`), flagged or not. */
  unknownHouseholds: number;
}

export function predictUnreportedUncovered(
  households: readonly Pick<Household, 'lon' | 'lat' | 'cls' | 'students'>[],
  sites: readonly Site[],
  model: CoverageModel & { reachM(site: Site): number },
): UnreportedUncovered {
  const unknown: number[] = [];
  households.forEach((h, i) => { if (h.cls === 'unknown') unknown.push(i); });
  const lon = Float64Array.from(unknown, (i) => households[i]!.lon);
  const lat = Float64Array.from(unknown, (i) => households[i]!.lat);
  const covered = new Uint8Array(unknown.length);
  if (unknown.length > 0) {
    const index = createPointGridIndex(lon, lat);
    for (const site of sites) {
      index.forEachWithinM(site.lon, site.lat, model.reachM(site), (k) => {
        if (covered[k] === 0 && model.covers(site, lon[k]!, lat[k]!)) covered[k] = 1;
      });
    }
  }
  const indices = unknown.filter((_, k) => covered[k] === 0);
  return { indices, students: indices.reduce((s, i) => s + households[i]!.students, 0), unknownHouseholds: unknown.length };
}

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
 * The households come as an array or as a `HouseholdTable`; the columns are read either way
 * (`asHouseholdTable`), the answer is the same.
 * Cost: O(n) over the `cls` column + index build O(unknown homes) + one `covers` per (site,
 * unknown home within its reach), each O(profile samples) for the terrain model (~150 DEM
 * look-ups at 11.5 km, 3″). At 959,825 homes (48,477 unknown), the selection, the index and 3
 * sites with a trivial model: ~14 ms (Node 20, shared cores; ~80 ms reading objects before
 * issue 9's columns).
 */
import type { HouseholdTable } from '../model/household-table.ts';
import { homesOfClasses } from '../analysis/homes-of-classes.ts';
import type { CoverageModel } from '../model/proposal.ts';
import type { Household, Site } from '../model/types.ts';
import { asHouseholdTable } from '../io/household-table-of.ts';
import { createPointGridIndex } from '../coverage/create-point-grid-index.ts';

export interface UnreportedUncovered {
  /** Indices into the households given, ascending. */
  indices: number[];
  students: number;
  /** Homes without a usable report (`unknown`), flagged or not. */
  unknownHouseholds: number;
}

export function predictUnreportedUncovered(
  households: readonly Household[] | HouseholdTable,
  sites: readonly Site[],
  model: CoverageModel & { reachM(site: Site): number },
): UnreportedUncovered {
  const table = asHouseholdTable(households);
  const { index: unknown, lon, lat } = homesOfClasses(table, ['unknown']);
  const u = unknown.length;
  const covered = new Uint8Array(u);
  if (u > 0) {
    const index = createPointGridIndex(lon, lat);
    for (const site of sites) {
      index.forEachWithinM(site.lon, site.lat, model.reachM(site), (k) => {
        if (covered[k] === 0 && model.covers(site, lon[k]!, lat[k]!)) covered[k] = 1;
      });
    }
  }
  const indices: number[] = [];
  let students = 0;
  for (let k = 0; k < u; k++) {
    if (covered[k] === 1) continue;
    indices.push(unknown[k]!);
    students += table.students[unknown[k]!]!;
  }
  return { indices, students, unknownHouseholds: u };
}

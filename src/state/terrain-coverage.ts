/**
 * Reading the worker's terrain coverage from the store: which proposal's answer is which, whether
 * terrain counts now, and the positions an answer covers (for the impact tracker's model).
 * A proposal's answer is found by its key (position and radio fields); while the worker computes
 * the answer for a new key (a site just dropped or edited), the last answer for the same site id
 * stands in — "the last exact result" — so the numbers and the map do not flicker to zero.
 */
import { positionKey, type HouseholdTable, type Site } from '../core/index.ts';
import type { TerrainSiteCoverage } from '../worker/protocol.ts';
import type { AppState, TerrainSlice } from './store.ts';

/** What a site's terrain coverage depends on: its position and radio fields. */
export const terrainSiteKey = (site: Pick<Site, 'lon' | 'lat' | 'antennaHeightM' | 'bandMHz' | 'eirpDbm'>): string =>
  `${site.lon},${site.lat},${site.antennaHeightM},${site.bandMHz},${site.eirpDbm}`;

/** Terrain counts when a DEM is loaded and the user has not switched back to circles. */
export const selectTerrainActive = (state: AppState): boolean => state.terrain.dem !== null && state.terrain.model === 'terrain';

/** The answer for this site: exact (its key), else the last one for its id (stale), else undefined. */
export function siteTerrainCoverage(
  coverage: TerrainSlice['coverage'], site: Site,
): { entry: TerrainSiteCoverage; exact: boolean } | undefined {
  const exact = coverage[terrainSiteKey(site)];
  if (exact) return { entry: exact, exact: true };
  for (const entry of Object.values(coverage)) if (entry.siteId === site.id) return { entry, exact: false };
  return undefined;
}

const positions = new WeakMap<TerrainSiteCoverage, Set<string>>();

/** The positions (`positionKey`) of the households an answer covers (built once per answer). */
export function coveredPositions(entry: TerrainSiteCoverage, households: HouseholdTable): Set<string> {
  let set = positions.get(entry);
  if (!set) {
    set = new Set();
    for (const i of entry.covered) if (i < households.count) set.add(positionKey(households.lon[i]!, households.lat[i]!));
    positions.set(entry, set);
  }
  return set;
}

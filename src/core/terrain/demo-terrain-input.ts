/**
 * What the synthetic demo terrain is built around, read from a household dataset and its existing
 * sites (the demo's own files, as the app and the CLI load them): the villages to hide behind
 * ridges ("shadowed": their reports say there is no signal) and the villages that should see a
 * site ("open": all the others).
 *
 * Rules:
 * - Homes are grouped by (township, village) name; homes without a village name by 0.02° squares
 *   (≈ 2 km) of their own township.
 * - A group is shadowed when at least `minKnownHomes` of its homes have a known class and at
 *   least `shadowedNoneShare` of those are `none`. On the demo that is exactly the story's dead
 *   villages (their reports are near −140 dBm, far below any sensible threshold, so editing the
 *   thresholds does not change the set).
 * - A group's centre is the mean of its homes; its radius the farthest home from the centre,
 *   at most `maxRadiusM` (a stray home farther away is left to chance).
 * - Groups are returned sorted by key, so the same homes in any order give the same input.
 * Cost: O(homes log homes); the demo's ~5,900 homes: ~5 ms.
 */
import type { Household, Site } from '../model/types.ts';
import { haversineLonLatM } from '../analysis/haversine-lon-lat-m.ts';

export interface DemoTerrainPlace {
  lon: number;
  lat: number;
  /** Distance from the centre to the farthest home, metres. */
  radiusM: number;
  /** "township village", for messages and tests. */
  name: string;
}

export interface DemoTerrainSite {
  lon: number;
  lat: number;
  /** Antenna height above the ground, metres (30 when absent). */
  antennaHeightM?: number;
}

export interface DemoTerrainInput {
  sites: readonly DemoTerrainSite[];
  /** Villages to put in valleys behind ridges, as seen from every site. */
  shadowed: readonly DemoTerrainPlace[];
  /** Villages that must see their nearest site. */
  open: readonly DemoTerrainPlace[];
  /** PRNG seed (default: the demo's, `DEMO_DEFAULT_SEED`). */
  seed?: number;
  /** [west, south, east, north], degrees (default: every site and place, plus a margin). */
  bounds?: readonly [number, number, number, number];
}

export const DEMO_TERRAIN_INPUT_RULES = Object.freeze({
  minKnownHomes: 3,
  shadowedNoneShare: 0.6,
  maxRadiusM: 2_500,
  /** Size of the squares homes without a village name are grouped by, degrees. */
  unnamedCellDeg: 0.02,
});

type HomeLike = Pick<Household, 'lon' | 'lat' | 'cls' | 'township' | 'village'>;

export function demoTerrainInput(
  households: readonly HomeLike[],
  sites: readonly Pick<Site, 'lon' | 'lat' | 'antennaHeightM'>[],
  seed?: number,
): DemoTerrainInput {
  const r = DEMO_TERRAIN_INPUT_RULES;
  const groups = new Map<string, HomeLike[]>();
  for (const h of households) {
    if (!Number.isFinite(h.lon) || !Number.isFinite(h.lat)) continue;
    const key = h.village
      ? `${h.township ?? ''} ${h.village}`
      : `${h.township ?? ''} (${Math.floor(h.lon / r.unnamedCellDeg)},${Math.floor(h.lat / r.unnamedCellDeg)})`;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(h);
  }
  const shadowed: DemoTerrainPlace[] = [];
  const open: DemoTerrainPlace[] = [];
  for (const key of [...groups.keys()].sort()) {
    // Sorted, so the sums (and the centre to the last bit) do not depend on the input order.
    const homes = groups.get(key)!.sort((a, b) => a.lon - b.lon || a.lat - b.lat);
    const lon = homes.reduce((s, h) => s + h.lon, 0) / homes.length;
    const lat = homes.reduce((s, h) => s + h.lat, 0) / homes.length;
    const radiusM = Math.min(r.maxRadiusM, Math.max(0, ...homes.map((h) => haversineLonLatM(lon, lat, h.lon, h.lat))));
    const known = homes.filter((h) => h.cls !== 'unknown').length;
    const none = homes.filter((h) => h.cls === 'none').length;
    const place = { lon, lat, radiusM, name: key.trim() };
    if (known >= r.minKnownHomes && none >= r.shadowedNoneShare * known) shadowed.push(place);
    else open.push(place);
  }
  return {
    sites: sites.map((s) => ({ lon: s.lon, lat: s.lat, antennaHeightM: s.antennaHeightM })),
    shadowed, open, ...(seed !== undefined ? { seed } : {}),
  };
}

/**
 * Haversine metres from a `[lon, lat]` point to the nearest of the given sites; null when there
 * are none. The caller chooses which sites count (the analysis passes the existing ones it got).
 * Limits: straight-line distance on a sphere (see `haversineM`), not road or radio distance.
 * Cost: O(sites) per call — a linear scan, fine for the hundreds of sites of a county; index the
 * sites first if this is ever called for thousands of points against thousands of sites.
 */
import type { Site } from '../model/types.ts';
import { haversineM } from './haversine-m.ts';

export function nearestSiteM(from: readonly [number, number], sites: readonly Site[]): number | null {
  let best: number | null = null;
  for (const site of sites) {
    const d = haversineM(from, [site.lon, site.lat]);
    if (best === null || d < best) best = d;
  }
  return best;
}

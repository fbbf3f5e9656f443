/**
 * The radius coverage model (issue 4): a site covers a household when the haversine distance
 * (sphere of 6,371,008.8 m) from the site to the household is at most `site.radiusM` — a home
 * exactly at the radius is covered. The outline is a geodesic circle of that radius (Turf
 * `circle`, 64 steps, exterior ring counter-clockwise per RFC 7946); it is only a picture of the
 * rule (its chords lie up to ~0.12 % of the radius inside the true circle).
 * Limits: ignores terrain, buildings and capacity. Cost: `covers` O(1); `outline` O(64).
 */
import { circle } from '@turf/circle';
import { rewind } from '@turf/rewind';
import type { Polygon } from 'geojson';
import type { CoverageModel } from '../model/proposal.ts';
import type { Site } from '../model/types.ts';
import { haversineLonLatM } from '../analysis/haversine-lon-lat-m.ts';

export const RADIUS_OUTLINE_STEPS = 64;

export const radiusCoverageModel: CoverageModel = Object.freeze({
  id: 'radius',
  covers(site: Site, lon: number, lat: number): boolean {
    return haversineLonLatM(site.lon, site.lat, lon, lat) <= site.radiusM;
  },
  outline(site: Site): Polygon {
    const c = circle([site.lon, site.lat], site.radiusM / 1000, { steps: RADIUS_OUTLINE_STEPS, units: 'kilometers' });
    return rewind(c.geometry, { reverse: false }) as Polygon;
  },
});

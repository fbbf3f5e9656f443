/**
 * A coverage model answered from coverage computed elsewhere — the app's worker predicts each
 * proposal's terrain coverage (it holds the DEM) and the main thread counts with the answer.
 *
 * Rule: `covers(site, lon, lat)` is true when `coveredPositions(site)` holds the position's key
 * (`positionKey(lon, lat)`: the exact numbers, so a home is found by its own coordinates); a site
 * whose coverage is not known (undefined) covers nothing. Callers that prefilter by distance
 * (the impact tracker) must give each site a `radiusM` at least as large as what it can cover
 * (the terrain model's reach). `outline` is `outlineOf(site)` when given and known, else the
 * circle of `radiusM` (a picture only).
 * Cost: `covers` one Set look-up (plus building the key string).
 */
import type { Polygon } from 'geojson';
import type { CoverageModel } from '../model/proposal.ts';
import type { Site } from '../model/types.ts';
import { radiusCoverageModel } from './radius-coverage-model.ts';

export const positionKey = (lon: number, lat: number): string => `${lon},${lat}`;

export function precomputedCoverageModel(
  id: string,
  coveredPositions: (site: Site) => ReadonlySet<string> | undefined,
  outlineOf?: (site: Site) => Polygon | undefined,
): CoverageModel {
  return {
    id,
    covers: (site, lon, lat) => coveredPositions(site)?.has(positionKey(lon, lat)) ?? false,
    outline: (site): Polygon => outlineOf?.(site) ?? radiusCoverageModel.outline(site),
  };
}

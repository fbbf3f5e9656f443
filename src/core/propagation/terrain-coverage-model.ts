/**
 * The terrain-aware coverage model (issue 8): a site covers a household when the predicted RSRP
 * there (`predictRsrp`: Okumura–Hata + Deygout diffraction over the DEM profile, k = 4/3,
 * receiver 1.5 m) is at least the threshold (−105 dBm by default, the `fair` edge of the
 * attendance classes) and the household is within the site's reach — the Hata range without
 * terrain at that threshold (`hataRangeKm`); `covers` is false beyond it.
 *
 * Callers that prefilter with a haversine search (the impact tracker, suggestions) must search
 * `reachM(site)` metres around the site (set the site's `radiusM` to it): the model never covers
 * anything farther. Without a DEM (`dem` null) the model is exactly the circle of the Hata range:
 * `covers` is haversine ≤ reachM(site), `outline` the geodesic circle of that radius (64 steps,
 * as the radius model draws it). With a DEM, `outline` is drawn from the site's coverage raster
 * (`coverageRaster` + `coverageOutline`): the largest part by area, since a `CoverageModel`
 * outline is one Polygon; `outlineGeometry` gives every part (Polygon or MultiPolygon). The
 * outline is only a picture: the raster's radial sweep approximates the exact `covers` (agreement
 * measured in the tests and the bench). Rasters are cached per site position and radio fields
 * (the last `cacheSize`, default 16).
 * Cost: `covers` O(profile samples) (one terrain profile and Deygout, ≈ 145 samples at 11.5 km on
 * a 3″ DEM); `reachM` O(60); `outline` one raster (see `coverageRaster`) unless cached.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { Dem } from '../model/dem.ts';
import type { CoverageModel } from '../model/proposal.ts';
import type { Site } from '../model/types.ts';
import { haversineLonLatM } from '../analysis/haversine-lon-lat-m.ts';
import { radiusCoverageModel } from '../coverage/radius-coverage-model.ts';
import { PROPAGATION_DEFAULTS } from './propagation-defaults.ts';
import { hataRangeKm, predictRsrp, resolveRadio, type PropagationOptions, type RadioSite, type RsrpPrediction } from './predict-rsrp.ts';
import { coverageRaster, type CoverageRaster } from './coverage-raster.ts';
import { coverageOutline } from './coverage-outline.ts';
import { largestPolygon } from './largest-polygon.ts';

export interface TerrainCoverageOptions extends PropagationOptions {
  /** Covered at or above this RSRP, dBm. Default −105. */
  thresholdDbm?: number;
  /** Radials of the coverage raster. Default 720. */
  radials?: number;
  /** Rasters kept. Default 16. */
  cacheSize?: number;
}

export interface TerrainCoverageModel extends CoverageModel {
  readonly id: 'terrain';
  readonly dem: Dem | null;
  readonly thresholdDbm: number;
  /** The farthest the site can cover: the Hata range at the threshold, m. The prefilter radius. */
  reachM(site: Omit<RadioSite, 'lon' | 'lat'>): number;
  covers(site: RadioSite, lon: number, lat: number): boolean;
  /** The full prediction at a point (RSRP, losses, profile, main obstacle): for a profile view. */
  predict(site: RadioSite, lon: number, lat: number): RsrpPrediction;
  /** The site's coverage raster (cached). */
  raster(site: RadioSite): CoverageRaster;
  outline(site: RadioSite): Polygon;
  /** Every covered part: Polygon or MultiPolygon (empty MultiPolygon when nothing is covered). */
  outlineGeometry(site: RadioSite): Polygon | MultiPolygon;
}

export function terrainCoverageModel(dem: Dem | null, options: TerrainCoverageOptions = {}): TerrainCoverageModel {
  const thresholdDbm = options.thresholdDbm ?? PROPAGATION_DEFAULTS.thresholdDbm;
  const environment = options.environment ?? PROPAGATION_DEFAULTS.environment;
  const propagation: PropagationOptions = { environment, channelMHz: options.channelMHz, receiverHeightM: options.receiverHeightM };
  const cacheSize = Math.max(1, options.cacheSize ?? 16);
  const cache = new Map<string, CoverageRaster>();

  const reachM = (site: Omit<RadioSite, 'lon' | 'lat'>): number =>
    1000 * hataRangeKm(site, thresholdDbm, environment, { channelMHz: options.channelMHz, receiverHeightM: options.receiverHeightM });

  const raster = (site: RadioSite): CoverageRaster => {
    const r = resolveRadio(site);
    const key = `${site.lon},${site.lat},${r.antennaHeightM},${r.bandMHz},${r.eirpDbm}`;
    let out = cache.get(key);
    if (out) { cache.delete(key); cache.set(key, out); return out; }
    out = coverageRaster(site, dem, { ...propagation, thresholdDbm, radials: options.radials });
    cache.set(key, out);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
    return out;
  };

  const circle = (site: RadioSite): Polygon =>
    radiusCoverageModel.outline({ ...(site as Site), lon: site.lon, lat: site.lat, radiusM: reachM(site) });

  const outlineGeometry = (site: RadioSite): Polygon | MultiPolygon =>
    dem === null ? circle(site) : coverageOutline(raster(site), thresholdDbm);

  return {
    id: 'terrain',
    dem,
    thresholdDbm,
    reachM,
    covers(site, lon, lat) {
      if (!(haversineLonLatM(site.lon, site.lat, lon, lat) <= reachM(site))) return false;
      return dem === null || predictRsrp(site, lon, lat, dem, propagation).rsrpDbm >= thresholdDbm;
    },
    predict: (site, lon, lat) => predictRsrp(site, lon, lat, dem, propagation),
    raster,
    outlineGeometry,
    outline: (site) => largestPolygon(outlineGeometry(site)),
  };
}

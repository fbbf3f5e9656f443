/**
 * The predicted RSRP (dBm) of the raster cell that contains a point: a look-up, for candidate
 * coverage sets over many households once a site's raster exists (the rule itself is the model's
 * `covers`; the raster agrees with it on most cells, see `coverageRaster`). NaN outside the grid
 * and beyond the reach. A point on a cell edge belongs to the cell east / south of it. Cost: O(1).
 */
import type { CoverageRaster } from './coverage-raster.ts';

export function sampleCoverageRaster(
  raster: Pick<CoverageRaster, 'rsrpDbm' | 'width' | 'height' | 'bounds' | 'cellSizeDeg'>, lon: number, lat: number,
): number {
  const i = Math.floor((lon - raster.bounds[0]) / raster.cellSizeDeg[0]);
  const j = Math.floor((raster.bounds[3] - lat) / raster.cellSizeDeg[1]);
  if (!(i >= 0 && j >= 0 && i < raster.width && j < raster.height)) return NaN;
  return raster.rsrpDbm[j * raster.width + i]!;
}

/**
 * The terrain coverage map as one picture: the proposals' RSRP rasters laid on one grid (each
 * cell the strongest site's RSRP, "best server"), coloured by `RSRP_BANDS` (transparent below the
 * threshold and outside every raster), as RGBA pixels with the lon/lat bounds of the picture.
 *
 * Rasters over the same DEM share its cell size and grid alignment, so each lands on whole cells
 * of the union grid (offsets rounded); rasters with another cell size are resampled by nearest
 * cell. Pictures larger than `maxPixels` (default 4 M) are drawn at a whole-number coarser step.
 * Limits: MapLibre stretches the picture linearly in Web Mercator between its corners while the
 * cells are linear in latitude: over a 25 km picture at 30° N the mismatch is under 0.2 % of its
 * height (≈ 40 m, half a 3″ cell) — at most one cell.
 * Cost: O(picture pixels + Σ raster cells).
 */
import type { CoverageRaster } from '../core/index.ts';
import { RSRP_BANDS } from './palette.ts';

export type RasterLike = Pick<CoverageRaster, 'rsrpDbm' | 'width' | 'height' | 'bounds' | 'cellSizeDeg'>;

export interface CoverageImage {
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
  /** [west, south, east, north], degrees. */
  bounds: [number, number, number, number];
}

const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
const BANDS = RSRP_BANDS.map(([db, hex]) => [db, ...rgb(hex)] as const);

export function composeCoverageImage(rasters: readonly RasterLike[], thresholdDbm: number, maxPixels = 4_000_000): CoverageImage | null {
  if (rasters.length === 0) return null;
  let [west, south, east, north] = rasters[0]!.bounds;
  for (const r of rasters) {
    west = Math.min(west, r.bounds[0]); south = Math.min(south, r.bounds[1]);
    east = Math.max(east, r.bounds[2]); north = Math.max(north, r.bounds[3]);
  }
  const [cx0, cy0] = rasters[0]!.cellSizeDeg;
  const full = Math.round((east - west) / cx0) * Math.round((north - south) / cy0);
  const step = Math.max(1, Math.ceil(Math.sqrt(full / maxPixels)));
  const cx = cx0 * step, cy = cy0 * step;
  // Whole cells covering every raster (the tolerance absorbs rounding in the bounds).
  const width = Math.max(1, Math.ceil((east - west) / cx - 1e-6)), height = Math.max(1, Math.ceil((north - south) / cy - 1e-6));
  const best = new Float32Array(width * height).fill(-Infinity);
  for (const r of rasters) {
    const [rcx, rcy] = r.cellSizeDeg;
    // Only the picture cells over this raster; each takes the raster cell under its centre.
    const row0 = Math.max(0, Math.floor((north - r.bounds[3]) / cy)), row1 = Math.min(height, Math.ceil((north - r.bounds[1]) / cy));
    const col0 = Math.max(0, Math.floor((r.bounds[0] - west) / cx)), col1 = Math.min(width, Math.ceil((r.bounds[2] - west) / cx));
    for (let row = row0; row < row1; row++) {
      const j = Math.floor((r.bounds[3] - (north - (row + 0.5) * cy)) / rcy);
      if (j < 0 || j >= r.height) continue;
      for (let col = col0; col < col1; col++) {
        const i = Math.floor((west + (col + 0.5) * cx - r.bounds[0]) / rcx);
        if (i < 0 || i >= r.width) continue;
        const v = r.rsrpDbm[j * r.width + i]!;
        const c = row * width + col;
        if (v > best[c]!) best[c] = v;
      }
    }
  }
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let c = 0; c < best.length; c++) {
    const above = best[c]! - thresholdDbm;
    if (!(above >= 0)) continue;
    const band = BANDS.find(([db]) => above >= db)!;
    rgba[4 * c] = band[1]; rgba[4 * c + 1] = band[2]; rgba[4 * c + 2] = band[3]; rgba[4 * c + 3] = 255;
  }
  return { rgba, width, height, bounds: [west, north - height * cy, west + width * cx, north] };
}

/**
 * The DEM's resolution in metres at a latitude: the smaller of its two cell sides,
 * min(Δlon·cos φ, Δlat) · π/180 · 6,371,008.8 m (sphere). A profile or radial sampled at this
 * step (or finer) visits every DEM cell it crosses at least once. At 30°N a 3″ cell is ≈ 80 m
 * (east–west) × 93 m (north–south), so the step is ≈ 80 m. Limits: cos φ is floored at 1e-6 near
 * the poles; a non-positive or non-finite cell size gives NaN. Cost: O(1).
 */
import type { Dem } from '../model/dem.ts';
import { EARTH_RADIUS_M } from '../analysis/haversine-lon-lat-m.ts';

const RAD = Math.PI / 180;

export function demStepM(dem: Pick<Dem, 'cellSizeDeg'>, latDeg: number): number {
  const [dLon, dLat] = dem.cellSizeDeg;
  if (!(dLon > 0 && dLat > 0 && Number.isFinite(dLon) && Number.isFinite(dLat))) return NaN;
  return Math.min(dLon * Math.max(1e-6, Math.cos(latDeg * RAD)), dLat) * RAD * EARTH_RADIUS_M;
}

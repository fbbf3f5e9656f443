/**
 * Default coverage radius of a rural macro site from its band and antenna height, in metres.
 *
 * Table (30 m antenna, rural terrain, outdoor-to-handset 4G at the cell edge): 700 MHz 8 km,
 * 800/850 MHz 7 km, 900 MHz 6 km, 1800 MHz 3 km, 2100 MHz 2 km, 2300/2600 MHz 2 km, 3500 MHz
 * 1.2 km. Between listed bands the radius of the nearest band not above it is used (below 700:
 * 700's; above 3500: 3500's). Height: radius × (antennaHeightM / 30)^0.5, clamped to 10…100 m of
 * height (a square-root rule: Hata-type models give range ∝ h^(≈0.4…0.6) in the far field).
 *
 * Source: rule of thumb only — ranges of the order operators and vendor link budgets quote for
 * rural LTE macro cells (a low band reaches several times farther than 1800 MHz, 2.1/2.6 GHz
 * about 2 km). Not a link budget, not terrain-aware: in Chongqing's hills real cells are often
 * smaller. Every site's radius is editable; this is only the starting value.
 * Result rounded to whole 100 m. Cost: O(1).
 */

/** [band MHz, radius m at 30 m height], ascending by band. */
export const DEFAULT_RADIUS_TABLE_M: readonly (readonly [number, number])[] = Object.freeze([
  [700, 8000], [800, 7000], [850, 7000], [900, 6000], [1800, 3000], [2100, 2000], [2300, 2000],
  [2600, 2000], [3500, 1200],
] as const);

export const REFERENCE_ANTENNA_HEIGHT_M = 30;

export function defaultRadiusM(bandMHz: number, antennaHeightM: number = REFERENCE_ANTENNA_HEIGHT_M): number {
  let radiusM = DEFAULT_RADIUS_TABLE_M[0]![1];
  for (const [band, r] of DEFAULT_RADIUS_TABLE_M) if (bandMHz >= band) radiusM = r;
  const h = Number.isFinite(antennaHeightM) ? Math.min(100, Math.max(10, antennaHeightM)) : REFERENCE_ANTENNA_HEIGHT_M;
  return Math.round((radiusM * Math.sqrt(h / REFERENCE_ANTENNA_HEIGHT_M)) / 100) * 100;
}

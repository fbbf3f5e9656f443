/**
 * Defaults of the terrain-aware propagation model (issue 8), in one object. Every field is
 * editable: band, EIRP and antenna height per site (`Site` fields), the rest per model.
 *
 * - Band 900 MHz, EIRP 58 dBm over the whole channel, antenna 30 m above the ground at the site:
 *   a typical rural macro site (issue 8).
 * - Channel 10 MHz → N_RB = 50 resource blocks (3GPP TS 36.101 Table 5.6-1).
 * - Environment "open" (rural) for Okumura–Hata; receiver (handset) 1.5 m above the ground, the
 *   height Hata's measurements were made at.
 * - Coverage threshold −105 dBm: the `fair` edge of the attendance classes (`DEFAULT_THRESHOLDS.
 *   rsrpPoorBelowDbm`: at or above it a household is at least `fair`), the same setting.
 * - Effective Earth radius factor k = 4/3 (standard atmosphere, ITU-R P.453 / P.526 §2) on the
 *   mean radius 6,371,008.8 m (the radius every distance in Blindspot uses).
 * - Reach cap 100 km: the Hata range is searched up to this distance (Hata is only valid to 20 km;
 *   beyond, it is an extrapolation with a warning).
 */
import { DEFAULT_THRESHOLDS } from '../model/thresholds.ts';
import { EARTH_RADIUS_M } from '../analysis/haversine-lon-lat-m.ts';
import type { HataEnvironment } from './okumura-hata.ts';

export const PROPAGATION_DEFAULTS = Object.freeze({
  bandMHz: 900,
  channelMHz: 10,
  eirpDbm: 58,
  antennaHeightM: 30,
  environment: 'open' as HataEnvironment,
  receiverHeightM: 1.5,
  thresholdDbm: DEFAULT_THRESHOLDS.rsrpPoorBelowDbm,
  kFactor: 4 / 3,
  maxReachKm: 100,
});

/** Effective Earth radius for k = 4/3, metres (≈ 8,494,678 m). */
export const EFFECTIVE_EARTH_RADIUS_M = PROPAGATION_DEFAULTS.kFactor * EARTH_RADIUS_M;

/** Speed of light in vacuum, m/s (exact, SI). */
export const SPEED_OF_LIGHT_M_PER_S = 299_792_458;

/** Wavelength in metres of a carrier of `frequencyMHz`: λ = c / f. */
export function wavelengthM(frequencyMHz: number): number {
  return SPEED_OF_LIGHT_M_PER_S / (frequencyMHz * 1e6);
}

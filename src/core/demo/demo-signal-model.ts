/**
 * The demo's signal story: the LTE RSRP a home would see from a synthetic site, by a Hata-like
 * rule of thumb (suburban/hilly, 900 MHz, 30 m mast as reference):
 *   RSRP = EIRP − rsrpOffset − [L1km + slope·log10(d/1 km) + band·log10(f/900) − height·log10(h/30)]
 * The generator adds a per-village terrain term and per-home noise on top. This is a storytelling
 * device for synthetic data, not a propagation prediction (the app's radio/ models are that).
 * With the defaults a 30 m, 900 MHz, 58 dBm site gives ≈ −86 dBm at 1 km and ≈ −103 dBm at 3 km.
 * Cost: one log10 per site and home.
 */

export const DEMO_SIGNAL_MODEL = Object.freeze({
  /** Path loss at 1 km for 900 MHz and a 30 m mast, dB (Okumura–Hata suburban ≈ 116.5 dB). */
  lossAt1KmDb: 116,
  /** Path-loss slope, dB per decade of distance (Hata with a 30 m mast: ≈ 35). */
  slopeDbPerDecade: 35,
  /** Extra loss per decade of frequency above 900 MHz, dB. */
  bandDbPerDecade: 20,
  /** Gain per decade of mast height above 30 m, dB (Hata: 13.82). */
  heightDbPerDecade: 13.8,
  /** EIRP (whole carrier) → RSRP (one resource element of ≈ 600 in 10 MHz LTE), dB. */
  rsrpOffsetDb: 28,
  /** Distances below this are taken as this, metres (the formula is not meant for the near field). */
  minDistanceM: 100,
});

export interface DemoRadioSite {
  x: number;
  y: number;
  heightM: number;
  bandMHz: number;
  eirpDbm: number;
}

/** RSRP, dBm (unclamped, not rounded), from one site at the given distance. */
export function demoSiteRsrpDbm(site: DemoRadioSite, distanceM: number): number {
  const m = DEMO_SIGNAL_MODEL;
  const dKm = Math.max(distanceM, m.minDistanceM) / 1000;
  const loss = m.lossAt1KmDb + m.slopeDbPerDecade * Math.log10(dKm) + m.bandDbPerDecade * Math.log10(site.bandMHz / 900)
    - m.heightDbPerDecade * Math.log10(site.heightM / 30);
  return site.eirpDbm - m.rsrpOffsetDb - loss;
}

/** The best server's RSRP at (x, y) metres, and the distance to the nearest site. */
export function demoBestServer(sites: readonly DemoRadioSite[], x: number, y: number): { rsrpDbm: number; nearestSiteM: number } {
  let rsrpDbm = -Infinity;
  let nearestSiteM = Infinity;
  for (const s of sites) {
    const d = Math.hypot(s.x - x, s.y - y);
    nearestSiteM = Math.min(nearestSiteM, d);
    rsrpDbm = Math.max(rsrpDbm, demoSiteRsrpDbm(s, d));
  }
  return { rsrpDbm, nearestSiteM };
}

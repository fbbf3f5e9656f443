/**
 * Median path loss by Okumura–Hata (150–1500 MHz) and COST-231 Hata (1500–2000 MHz), in dB.
 *
 * Okumura–Hata (M. Hata, "Empirical formula for propagation loss in land mobile radio services",
 * IEEE Trans. Veh. Technol. VT-29(3), 1980), f in MHz, heights in m, d in km, as issue 8 pins it:
 *   a(hm)      = (1.1·log10 f − 0.7)·hm − (1.56·log10 f − 0.8)          (small/medium city)
 *   L_urban    = 69.55 + 26.16·log10 f − 13.82·log10 hb − a(hm) + (44.9 − 6.55·log10 hb)·log10 d
 *   L_suburban = L_urban − 2·(log10(f/28))² − 5.4
 *   L_open     = L_urban − 4.78·(log10 f)² + 18.33·log10 f − 40.94
 * COST-231 Hata (COST Action 231, "Digital mobile radio towards future generation systems",
 * final report EUR 18957, 1999, §4.4.1), used for f > 1500 MHz:
 *   L_urban    = 46.3 + 33.9·log10 f − 13.82·log10 hb − a(hm) + (44.9 − 6.55·log10 hb)·log10 d + C_m
 * with C_m = 0 dB (medium-sized city; we offer no "metropolitan centre", C_m = 3 dB). COST-231
 * defines only the urban loss: for 'suburban' and 'open' above 1500 MHz we apply Hata's suburban
 * and open-area corrections above to it — an extrapolation of those corrections, stated here
 * rather than warned per call. At 1500 MHz the two urban formulas differ by ≈ 1.3 dB.
 *
 * hb is the base antenna height above the ground at the site (the terrain enters through the
 * diffraction loss, not through an effective height), hm the mobile's height above its ground.
 * Validity: f 150–1500 MHz (Hata) / 1500–2000 MHz (COST-231), hb 30–200 m, hm 1–10 m, d 1–20 km.
 * Outside these ranges the formulas are extrapolated and each parameter out of range is listed in
 * `warnings`; the function never throws. Guards against the logarithm of nothing: d below 10 m
 * is taken as 10 m and hb below 1 m as 1 m (also warned); a non-finite or non-positive frequency
 * gives NaN. Loss is A + B·log10(d): `hataTerms` returns A and B so that hot loops (the coverage
 * raster) pay one log10 per distance. Cost: O(1).
 */

export const HATA_ENVIRONMENTS = ['open', 'suburban', 'urban'] as const;
export type HataEnvironment = (typeof HATA_ENVIRONMENTS)[number];

export interface HataWarning {
  parameter: 'frequencyMHz' | 'baseHeightM' | 'mobileHeightM' | 'distanceKm';
  value: number;
  validMin: number;
  validMax: number;
}

export interface HataInput {
  frequencyMHz: number;
  /** Base antenna height above the ground at the site, m. */
  baseHeightM: number;
  /** Mobile antenna height above its ground, m (default 1.5). */
  mobileHeightM?: number;
  distanceKm: number;
  environment?: HataEnvironment;
}

export interface HataLoss {
  lossDb: number;
  model: 'okumura-hata' | 'cost231-hata';
  /** One entry per parameter outside the model's validity range (empty when all are inside). */
  warnings: HataWarning[];
}

/** The loss as A + B·log10(dKm): A (dB) and B (dB per decade of distance). */
export interface HataTerms {
  interceptDb: number;
  slopeDbPerDecade: number;
  model: 'okumura-hata' | 'cost231-hata';
}

export const HATA_VALIDITY = Object.freeze({
  hataFrequencyMHz: [150, 1500] as const,
  cost231FrequencyMHz: [1500, 2000] as const,
  baseHeightM: [30, 200] as const,
  mobileHeightM: [1, 10] as const,
  distanceKm: [1, 20] as const,
});

/** Smallest distance (km) and base height (m) the formulas are evaluated at. */
export const HATA_MIN_DISTANCE_KM = 0.01;
export const HATA_MIN_BASE_HEIGHT_M = 1;

export function hataTerms(
  frequencyMHz: number, baseHeightM: number, mobileHeightM = 1.5, environment: HataEnvironment = 'open',
): HataTerms {
  const cost = frequencyMHz > 1500;
  const lf = frequencyMHz > 0 ? Math.log10(frequencyMHz) : NaN;
  const lhb = Math.log10(Math.max(HATA_MIN_BASE_HEIGHT_M, baseHeightM));
  const aHm = (1.1 * lf - 0.7) * mobileHeightM - (1.56 * lf - 0.8);
  let a = cost ? 46.3 + 33.9 * lf - 13.82 * lhb - aHm : 69.55 + 26.16 * lf - 13.82 * lhb - aHm;
  if (environment === 'suburban') a -= 2 * Math.log10(frequencyMHz / 28) ** 2 + 5.4;
  else if (environment === 'open') a -= 4.78 * lf * lf - 18.33 * lf + 40.94;
  return { interceptDb: a, slopeDbPerDecade: 44.9 - 6.55 * lhb, model: cost ? 'cost231-hata' : 'okumura-hata' };
}

export function okumuraHataLossDb(input: HataInput): HataLoss {
  const { frequencyMHz: f, baseHeightM: hb, distanceKm: d } = input;
  const hm = input.mobileHeightM ?? 1.5;
  const terms = hataTerms(f, hb, hm, input.environment ?? 'open');
  const warnings: HataWarning[] = [];
  const check = (parameter: HataWarning['parameter'], value: number, [lo, hi]: readonly [number, number]): void => {
    if (!(value >= lo && value <= hi)) warnings.push({ parameter, value, validMin: lo, validMax: hi });
  };
  check('frequencyMHz', f, terms.model === 'cost231-hata' ? HATA_VALIDITY.cost231FrequencyMHz : HATA_VALIDITY.hataFrequencyMHz);
  check('baseHeightM', hb, HATA_VALIDITY.baseHeightM);
  check('mobileHeightM', hm, HATA_VALIDITY.mobileHeightM);
  check('distanceKm', d, HATA_VALIDITY.distanceKm);
  const lossDb = terms.interceptDb + terms.slopeDbPerDecade * Math.log10(Math.max(HATA_MIN_DISTANCE_KM, d));
  return { lossDb, model: terms.model, warnings };
}

/**
 * Single knife-edge diffraction (ITU-R P.526 "Propagation by diffraction", the section on a
 * single knife-edge obstacle; the formulas below are unchanged since P.526-7).
 *
 * Fresnel–Kirchhoff parameter of an edge at height h above the straight line between the two
 * antennas (negative when the line clears it), d1 and d2 its distances to the ends, λ the
 * wavelength (all in metres):
 *   v = h · √( 2·(d1 + d2) / (λ · d1 · d2) )
 * Loss, dB (P.526's approximation of the Fresnel-integral loss):
 *   J(v) = 6.9 + 20·log10( √((v − 0.1)² + 1) + v − 0.1 )   for v > −0.78, else 0.
 * Published values: J(−0.78) ≈ 0, J(0) ≈ 6.0, J(1) ≈ 13.9, J(2.4) ≈ 20.5 dB.
 * Limits: an ideal, infinitely thin edge; no ground reflection. d1 or d2 ≤ 0 gives v = ±∞ (or NaN
 * for h = 0) — callers evaluate edges strictly between the antennas. Cost: O(1).
 */

/** Below this v the edge leaves the first Fresnel zone clear enough that J is taken as 0 dB. */
export const KNIFE_EDGE_MIN_V = -0.78;

export function knifeEdgeLossDb(v: number): number {
  if (!(v > KNIFE_EDGE_MIN_V)) return 0;
  const t = v - 0.1;
  return 6.9 + 20 * Math.log10(Math.sqrt(t * t + 1) + t);
}

export function fresnelParameterV(heightAboveLosM: number, d1M: number, d2M: number, wavelengthM: number): number {
  return heightAboveLosM * Math.sqrt((2 * (d1M + d2M)) / (wavelengthM * d1M * d2M));
}

/**
 * Diffraction loss over a terrain profile by the Deygout construction with at most three edges:
 * the main edge and up to two secondary edges (J. Deygout, "Multiple knife-edge diffraction of
 * microwaves", IEEE Trans. Antennas Propag. AP-14(4), 1966; also ITU-R P.526's method for up to
 * three edges, here without its empirical taper and correction).
 *
 * 1. Main edge: the interior sample with the largest Fresnel parameter v (`fresnelParameterV`)
 *    with respect to the line from the site antenna to the receiver antenna.
 * 2. If v_main > −0.78, the secondary edges: the largest-v sample between the site and the main
 *    edge (with respect to the line from the site antenna to the main edge's top), and likewise
 *    between the main edge and the receiver. A secondary edge counts only when it obstructs its
 *    sub-path's line of sight (v > 0, `DEYGOUT_SECONDARY_MIN_V`). Deviation from the classical
 *    rule (which counts v > −0.78): on a profile sampled every DEM cell the sub-paths end on the
 *    ground (the main edge's top), so the next ground sample always sits a little below the
 *    sub-path's line and would count as an extra edge of up to 6 dB — on flat open ground that
 *    turned the 1–4 dB of the receiver's own Fresnel-zone clearance into 9–15 dB and cut the
 *    covered area to a third. Partial Fresnel obstruction of the whole path still counts (the main edge, v > −0.78).
 * 3. L = J(v_main) + J(v_tx side) + J(v_rx side), J the ITU-R P.526 knife-edge loss.
 * No recursion beyond these three edges; no rounded-obstacle correction. Classical Deygout tends
 * to overestimate the loss of closely spaced edges of similar height by a few dB, and a broad
 * summit sampled densely acts as several edges.
 *
 * Heights are the profile's `heightM` (ground + Earth bulge, `terrainProfile`), the antenna
 * heights absolute (m above sea level). NaN heights (unknown ground) are skipped. The main edge
 * is reported even when it leaves the path clear (v ≤ −0.78, loss 0), so a profile view can show
 * the clearance; it is null only when the profile has no known interior sample.
 * Cost: O(n) for n samples (three linear scans). Pure.
 */
import { fresnelParameterV, KNIFE_EDGE_MIN_V, knifeEdgeLossDb } from './knife-edge.ts';

/** A secondary edge counts when its v exceeds this (it obstructs its sub-path's line of sight). */
export const DEYGOUT_SECONDARY_MIN_V = 0;

export interface DiffractionEdge {
  /** Sample index in the profile. */
  index: number;
  /** From the site, m. */
  distanceM: number;
  /** Obstacle top (ground + bulge), m. */
  heightM: number;
  /** Height above the line of the (sub-)path it was chosen on, m (negative: below it). */
  clearanceM: number;
  v: number;
  lossDb: number;
}

export interface DeygoutResult {
  lossDb: number;
  /** The largest-v interior sample of the whole path; null when none is known. */
  main: DiffractionEdge | null;
  /** Secondary edges that add loss (0–2): the site side first. */
  secondary: DiffractionEdge[];
}

/** The largest-v sample with index in (from, to), for the line (d[from], hFrom) → (d[to], hTo). */
function largestV(
  distanceM: ArrayLike<number>, heightM: ArrayLike<number>, from: number, to: number, hFrom: number, hTo: number, wavelengthM: number,
): DiffractionEdge | null {
  const d0 = distanceM[from]!, span = distanceM[to]! - d0;
  let best: DiffractionEdge | null = null;
  for (let k = from + 1; k < to; k++) {
    const h = heightM[k]!;
    if (Number.isNaN(h)) continue;
    const d1 = distanceM[k]! - d0, d2 = span - d1;
    if (!(d1 > 0 && d2 > 0)) continue;
    const clearanceM = h - (hFrom + ((hTo - hFrom) * d1) / span);
    const v = fresnelParameterV(clearanceM, d1, d2, wavelengthM);
    if (best === null || v > best.v) best = { index: k, distanceM: distanceM[k]!, heightM: h, clearanceM, v, lossDb: 0 };
  }
  if (best) best.lossDb = knifeEdgeLossDb(best.v);
  return best;
}

export function deygoutDiffraction(
  distanceM: ArrayLike<number>, heightM: ArrayLike<number>, txHeightM: number, rxHeightM: number, wavelengthM: number,
): DeygoutResult {
  const last = distanceM.length - 1;
  if (last < 2 || !Number.isFinite(txHeightM) || !Number.isFinite(rxHeightM)) return { lossDb: 0, main: null, secondary: [] };
  const main = largestV(distanceM, heightM, 0, last, txHeightM, rxHeightM, wavelengthM);
  if (main === null || !(main.v > KNIFE_EDGE_MIN_V)) return { lossDb: 0, main, secondary: [] };
  const secondary: DiffractionEdge[] = [];
  const txSide = largestV(distanceM, heightM, 0, main.index, txHeightM, main.heightM, wavelengthM);
  if (txSide && txSide.v > DEYGOUT_SECONDARY_MIN_V) secondary.push(txSide);
  const rxSide = largestV(distanceM, heightM, main.index, last, main.heightM, rxHeightM, wavelengthM);
  if (rxSide && rxSide.v > DEYGOUT_SECONDARY_MIN_V) secondary.push(rxSide);
  return { lossDb: main.lossDb + secondary.reduce((s, e) => s + e.lossDb, 0), main, secondary };
}

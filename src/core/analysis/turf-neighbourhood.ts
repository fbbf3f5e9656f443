/**
 * Turf's DBSCAN neighbour relation (`@turf/clusters-dbscan` 7.4, units 'meters') between points
 * of a `DbscanGrid`, decided exactly but mostly without trigonometry.
 *
 * "p reaches q" (q is in p's region query) ⇔ q is inside Turf's search box around p
 * (`turf-query-box.ts`, bounds included) and `turfDistanceM(p → q) <= eps`. Both parts are
 * centred on p, so the relation is symmetric except, possibly, for pairs at exactly eps.
 *
 * How it stays exact and fast:
 * - Box, latitude: evaluated with Turf's own operations (cheap). Longitude: Turf's half-width
 *   depends on p's latitude through a cosine; each grid row carries bounds of it, and only when
 *   |Δlon| falls between them (± 1e-12°) is Turf's half-width computed for p.
 * - Distance: the haversine `a` is bracketed without trigonometry: with x = Δlat or Δlon (rad),
 *   (x/2)²(1 − x²/12) ≤ sin²(x/2) ≤ (x/2)², and cosφp·cosφq lies between the products of the two
 *   rows' cos bounds. If the bracket is below sin²(δ/2)·(1 − 1e-9) the pair is within eps for
 *   Turf, if above sin²(δ/2)·(1 + 1e-9) it is beyond (Turf's own rounding is ~1e-15 relative);
 *   otherwise `turfDistanceM` decides, in the direction asked.
 * - Whole cells: `againstCell` bounds the distance from p to every point of a cell at once
 *   (nearest and farthest corner of the cell's padded bounds): none can be a neighbour either
 *   way, or all are mutual neighbours, or pairs must be tested.
 * Limits: inputs validated by the caller (|lon| ≤ 180, |lat| ≤ 90); for |Δlon| > 90° the
 * bracket is not used and the exact test runs. Cost: O(1) per call, usually ~20 flops.
 */
import type { DbscanGrid } from './build-dbscan-grid.ts';
import { EARTH_RADIUS_M } from './haversine-m.ts';
import { turfDistanceM } from './turf-distance-m.ts';
import { turfLatHalfDeg, turfLonHalfDeg } from './turf-query-box.ts';

const RAD = Math.PI / 180;
const RAD2 = RAD * RAD;
/** Relative margin around the eps threshold inside which the exact Turf distance decides. */
const DECIDE_MARGIN = 1e-9;
/** Degrees; far above the rounding of `lon ± halfWidth` (≤ 3e-14°), far below any cell. */
export const BOX_MARGIN_DEG = 1e-12;

export class TurfNeighbourhood {
  readonly epsM: number;
  /** Turf's latitude half-height of the search box, degrees. */
  readonly latHalf: number;
  /** eps as an angle, radians. */
  readonly delta: number;
  /**
   * Thresholds on Δlat² + cosφ·cosφ'·Δlon² (degrees², i.e. haversine `a` · 4 / RAD²): at most
   * `aIn` is certainly within eps for Turf, at least `aOut` certainly beyond.
   */
  readonly aIn: number;
  readonly aOut: number;
  /** Bounds of Turf's longitude half-width over each grid row (it grows with |lat|). */
  readonly rowLonHalfLo: Float64Array;
  readonly rowLonHalfHi: Float64Array;
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private readonly rowCosMin: Float64Array;
  private readonly rowCosMax: Float64Array;
  private readonly cellLatLo: Float64Array;
  private readonly cellLatHi: Float64Array;
  private readonly cellLonLo: Float64Array;
  private readonly cellLonHi: Float64Array;

  constructor(epsM: number, grid: DbscanGrid) {
    this.epsM = epsM;
    this.latHalf = turfLatHalfDeg(epsM);
    this.delta = epsM / EARTH_RADIUS_M;
    const aMax = Math.sin(this.delta / 2) ** 2;
    this.aIn = (aMax * (1 - DECIDE_MARGIN) * 4) / RAD2;
    this.aOut = (aMax * (1 + DECIDE_MARGIN) * 4) / RAD2;
    this.xs = grid.xs;
    this.ys = grid.ys;
    this.rowCosMin = grid.rowCosMin;
    this.rowCosMax = grid.rowCosMax;
    this.cellLatLo = grid.cellLatLo;
    this.cellLatHi = grid.cellLatHi;
    this.cellLonLo = grid.cellLonLo;
    this.cellLonHi = grid.cellLonHi;
    this.rowLonHalfLo = new Float64Array(grid.rowCount);
    this.rowLonHalfHi = new Float64Array(grid.rowCount);
    for (let s = 0; s < grid.rowCount; s++) {
      // Turf's half-width is non-decreasing in |lat| (it is latHalf, its minimum, while the box
      // straddles the equator), so the row's extreme latitudes bound it.
      const lo = grid.rowLatLo[s]!;
      const hi = grid.rowLatHi[s]!;
      const nearest = lo <= 0 && hi >= 0 ? 0 : Math.min(Math.abs(lo), Math.abs(hi));
      const farthest = Math.min(Math.max(Math.abs(lo), Math.abs(hi)), 90);
      this.rowLonHalfLo[s] = turfLonHalfDeg(nearest, this.latHalf) * (1 - 1e-12);
      this.rowLonHalfHi[s] = turfLonHalfDeg(farthest, this.latHalf) * (1 + 1e-12);
    }
  }

  /** Is the point at position q inside Turf's search box around the point at p (grid row slot sp)? */
  inBox(p: number, sp: number, q: number): boolean {
    const latHalf = this.latHalf;
    const yp = this.ys[p]!;
    const yq = this.ys[q]!;
    if (!(yq >= Math.max(yp - latHalf, -90) && yq <= Math.min(yp + latHalf, 90))) return false;
    const xp = this.xs[p]!;
    const xq = this.xs[q]!;
    const dx = Math.abs(xq - xp);
    if (dx <= this.rowLonHalfLo[sp]! - BOX_MARGIN_DEG) return true;
    if (dx >= this.rowLonHalfHi[sp]! + BOX_MARGIN_DEG) return false;
    const h = turfLonHalfDeg(yp, latHalf);
    return xq >= Math.max(xp - h, -360) && xq <= Math.min(xp + h, 360);
  }

  /** Turf's distance p–q vs eps without trigonometry: 1 = within, 0 = beyond, -1 = too close to call. */
  roughWithin(p: number, sp: number, q: number, sq: number): number {
    const dx = this.xs[q]! - this.xs[p]!;
    if (!(Math.abs(dx) <= 90)) return -1;
    const dy = this.ys[q]! - this.ys[p]!;
    const p2 = dy * dy;
    const l2 = dx * dx;
    if (p2 + this.rowCosMax[sp]! * this.rowCosMax[sq]! * l2 <= this.aIn) return 1;
    const lower = (p2 + this.rowCosMin[sp]! * this.rowCosMin[sq]! * l2) * (1 - ((p2 > l2 ? p2 : l2) * RAD2) / 12);
    return lower >= this.aOut ? 0 : -1;
  }

  /** Turf's relation: is q in p's region query? */
  reaches(p: number, sp: number, q: number, sq: number): boolean {
    if (!this.inBox(p, sp, q)) return false;
    const rough = this.roughWithin(p, sp, q, sq);
    if (rough >= 0) return rough === 1;
    return turfDistanceM(this.xs[p]!, this.ys[p]!, this.xs[q]!, this.ys[q]!) <= this.epsM;
  }

  /** Both directions at once: bit 1 = p reaches q, bit 2 = q reaches p. */
  relation(p: number, sp: number, q: number, sq: number): number {
    const pq = this.inBox(p, sp, q);
    const qp = this.inBox(q, sq, p);
    if (!pq && !qp) return 0;
    const rough = this.roughWithin(p, sp, q, sq);
    if (rough === 0) return 0;
    if (rough === 1) return (pq ? 1 : 0) | (qp ? 2 : 0);
    const xp = this.xs[p]!;
    const yp = this.ys[p]!;
    const xq = this.xs[q]!;
    const yq = this.ys[q]!;
    const dpq = pq && turfDistanceM(xp, yp, xq, yq) <= this.epsM;
    const dqp = qp && turfDistanceM(xq, yq, xp, yp) <= this.epsM;
    return (dpq ? 1 : 0) | (dqp ? 2 : 0);
  }

  /**
   * The point at p (row slot sp) against every point of cell d (row slot sd): 0 = none is a
   * neighbour of p nor has p as a neighbour; 2 = p and each of them are mutual neighbours;
   * 1 = undecided, test the pairs.
   */
  againstCell(p: number, sp: number, d: number, sd: number): number {
    const y = this.ys[p]!;
    const x = this.xs[p]!;
    const below = this.cellLatLo[d]! - y;
    const above = y - this.cellLatHi[d]!;
    const west = this.cellLonLo[d]! - x;
    const east = x - this.cellLonHi[d]!;
    const gy = below > 0 ? below : above > 0 ? above : 0;
    const gx = west > 0 ? west : east > 0 ? east : 0;
    if (gy > this.latHalf + BOX_MARGIN_DEG) return 0;
    if (gx <= 90) {
      const g2 = gy > gx ? gy * gy : gx * gx;
      if ((gy * gy + this.rowCosMin[sp]! * this.rowCosMin[sd]! * gx * gx) * (1 - (g2 * RAD2) / 12) > this.aOut) return 0;
    }
    const fy = below < above ? -below : -above;
    const fx = west < east ? -west : -east;
    const lonHalfP = this.rowLonHalfLo[sp]!;
    const lonHalfD = this.rowLonHalfLo[sd]!;
    if (fy <= this.latHalf - BOX_MARGIN_DEG && fx <= (lonHalfP < lonHalfD ? lonHalfP : lonHalfD) - BOX_MARGIN_DEG &&
        fy * fy + this.rowCosMax[sp]! * this.rowCosMax[sd]! * fx * fx <= this.aIn) return 2;
    return 1;
  }
}

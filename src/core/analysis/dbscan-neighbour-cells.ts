/**
 * Neighbour cells for DBSCAN on a `DbscanGrid`: for every cell, the other cells that may hold a
 * point in Turf's search box of one of its points, or whose points' boxes may hold one of its
 * points, and that are not provably beyond eps — the only cells whose points can be neighbours
 * (either way) of the cell's points.
 *
 * Candidates: rows r … r+2 (Turf's box spans ±latHalf and rows are ~0.71·latHalf high, so no
 * neighbour is more than 2 rows away), in each row the columns within the larger of the two rows'
 * longitude half-widths (`rowLonHalfHi`); then a haversine lower bound between the padded cell
 * bounds drops the corners. Pairs c < d found once, stored both ways (CSR) and once as pair lists
 * (touching cells first — the order in which joining cells pays off).
 * Limits: a superset — pairs in listed cells still need testing. Near the poles a row's
 * half-width can exceed 90°, and then every cell of the row is listed.
 * Cost: O(cells · candidates per cell) ≈ 15 candidates for village data; a sweep pointer per row
 * pair instead of searches. Memory: 8 bytes per listed pair.
 */
import type { DbscanGrid } from './build-dbscan-grid.ts';
import { BOX_MARGIN_DEG } from './turf-neighbourhood.ts';

const RAD = Math.PI / 180;
const RAD2 = RAD * RAD;

export interface NeighbourCells {
  /** Neighbours of cell c are cells[first[c]] … cells[first[c + 1] − 1]. */
  first: Int32Array;
  cells: Int32Array;
  /** The same pairs once each, as (c, d) with c < d: cells that touch (share an edge or corner), then the others. */
  touchingPairs: Int32Array;
  otherPairs: Int32Array;
}

/** `aOut`: threshold on Δlat² + cos·cos·Δlon² (degrees²) above which a pair is beyond eps. */
export function dbscanNeighbourCells(
  grid: DbscanGrid, rowLonHalfHi: Float64Array, latHalf: number, aOut: number,
): NeighbourCells {
  const { cellCount, cellCol, rowFirstCell, rowNumber, rowColWidthDeg, rowCosMin, lonOrigin, rowCount } = grid;
  const { cellLatLo, cellLatHi, cellLonLo, cellLonHi } = grid;
  const lists = [new Int32Array(Math.max(16, cellCount * 6)), new Int32Array(Math.max(16, cellCount * 4))];
  const sizes = [0, 0];
  const degree = new Int32Array(cellCount + 1);
  for (let slot = 0; slot < rowCount; slot++) {
    const r = rowNumber[slot]!;
    for (let s2 = slot; s2 < rowCount && rowNumber[s2]! - r <= 2; s2++) {
      const reach = Math.max(rowLonHalfHi[slot]!, rowLonHalfHi[s2]!) + BOX_MARGIN_DEG;
      const w2 = rowColWidthDeg[s2]!;
      const cosLo = rowCosMin[slot]! * rowCosMin[s2]!;
      const end2 = rowFirstCell[s2 + 1]!;
      let start = rowFirstCell[s2]!; // first cell of row s2 not left of the window; only moves right
      for (let c = rowFirstCell[slot]!; c < rowFirstCell[slot + 1]!; c++) {
        const latLo = cellLatLo[c]!;
        const latHi = cellLatHi[c]!;
        const lonLo = cellLonLo[c]!;
        const lonHi = cellLonHi[c]!;
        const colLo = Math.floor((lonLo - reach - lonOrigin) / w2);
        const colHi = Math.floor((lonHi + reach - lonOrigin) / w2);
        while (start < end2 && cellCol[start]! < colLo) start++;
        for (let d = s2 === slot ? Math.max(start, c + 1) : start; d < end2 && cellCol[d]! <= colHi; d++) {
          const below = cellLatLo[d]! - latHi;
          const above = latLo - cellLatHi[d]!;
          const west = cellLonLo[d]! - lonHi;
          const east = lonLo - cellLonHi[d]!;
          const gy = below > 0 ? below : above > 0 ? above : 0;
          const gx = west > 0 ? west : east > 0 ? east : 0;
          if (gy > latHalf + BOX_MARGIN_DEG || gx > reach) continue;
          if (reach <= 90) {
            const g2 = gy > gx ? gy * gy : gx * gx;
            if ((gy * gy + cosLo * gx * gx) * (1 - (g2 * RAD2) / 12) > aOut) continue;
          }
          const which = gy === 0 && gx === 0 ? 0 : 1;
          let list = lists[which]!;
          if (sizes[which]! + 2 > list.length) {
            const grown = new Int32Array(list.length * 2);
            grown.set(list);
            list = lists[which] = grown;
          }
          list[sizes[which]!++] = c;
          list[sizes[which]!++] = d;
          degree[c + 1]!++;
          degree[d + 1]!++;
        }
      }
    }
  }
  for (let c = 0; c < cellCount; c++) degree[c + 1]! += degree[c]!;
  const first = degree.slice();
  const cells = new Int32Array(sizes[0]! + sizes[1]!);
  const at = degree; // reused as the fill cursor
  for (let which = 0; which < 2; which++) {
    const list = lists[which]!;
    for (let e = 0; e < sizes[which]!; e += 2) {
      const c = list[e]!;
      const d = list[e + 1]!;
      cells[at[c]!++] = d;
      cells[at[d]!++] = c;
    }
  }
  return { first, cells, touchingPairs: lists[0]!.subarray(0, sizes[0]), otherPairs: lists[1]!.subarray(0, sizes[1]) };
}

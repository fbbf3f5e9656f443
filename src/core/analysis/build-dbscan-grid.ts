/**
 * The cell grid behind `clusterDbscan`: points bucketed into latitude rows of equal height and,
 * per row, longitude columns whose width in degrees grows as 1 / cos(latitude) — so a cell is
 * about as wide on the ground as it is tall at every latitude, with no single projection scale
 * for the whole extent.
 *
 * Row r covers latitudes [latOrigin + r·h, latOrigin + (r+1)·h) with h = `rowHeightDeg`; its
 * columns have width `baseColWidthDeg / cosMax(r)`, cosMax(r) being the cosine of the row's
 * latitude nearest the equator, so on the ground (in arc) every cell is at most
 * `baseColWidthDeg` wide; the caller picks h and the base width so that any two points of one
 * cell are certainly within eps. Every bound below is padded by `GRID_PAD` so that rounding in
 * `floor((lat − latOrigin) · (1/h))` can never put a point outside its cell's bounds.
 *
 * Output: points sorted by (row, column, index) — `order` (input index), `xs`, `ys` by position,
 * so that later passes read cell mates contiguously; cells numbered in that order, with padded
 * lat/lon bounds; occupied rows ascending, with padded latitude band, column width and
 * cos(latitude) bounds.
 * Sort strategies (same result; `auto` picks): 'buckets' — counting sort by bands of rows (≤ 256
 * buckets), then by cell within each band (counters over rows·cols in total; chosen when that is
 * at most ~4n: 1,000,000 village homes over Chongqing at eps 500 m); 'radix' — LSD radix of the
 * 32-bit key row·cols + col in two passes of ≤ 2^16 buckets (sparser grids: 100,000 homes, or
 * eps of a few metres); 'comparison' — any size, O(n log n) (keys beyond 32 bits).
 * Limits: row and column numbers must stay exact integers: h ≥ ~1e-9° (the caller keeps
 * eps ≥ 1 mm). No antimeridian wrap: columns run from the westernmost point eastwards.
 * Cost: O(n + rows·cols) for 'buckets', ~55 ms for 1,000,000 points on the bench machine (the
 * scattered writes of the first pass dominate; 'radix' ~90 ms there); 'radix' O(n) in 2 passes,
 * ~6 ms for 100,000. Memory: ~64 bytes per point while building (40 kept), ~60 bytes per cell.
 */

const RAD = Math.PI / 180;

/** Relative and absolute padding (degrees) added around nominal row/cell bounds to absorb rounding. */
export const GRID_PAD = { relative: 1e-6, absoluteDeg: 1e-12 } as const;

export interface DbscanGrid {
  latOrigin: number;
  lonOrigin: number;
  rowHeightDeg: number;
  /** Occupied rows, ascending. */
  rowCount: number;
  rowNumber: Float64Array;
  rowLatLo: Float64Array;
  rowLatHi: Float64Array;
  rowColWidthDeg: Float64Array;
  /** Lower and upper bounds of cos(latitude) over the row's padded band. */
  rowCosMin: Float64Array;
  rowCosMax: Float64Array;
  /** Cells of occupied row s are rowFirstCell[s] … rowFirstCell[s + 1] − 1, by ascending column. */
  rowFirstCell: Int32Array;
  cellCount: number;
  /** Occupied-row slot, column number and padded bounds of each cell. */
  cellRow: Int32Array;
  cellCol: Float64Array;
  cellLatLo: Float64Array;
  cellLatHi: Float64Array;
  cellLonLo: Float64Array;
  cellLonHi: Float64Array;
  /** Points of cell c are at positions cellFirst[c] … cellFirst[c + 1] − 1, ascending index. */
  cellFirst: Int32Array;
  /** Input index of the point at each position. */
  order: Int32Array;
  /** Longitude and latitude of the point at each position. */
  xs: Float64Array;
  ys: Float64Array;
}

function padOf(sizeDeg: number): number {
  return sizeDeg * GRID_PAD.relative + GRID_PAD.absoluteDeg;
}

/** Cosine of the row's latitude nearest the equator (padded band). */
function rowCosMaxOf(latOrigin: number, h: number, r: number): number {
  const pad = padOf(h);
  const lo = latOrigin + r * h - pad;
  const hi = latOrigin + (r + 1) * h + pad;
  const nearest = lo <= 0 && hi >= 0 ? 0 : Math.min(Math.abs(lo), Math.abs(hi));
  return Math.cos(Math.min(nearest, 90) * RAD);
}

/** How points are sorted into cells; all give the same grid. 'auto' picks the fastest that applies. */
export type GridSortStrategy = 'auto' | 'buckets' | 'radix' | 'comparison';

/** Points sorted into cells: positions → input index and coordinates; cells by (row, column). */
interface Sorted {
  order: Int32Array;
  xs: Float64Array;
  ys: Float64Array;
  cellCount: number;
  cellRowNum: Float64Array;
  cellColNum: Float64Array;
  cellFirst: Int32Array;
}

/**
 * Two counting sorts with few buckets each, so that writes stay in cache and TLB: points by band
 * of rows (≤ 256 bands), then each band's segment by cell key (row in band, column) through a
 * scratch copy. The second pass counts over each band's key range: rows·cols counters in total,
 * so only for grids that are not too sparse. Cells are listed as they are found.
 */
function sortBuckets(
  lon: Float64Array, lat: Float64Array, latOrigin: number, lonOrigin: number, invH: number, invW: Float64Array,
  rows: number, cols: number,
): Sorted {
  const n = lon.length;
  let shift = 0;
  while (rows >>> shift >= 256) shift++;
  const bands = (rows >>> shift) + 1;
  const bandStart = new Int32Array(bands + 1);
  for (let i = 0; i < n; i++) bandStart[(Math.floor((lat[i]! - latOrigin) * invH) >>> shift) + 1]!++;
  let maxBand = 0;
  for (let b = 0; b < bands; b++) {
    if (bandStart[b + 1]! > maxBand) maxBand = bandStart[b + 1]!;
    bandStart[b + 1]! += bandStart[b]!;
  }
  const order = new Int32Array(n);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const cursor = bandStart.slice(0, bands);
  for (let i = 0; i < n; i++) {
    const y = lat[i]!;
    const at = cursor[Math.floor((y - latOrigin) * invH) >>> shift]!++;
    order[at] = i;
    xs[at] = lon[i]!;
    ys[at] = y;
  }
  const cellRowNum = new Float64Array(n);
  const cellColNum = new Float64Array(n);
  const cellFirst = new Int32Array(n + 1);
  let cellCount = 0;
  const segItems = new Int32Array(maxBand);
  const segXs = new Float64Array(maxBand);
  const segYs = new Float64Array(maxBand);
  const segKey = new Int32Array(maxBand);
  let count = new Int32Array(0);
  for (let b = 0; b < bands; b++) {
    const from = bandStart[b]!;
    const size = bandStart[b + 1]! - from;
    if (size === 0) continue;
    const row0 = b << shift;
    let keyMin = Infinity;
    let keyMax = -1;
    for (let k = 0; k < size; k++) {
      const x = xs[from + k]!;
      const y = ys[from + k]!;
      const r = Math.floor((y - latOrigin) * invH);
      const key = (r - row0) * cols + Math.floor((x - lonOrigin) * invW[r]!);
      segItems[k] = order[from + k]!;
      segXs[k] = x;
      segYs[k] = y;
      segKey[k] = key;
      if (key < keyMin) keyMin = key;
      if (key > keyMax) keyMax = key;
    }
    const range = keyMax - keyMin + 1;
    if (count.length < range + 1) count = new Int32Array(Math.max(range + 1, 2 * count.length));
    else count.fill(0, 0, range + 1);
    for (let k = 0; k < size; k++) count[segKey[k]! - keyMin + 1]!++;
    let sum = from;
    for (let v = 0; v < range; v++) {
      const c = count[v + 1]!;
      count[v] = sum;
      if (c > 0) {
        const key = v + keyMin;
        const r = Math.floor(key / cols);
        cellRowNum[cellCount] = row0 + r;
        cellColNum[cellCount] = key - r * cols;
        cellFirst[cellCount++] = sum;
        sum += c;
      }
    }
    for (let k = 0; k < size; k++) {
      const at = count[segKey[k]! - keyMin]!++;
      order[at] = segItems[k]!;
      xs[at] = segXs[k]!;
      ys[at] = segYs[k]!;
    }
  }
  cellFirst[cellCount] = n;
  return {
    order, xs, ys, cellCount,
    cellRowNum: cellRowNum.subarray(0, cellCount), cellColNum: cellColNum.subarray(0, cellCount),
    cellFirst: cellFirst.subarray(0, cellCount + 1),
  };
}

/** One stable counting pass on the digit `(key >>> shift) & (range − 1)`, moving (key, item). */
function radixPass(
  keys: Uint32Array, items: Int32Array, outKeys: Uint32Array, outItems: Int32Array, shift: number, range: number,
): void {
  const mask = range - 1;
  const count = new Int32Array(range + 1);
  const n = keys.length;
  for (let k = 0; k < n; k++) count[((keys[k]! >>> shift) & mask) + 1]!++;
  for (let v = 0; v < range; v++) count[v + 1]! += count[v]!;
  for (let k = 0; k < n; k++) {
    const key = keys[k]!;
    const at = count[(key >>> shift) & mask]!++;
    outKeys[at] = key;
    outItems[at] = items[k]!;
  }
}

/** LSD radix sort of 32-bit keys in two passes of about half the bits each (few buckets, cache-friendly). */
function sortRadix(lon: Float64Array, lat: Float64Array, keys: Uint32Array, cols: number, cells: number): Sorted {
  const n = keys.length;
  let items = new Int32Array(n);
  for (let i = 0; i < n; i++) items[i] = i;
  const keys2 = new Uint32Array(n);
  const items2 = new Int32Array(n);
  const bits = Math.max(1, Math.ceil(Math.log2(cells)));
  const low = bits <= 11 ? bits : Math.ceil(bits / 2);
  radixPass(keys, items, keys2, items2, 0, 2 ** low);
  if (bits > low) radixPass(keys2, items2, keys, items, low, 2 ** (bits - low));
  else [keys, items] = [keys2, items2];
  return group(lon, lat, items, (k) => Math.floor(keys[k]! / cols), (k, r) => keys[k]! - r * cols);
}

/** Comparison sort on (row, column, index): any number of rows and columns. */
function sortComparison(lon: Float64Array, lat: Float64Array, rowOf: Float64Array, colOf: Float64Array): Sorted {
  const n = rowOf.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => rowOf[a]! - rowOf[b]! || colOf[a]! - colOf[b]! || a - b);
  return group(lon, lat, order, (k) => rowOf[order[k]!]!, (k) => colOf[order[k]!]!);
}

/** Cells of points already in (row, column, index) order. */
function group(
  lon: Float64Array, lat: Float64Array, order: Int32Array,
  rowAt: (k: number) => number, colAt: (k: number, row: number) => number,
): Sorted {
  const n = order.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const cellRowNum = new Float64Array(n);
  const cellColNum = new Float64Array(n);
  const cellFirst = new Int32Array(n + 1);
  let cellCount = 0;
  let prevRow = NaN;
  let prevCol = NaN;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    xs[k] = lon[i]!;
    ys[k] = lat[i]!;
    const r = rowAt(k);
    const c = colAt(k, r);
    if (r !== prevRow || c !== prevCol) {
      cellRowNum[cellCount] = r;
      cellColNum[cellCount] = c;
      cellFirst[cellCount++] = k;
      prevRow = r;
      prevCol = c;
    }
  }
  cellFirst[cellCount] = n;
  return {
    order, xs, ys, cellCount,
    cellRowNum: cellRowNum.subarray(0, cellCount), cellColNum: cellColNum.subarray(0, cellCount),
    cellFirst: cellFirst.subarray(0, cellCount + 1),
  };
}

/** Extent of the points, degrees. */
export interface GridExtent {
  latMin: number;
  latMax: number;
  lonMin: number;
  lonMax: number;
}

export function buildDbscanGrid(
  lon: Float64Array, lat: Float64Array, extent: GridExtent, rowHeightDeg: number, baseColWidthDeg: number,
  strategy: GridSortStrategy = 'auto',
): DbscanGrid {
  const n = lon.length;
  const h = rowHeightDeg;
  const latOrigin = extent.latMin;
  const lonOrigin = extent.lonMin;
  // +2: one for the last index, one in case a product below rounds up past the quotient here.
  const rows = Math.floor((extent.latMax - latOrigin) / h) + 2;
  const cols = Math.floor((extent.lonMax - lonOrigin) / baseColWidthDeg) + 2; // ≥ columns of any row
  const invH = 1 / h;
  // 1 / column width per row (all rows when that is cheap, else computed per point).
  const invW = rows <= 4 * n + 1024 ? new Float64Array(rows) : null;
  if (invW !== null) for (let r = 0; r < rows; r++) invW[r] = rowCosMaxOf(latOrigin, h, r) / baseColWidthDeg;
  const invWidthOf = (r: number): number => (invW !== null ? invW[r]! : rowCosMaxOf(latOrigin, h, r) / baseColWidthDeg);
  const cells = rows * cols;
  const bucketsFit = invW !== null && cells <= 32 * n + 2 ** 22; // counters for every cell, in passes
  if (strategy === 'auto') {
    // 'buckets' wins when most cells are occupied-ish (1M village homes over Chongqing: 56 vs 90 ms);
    // with fewer points than ~cells/4 the per-cell counters cost more than radix passes.
    strategy = bucketsFit && cells <= 4 * n + 2 ** 16 ? 'buckets' : cells <= 2 ** 32 ? 'radix' : 'comparison';
  }
  if (strategy === 'buckets' && !bucketsFit) throw new RangeError(`buildDbscanGrid: ${rows} × ${cols} cells are too many for 'buckets'`);
  if (strategy === 'radix' && cells > 2 ** 32) throw new RangeError(`buildDbscanGrid: ${rows} × ${cols} cells are too many for 'radix'`);

  let sorted: Sorted;
  if (strategy === 'buckets') {
    sorted = sortBuckets(lon, lat, latOrigin, lonOrigin, invH, invW!, rows, cols);
  } else if (strategy === 'radix') {
    const keys = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const r = Math.floor((lat[i]! - latOrigin) * invH);
      keys[i] = r * cols + Math.floor((lon[i]! - lonOrigin) * invWidthOf(r));
    }
    sorted = sortRadix(lon, lat, keys, cols, cells);
  } else {
    const rowOf = new Float64Array(n);
    const colOf = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const r = Math.floor((lat[i]! - latOrigin) * invH);
      rowOf[i] = r;
      colOf[i] = Math.floor((lon[i]! - lonOrigin) * invWidthOf(r));
    }
    sorted = sortComparison(lon, lat, rowOf, colOf);
  }
  const { order, xs, ys, cellCount, cellRowNum, cellColNum, cellFirst } = sorted;

  // Rows and cell bounds.
  let rowCount = 0;
  for (let c = 0; c < cellCount; c++) if (c === 0 || cellRowNum[c] !== cellRowNum[c - 1]) rowCount++;
  const rowNumber = new Float64Array(rowCount);
  const rowLatLo = new Float64Array(rowCount);
  const rowLatHi = new Float64Array(rowCount);
  const rowColWidthDeg = new Float64Array(rowCount);
  const rowCosMin = new Float64Array(rowCount);
  const rowCosMax = new Float64Array(rowCount);
  const rowFirstCell = new Int32Array(rowCount + 1);
  const cellRow = new Int32Array(cellCount);
  const cellLatLo = new Float64Array(cellCount);
  const cellLatHi = new Float64Array(cellCount);
  const cellLonLo = new Float64Array(cellCount);
  const cellLonHi = new Float64Array(cellCount);
  const hPad = padOf(h);
  let slot = -1;
  let w = 0;
  let wPad = 0;
  for (let c = 0; c < cellCount; c++) {
    if (c === 0 || cellRowNum[c] !== cellRowNum[c - 1]) {
      slot++;
      const r = cellRowNum[c]!;
      const lo = latOrigin + r * h - hPad;
      const hi = latOrigin + (r + 1) * h + hPad;
      w = 1 / invWidthOf(r);
      wPad = padOf(w);
      rowNumber[slot] = r;
      rowLatLo[slot] = lo;
      rowLatHi[slot] = hi;
      rowColWidthDeg[slot] = w;
      rowCosMax[slot] = rowCosMaxOf(latOrigin, h, r);
      rowCosMin[slot] = Math.max(0, Math.cos(Math.min(Math.max(Math.abs(lo), Math.abs(hi)), 90) * RAD));
      rowFirstCell[slot] = c;
    }
    const col = cellColNum[c]!;
    cellRow[c] = slot;
    cellLatLo[c] = rowLatLo[slot]!;
    cellLatHi[c] = rowLatHi[slot]!;
    cellLonLo[c] = lonOrigin + col * w - wPad;
    cellLonHi[c] = lonOrigin + (col + 1) * w + wPad;
  }
  rowFirstCell[rowCount] = cellCount;

  return {
    latOrigin, lonOrigin, rowHeightDeg: h,
    rowCount, rowNumber, rowLatLo, rowLatHi, rowColWidthDeg, rowCosMin, rowCosMax, rowFirstCell,
    cellCount, cellRow, cellCol: cellColNum, cellLatLo, cellLatHi, cellLonLo, cellLonHi, cellFirst, order, xs, ys,
  };
}

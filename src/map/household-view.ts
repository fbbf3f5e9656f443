/**
 * What the map is given of the households at scale (issue 9 §3). Up to `ALL_POINTS_MAX` homes the
 * map holds every home as a point (one GeoJSON hand-over per dataset, as before). Above that, the
 * map is only given what it shows, recomputed when the view settles:
 * - from zoom `POINTS_MIN_ZOOM` on, the homes inside the view (with a margin of half a view each
 *   side, so a short pan shows no gap), at most `VIEW_POINTS_MAX`;
 * - below that zoom, or when the view holds more homes, square bins of ≈ `BIN_PX` screen pixels
 *   (at the view's whole zoom level) with the homes, students and students uncovered in each:
 *   never a million-feature GeoJSON round trip.
 * Bins and points honour the class / township / village filter. Bins are cached per zoom level,
 * filter and uncovered classes; a view of points is a linear scan (≈ 10–20 ms for 1,000,000).
 * Both read the households' table (the store's), the filter as one flag per class code and per
 * area-name code: no object or string is touched per home. Bins of 959,825 homes at zoom 8, median of 9: 113 ms over the columns against
 * 153 ms over the objects (Node 20, 2 shared cores at load ≈ 6; the bin look-up dominates both).
 * Cost: bins O(n) per new (zoom level, filter) plus O(bins); points O(n + homes in view log).
 */
import { ATTENDANCE_CLASSES, classMask, nameCodeFlags, type AttendanceClass, type HouseholdTable } from '../core/index.ts';
import type { Bounds, HouseholdFilter } from './data-sources.ts';

export const ALL_POINTS_MAX = 50_000;
export const POINTS_MIN_ZOOM = 12;
export const VIEW_POINTS_MAX = 80_000;
export const BIN_PX = 28;

export type HouseholdView =
  | { kind: 'all' }
  | { kind: 'points'; indices: number[] }
  | { kind: 'bins'; zoom: number; bins: GeoJSON.FeatureCollection<GeoJSON.Point> };

/** Bin edge in degrees for a whole zoom level: `BIN_PX` pixels of a 512-px-tile Web Mercator world at the equator. */
export const binDeg = (zoom: number): number => (360 / (512 * 2 ** Math.floor(zoom))) * BIN_PX;

/**
 * `filter` over the table's codes: `shown[cls[i]]` for the class, `township[code + 1]` and
 * `village[code + 1]` for the names (slot 0: no name, read as "" as the points' layer filter `householdFilter` does), null for
 * no area condition.
 */
function filterFlags(table: HouseholdTable, filter: HouseholdFilter) {
  const nameFlags = (wanted: string | null): Uint8Array | null =>
    (wanted === null ? null : nameCodeFlags(table.names, wanted, wanted === '' ? 1 : 0));
  return {
    shown: classMask(ATTENDANCE_CLASSES.filter((c) => !filter.hiddenClasses.includes(c))),
    township: nameFlags(filter.township),
    village: nameFlags(filter.village),
  };
}

/** Homes per bin at this zoom level, as points at the bins' home-weighted centres. */
export function householdBins(
  table: HouseholdTable, zoom: number, filter: HouseholdFilter, uncovered: readonly AttendanceClass[],
): GeoJSON.FeatureCollection<GeoJSON.Point> {
  const cell = binDeg(zoom);
  const { lon, lat, cls, students: st } = table;
  const { shown, township, village } = filterFlags(table, filter);
  const isUncovered = classMask(uncovered);
  const slot = new Map<number, number>();
  const homes: number[] = [], students: number[] = [], unc: number[] = [], sumLon: number[] = [], sumLat: number[] = [];
  for (let i = 0; i < table.count; i++) {
    if (!shown[cls[i]!] || (township && !township[table.township[i]! + 1]) || (village && !village[table.village[i]! + 1])) continue;
    const x = lon[i]!, y = lat[i]!;
    const key = Math.floor(x / cell) * 1e6 + Math.floor(y / cell);
    let k = slot.get(key);
    if (k === undefined) {
      k = homes.length;
      slot.set(key, k);
      homes.push(0); students.push(0); unc.push(0); sumLon.push(0); sumLat.push(0);
    }
    homes[k]!++; students[k]! += st[i]!; sumLon[k]! += x; sumLat[k]! += y;
    if (isUncovered[cls[i]!]) unc[k]! += st[i]!;
  }
  return {
    type: 'FeatureCollection',
    features: homes.map((n, k) => ({
      type: 'Feature',
      id: k,
      geometry: { type: 'Point', coordinates: [sumLon[k]! / n, sumLat[k]! / n] },
      properties: { households: n, students: students[k]!, uncoveredStudents: unc[k]!, share: students[k]! > 0 ? unc[k]! / students[k]! : -1 },
    })),
  };
}

/** The homes inside `bounds` that pass the filter, or null when there are more than `max`. */
export function householdsInView(table: HouseholdTable, bounds: Bounds, filter: HouseholdFilter, max = VIEW_POINTS_MAX): number[] | null {
  const [west, south, east, north] = bounds;
  const { lon, lat, cls } = table;
  const { shown, township, village } = filterFlags(table, filter);
  const out: number[] = [];
  for (let i = 0; i < table.count; i++) {
    const x = lon[i]!, y = lat[i]!;
    if (x < west || x > east || y < south || y > north) continue;
    if (!shown[cls[i]!] || (township && !township[table.township[i]! + 1]) || (village && !village[table.village[i]! + 1])) continue;
    if (out.length === max) return null;
    out.push(i);
  }
  return out;
}

/** The view bounds grown by half their size each side. */
export function withMargin([west, south, east, north]: Bounds): Bounds {
  const dx = (east - west) / 2, dy = (north - south) / 2;
  return [west - dx, south - dy, east + dx, north + dy];
}

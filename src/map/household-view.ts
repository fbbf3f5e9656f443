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
 * Cost: bins O(n) per new (zoom level, filter) plus O(bins); points O(n + homes in view log).
 */
import type { AttendanceClass, Household } from '../core/index.ts';
import type { Bounds, HouseholdFilter } from './data-sources.ts';

export const ALL_POINTS_MAX = 50_000;
export const POINTS_MIN_ZOOM = 12;
export const VIEW_POINTS_MAX = 80_000;
export const BIN_PX = 28;

export type HouseholdView =
  | { kind: 'all' }
  | { kind: 'points'; indices: number[] }
  | { kind: 'bins'; zoom: number; bins: GeoJSON.FeatureCollection<GeoJSON.Point> };

export function matchesFilter(h: Household, filter: HouseholdFilter): boolean {
  return !filter.hiddenClasses.includes(h.cls)
    && (filter.township === null || (h.township ?? '') === filter.township)
    && (filter.village === null || (h.village ?? '') === filter.village);
}

/** Bin edge in degrees for a whole zoom level: `BIN_PX` pixels of a 512-px-tile Web Mercator world at the equator. */
export const binDeg = (zoom: number): number => (360 / (512 * 2 ** Math.floor(zoom))) * BIN_PX;

/** Homes per bin at this zoom level, as points at the bins' home-weighted centres. */
export function householdBins(
  households: readonly Household[], zoom: number, filter: HouseholdFilter, uncovered: readonly AttendanceClass[],
): GeoJSON.FeatureCollection<GeoJSON.Point> {
  const cell = binDeg(zoom);
  const isUncovered = new Set(uncovered);
  const slot = new Map<number, number>();
  const homes: number[] = [], students: number[] = [], unc: number[] = [], sumLon: number[] = [], sumLat: number[] = [];
  for (const h of households) {
    if (!matchesFilter(h, filter)) continue;
    const key = Math.floor(h.lon / cell) * 1e6 + Math.floor(h.lat / cell);
    let k = slot.get(key);
    if (k === undefined) {
      k = homes.length;
      slot.set(key, k);
      homes.push(0); students.push(0); unc.push(0); sumLon.push(0); sumLat.push(0);
    }
    homes[k]!++; students[k]! += h.students; sumLon[k]! += h.lon; sumLat[k]! += h.lat;
    if (isUncovered.has(h.cls)) unc[k]! += h.students;
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
export function householdsInView(households: readonly Household[], bounds: Bounds, filter: HouseholdFilter, max = VIEW_POINTS_MAX): number[] | null {
  const [west, south, east, north] = bounds;
  const out: number[] = [];
  for (let i = 0; i < households.length; i++) {
    const h = households[i]!;
    if (h.lon < west || h.lon > east || h.lat < south || h.lat > north || !matchesFilter(h, filter)) continue;
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

/**
 * Turns the store's households and sites into the GeoJSON the map draws, and the filter that
 * hides classes and areas. Features carry only what the layers need — no ids, no names, no
 * personal fields — and `i`, the household's index in the dataset.
 */
import type { FilterSpecification } from 'maplibre-gl';
import type { AttendanceClass, Household, Site } from '../core/index.ts';

/** Draw order: the classes that matter most are drawn last, on top. */
const DRAW_RANK: Record<AttendanceClass, number> = { unknown: 0, good: 1, fair: 2, poor: 3, none: 4 };

export function householdsGeoJson(households: readonly Household[]): GeoJSON.FeatureCollection<GeoJSON.Point> {
  const order = households.map((_, i) => i);
  order.sort((a, b) => DRAW_RANK[households[a]!.cls] - DRAW_RANK[households[b]!.cls] || a - b);
  return {
    type: 'FeatureCollection',
    features: order.map((i) => {
      const h = households[i]!;
      return {
        type: 'Feature',
        id: i,
        geometry: { type: 'Point', coordinates: [h.lon, h.lat] },
        properties: { i, cls: h.cls, students: h.students, township: h.township ?? '', village: h.village ?? '' },
      };
    }),
  };
}

export function sitesGeoJson(sites: readonly Site[]): GeoJSON.FeatureCollection<GeoJSON.Point> {
  return {
    type: 'FeatureCollection',
    features: sites.map((site, i) => ({
      type: 'Feature',
      id: i,
      geometry: { type: 'Point', coordinates: [site.lon, site.lat] },
      properties: { i, name: site.name },
    })),
  };
}

export interface HouseholdFilter {
  hiddenClasses: readonly AttendanceClass[];
  township: string | null;
  village: string | null;
}

export function householdFilter({ hiddenClasses, township, village }: HouseholdFilter): FilterSpecification {
  const conditions: FilterSpecification[] = [];
  if (hiddenClasses.length > 0) conditions.push(['!', ['in', ['get', 'cls'], ['literal', [...hiddenClasses]]]]);
  if (township !== null) conditions.push(['==', ['get', 'township'], township]);
  if (village !== null) conditions.push(['==', ['get', 'village'], village]);
  return ['all', ...conditions] as FilterSpecification;
}

/** [west, south, east, north] of the households, or null when there are none. */
export function householdBounds(households: readonly Household[]): [number, number, number, number] | null {
  if (households.length === 0) return null;
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  for (const h of households) {
    if (h.lon < west) west = h.lon;
    if (h.lon > east) east = h.lon;
    if (h.lat < south) south = h.lat;
    if (h.lat > north) north = h.lat;
  }
  return [west, south, east, north];
}

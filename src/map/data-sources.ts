/**
 * Turns the store's households and sites into the GeoJSON the map draws, and the filter that
 * hides classes and areas. Features carry only what the layers need — no ids, no names, no
 * personal fields — and `i`, the household's index in the dataset.
 */
import { circle } from '@turf/circle';
import type { FilterSpecification } from 'maplibre-gl';
import {
  areaNameOf, householdClassAt, type AreaCounts, type AreaRow, type AttendanceClass, type BlindspotCluster, type HexCell, type HouseholdTable,
  type ProposedSite, type Site,
} from '../core/index.ts';

/** Draw order: the classes that matter most are drawn last, on top. */
const DRAW_RANK: Record<AttendanceClass, number> = { unknown: 0, good: 1, fair: 2, poor: 3, none: 4 };

/** Households as points (all of them, or those at `indices`), the worst classes last; `i` is the index into the table. */
export function householdsGeoJson(t: HouseholdTable, indices?: readonly number[]): GeoJSON.FeatureCollection<GeoJSON.Point> {
  const order = indices ? [...indices] : Array.from({ length: t.count }, (_, i) => i);
  const rank = (i: number) => DRAW_RANK[householdClassAt(t, i)];
  order.sort((a, b) => rank(a) - rank(b) || a - b);
  return {
    type: 'FeatureCollection',
    features: order.map((i) => ({
      type: 'Feature',
      id: i,
      geometry: { type: 'Point', coordinates: [t.lon[i]!, t.lat[i]!] },
      properties: {
        i, cls: householdClassAt(t, i), students: t.students[i]!, township: areaNameOf(t, t.township[i]!) ?? '', village: areaNameOf(t, t.village[i]!) ?? '',
      },
    })),
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

/** Each site's radius coverage as a geodesic circle: only a picture of the radius rule. */
export function siteCoverageGeoJson(sites: readonly Site[]): GeoJSON.FeatureCollection<GeoJSON.Polygon> {
  return {
    type: 'FeatureCollection',
    features: sites.map((site, i) => ({
      ...circle([site.lon, site.lat], site.radiusM, { units: 'meters', steps: 64 }),
      id: i,
      properties: { i },
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

export type Bounds = [west: number, south: number, east: number, north: number];

/** The extent of some [lon, lat] points, or null when there are none. */
export function lonLatBounds(points: Iterable<readonly [number, number]>): Bounds | null {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  for (const [lon, lat] of points) {
    if (lon < west) west = lon;
    if (lon > east) east = lon;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  return west <= east ? [west, south, east, north] : null;
}

/** The extent of the households (those at `indices` when given): one pass over the table's columns. */
export function householdBounds(households: HouseholdTable, indices?: ArrayLike<number>): Bounds | null {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  const n = indices ? indices.length : households.count;
  for (let k = 0; k < n; k++) {
    const i = indices ? indices[k]! : k;
    const lon = households.lon[i]!, lat = households.lat[i]!;
    if (lon < west) west = lon;
    if (lon > east) east = lon;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  return west <= east ? [west, south, east, north] : null;
}

export function clustersGeoJson(clusters: readonly BlindspotCluster[]): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: clusters.map((c, i) => ({ type: 'Feature', id: i, geometry: c.outline, properties: { i, rank: c.rank } })),
  };
}

export function clusterLabelsGeoJson(
  clusters: readonly BlindspotCluster[],
  label: (cluster: BlindspotCluster) => string,
): GeoJSON.FeatureCollection<GeoJSON.Point> {
  return {
    type: 'FeatureCollection',
    features: clusters.map((c, i) => ({
      type: 'Feature',
      id: i,
      geometry: { type: 'Point', coordinates: c.centroid },
      properties: { i, rank: c.rank, label: label(c) },
    })),
  };
}


/** The extent of a cluster's outline. */
export function outlineBounds(outline: GeoJSON.Polygon | GeoJSON.MultiPolygon): Bounds {
  const rings = outline.type === 'Polygon' ? outline.coordinates : outline.coordinates.flat();
  return lonLatBounds(rings.flat() as [number, number][])!;
}

/** Proposals as points (`i` = list index; `name` for the label; `status`: rejected ones are drawn faded). */
export function proposalsGeoJson(proposals: readonly ProposedSite[]): GeoJSON.FeatureCollection<GeoJSON.Point> {
  const points = sitesGeoJson(proposals);
  points.features.forEach((f, i) => (f.properties!.status = proposals[i]!.status));
  return points;
}

/** Each proposal's predicted coverage: the model's outline (a picture of its rule). */
/** What a proposal's coverage looks like on the map: an outline (null: none drawn yet). */
export type OutlineOf = (site: ProposedSite) => GeoJSON.Polygon | GeoJSON.MultiPolygon | null;

export function proposalCoverageGeoJson(
  proposals: readonly ProposedSite[], outlineOf: OutlineOf,
): GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon> {
  const features: GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>[] = [];
  proposals.forEach((site, i) => {
    const geometry = outlineOf(site);
    if (geometry) features.push({ type: 'Feature', id: i, geometry, properties: { i, status: site.status } });
  });
  return { type: 'FeatureCollection', features };
}

export function pinnedGeoJson(pinned: readonly (readonly [number, number])[]): GeoJSON.FeatureCollection<GeoJSON.Point> {
  return {
    type: 'FeatureCollection',
    features: pinned.map(([lon, lat], i) => ({ type: 'Feature', id: i, geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { i } })),
  };
}

/** Picks some households by index (isolated ones, newly covered ones) within the same class/area filter as the dots. */
export function indicesFilter(indices: readonly number[], filter: HouseholdFilter): FilterSpecification {
  return ['all', householdFilter(filter), ['in', ['get', 'i'], ['literal', [...indices]]]] as FilterSpecification;
}

const share = (c: AreaCounts, after: boolean): number =>
  c.students > 0 ? (after ? c.uncoveredStudentsAfter : c.uncoveredStudents) / c.students : -1;

/**
 * Areas as points at their homes' mean position, with `students`, `share` uncovered (before or
 * after the plan) and a `label`. `minHouseholds` leaves out small areas (privacy mode: 5).
 */
export function areasGeoJson(rows: readonly AreaRow[], after: boolean, label: (row: AreaRow) => string, minHouseholds: number): GeoJSON.FeatureCollection<GeoJSON.Point> {
  return {
    type: 'FeatureCollection',
    features: rows.flatMap((row, i) => (row.households < minHouseholds ? [] : [{
      type: 'Feature' as const,
      id: i,
      geometry: { type: 'Point' as const, coordinates: row.centroid },
      properties: { i, key: row.key, students: row.students, share: share(row, after), label: label(row) },
    }])),
  };
}

export function hexagonsGeoJson(cells: readonly HexCell[], after: boolean): GeoJSON.FeatureCollection<GeoJSON.Polygon> {
  return {
    type: 'FeatureCollection',
    features: cells.map((cell, i) => ({ type: 'Feature', id: i, geometry: cell.outline, properties: { i, students: cell.students, share: share(cell, after) } })),
  };
}

/**
 * The county outline as a region to sample in: "is this point inside?" (Turf's
 * booleanPointInPolygon on lon/lat, the very test the checks use) and "how far is it from the
 * outline?" (metres, in a local metric frame), plus the outline's extent in that frame.
 * Holes and MultiPolygons are handled. Distances are to the nearest outline segment, planar in the
 * local frame (good to about 1 % within a county).
 * Cost: O(vertices) per query (Shizhu: 624 vertices, about 2 µs per `contains`, 5 µs per distance).
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { LocalMetricFrame } from './local-metric-frame.ts';

export interface CountyRegion {
  frame: LocalMetricFrame;
  /** Extent of the outline in the frame, metres. */
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  containsLonLat(lon: number, lat: number): boolean;
  containsXY(x: number, y: number): boolean;
  /** Distance from (x, y) to the nearest point of the outline (any ring), metres. */
  edgeDistanceM(x: number, y: number): number;
}

export function createCountyRegion(county: Feature<Polygon | MultiPolygon>, frame: LocalMetricFrame): CountyRegion {
  const polygons = county.geometry.type === 'Polygon' ? [county.geometry.coordinates] : county.geometry.coordinates;
  // Every ring as flat x/y pairs in the frame.
  const rings: Float64Array[] = [];
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const xy = new Float64Array(ring.length * 2);
      ring.forEach((position, i) => {
        const [x, y] = frame.toXY(position[0] ?? 0, position[1] ?? 0);
        xy[2 * i] = x;
        xy[2 * i + 1] = y;
        minX = Math.min(minX, x); maxX = Math.max(maxX, x);
        minY = Math.min(minY, y); maxY = Math.max(maxY, y);
      });
      rings.push(xy);
    }
  }
  const containsLonLat = (lon: number, lat: number): boolean => booleanPointInPolygon([lon, lat], county);
  return {
    frame, minX, minY, maxX, maxY,
    containsLonLat,
    containsXY: (x, y) => {
      const [lon, lat] = frame.toLonLat(x, y);
      return containsLonLat(lon, lat);
    },
    edgeDistanceM: (px, py) => {
      let best = Infinity;
      for (const xy of rings) {
        for (let i = 0; i + 3 < xy.length; i += 2) {
          const ax = xy[i]!, ay = xy[i + 1]!, bx = xy[i + 2]!, by = xy[i + 3]!;
          const dx = bx - ax, dy = by - ay;
          const len2 = dx * dx + dy * dy;
          const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
          const ex = ax + t * dx - px, ey = ay + t * dy - py;
          best = Math.min(best, ex * ex + ey * ey);
        }
      }
      return Math.sqrt(best);
    },
  };
}

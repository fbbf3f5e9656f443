/**
 * The largest part of a Polygon or MultiPolygon, by the area of its outer ring less its holes
 * (shoelace in degrees², enough to compare parts of one small outline): what a one-Polygon
 * picture of a terrain outline shows (exports, `CoverageModel.outline`). An empty MultiPolygon
 * gives a Polygon with no rings. Cost: O(vertices).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Twice the signed area of a ring (shoelace, degrees², relative to its first point). */
function ringArea2(ring: Position[]): number {
  const [x0, y0] = ring[0] ?? [0, 0];
  let a = 0;
  for (let k = 0; k + 1 < ring.length; k++) {
    a += (ring[k]![0]! - x0!) * (ring[k + 1]![1]! - y0!) - (ring[k + 1]![0]! - x0!) * (ring[k]![1]! - y0!);
  }
  return a;
}

export function largestPolygon(geometry: Polygon | MultiPolygon): Polygon {
  if (geometry.type === 'Polygon') return geometry;
  let best: Position[][] = [], bestArea = -Infinity;
  for (const poly of geometry.coordinates) {
    const area = poly.reduce((s, ring) => s + ringArea2(ring), 0);
    if (area > bestArea) { bestArea = area; best = poly; }
  }
  return { type: 'Polygon', coordinates: best };
}

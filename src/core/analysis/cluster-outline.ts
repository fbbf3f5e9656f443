/**
 * The outline of one blind-spot cluster (FORMATS.md §5): the convex hull of the member homes,
 * buffered by `max(epsM / 2, 100 m)`, as an RFC 7946 Polygon (exterior ring counter-clockwise).
 *
 * Why this shape: the buffer makes every cluster an area, even one of 1–3 homes in a row or at
 * one place (their hull has fewer than 3 corners; we buffer the segment between the two end
 * homes, or the single point, instead). Half the DBSCAN radius keeps two clusters'
 * outlines apart in most cases while still enclosing the yard around each edge home; the 100 m
 * floor keeps tiny radii from giving slivers. The outline is what the map draws and what
 * "households inside the cluster" (any class) is counted against.
 *
 * Robustness: homes in a nearly straight row give a hull only ~1e-17 degrees² wide. Turf's
 * `convex` (concaveman) returned a self-crossing "hull" for them, and even a correct sliver hull
 * can cross itself once Turf's `buffer` projects it, after which JSTS drops part of the buffer and
 * a home ends up outside (both found by the property test). So the hull is Andrew's monotone
 * chain, here; the hull polygon is buffered with Turf and the result checked to hold every
 * member home. When it does not, the hull's closed boundary is buffered as a line instead — a
 * line may cross itself, a polygon may not — and the holes of that buffer dropped: for a convex
 * hull that is the same shape, at ~2.5× the cost, so it is only the fallback.
 *
 * Limits: convex, not concave — an L-shaped or ring-shaped cluster encloses homes in its bend
 * that DBSCAN did not put in the cluster (Turf's `concave` needs an edge length and returns null
 * on scattered points, so it is not robust enough here). Two nearby clusters' outlines can
 * overlap. Turf buffers in an azimuthal-equidistant projection around the shape's centre: exact
 * enough for clusters up to tens of kilometres; not for shapes near the poles or crossing the
 * antimeridian. Arcs have 8 segments per quarter circle.
 * Cost: O(m log m) for m member homes (sort and hull), a Turf buffer of the hull's h corners
 * (~1.3 ms for a 12-corner hull, Node 20), and m point-in-polygon checks of ~40 vertices each.
 */
import { booleanPointInPolygon, buffer, lineString, point, polygon, rewind } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { invariant } from '../model/errors.ts';

/** The least buffer around the hull, metres. */
export const OUTLINE_MIN_BUFFER_M = 100;

export function clusterOutline(points: readonly (readonly [number, number])[], epsM: number): Polygon | MultiPolygon {
  invariant(points.length > 0, 'clusterOutline needs at least one point');
  const bufferM = Math.max(epsM / 2, OUTLINE_MIN_BUFFER_M);
  const sorted = points.map((p): [number, number] => [p[0], p[1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const hull = convexHull(sorted);
  if (hull.length >= 3) {
    const ring = [...hull, hull[0]!];
    const outline = bufferedShape(polygon([ring]), bufferM);
    if (outline && points.every((p) => booleanPointInPolygon([p[0], p[1]], outline))) return outline;
    const fallback = bufferedShape(lineString(ring), bufferM);
    invariant(fallback && points.every((p) => booleanPointInPolygon([p[0], p[1]], fallback)),
      'the buffered hull holds every member');
    return fallback;
  }
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const outline = bufferedShape(first[0] !== last[0] || first[1] !== last[1] ? lineString([first, last]) : point(first), bufferM);
  invariant(outline, 'buffering a point or a segment gives a polygon');
  return outline;
}

/** Turf's buffer of a shape, holes dropped, RFC 7946 winding; null if it is not a polygon. */
function bufferedShape(shape: Feature, bufferM: number): Polygon | MultiPolygon | null {
  const geometry = buffer(shape, bufferM, { units: 'meters', steps: 8 })?.geometry;
  if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) return null;
  const filled: Polygon | MultiPolygon = geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: [geometry.coordinates[0]!] }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((rings) => [rings[0]!]) };
  return rewind(filled, { mutate: true }) as Polygon | MultiPolygon; // a fresh object of ours: rewound in place
}

/**
 * Corners of the convex hull of points sorted by lon then lat, counter-clockwise, without
 * collinear or repeated points (Andrew's monotone chain). Fewer than 3 corners: all points lie on
 * one line (or at one place).
 */
function convexHull(sorted: readonly [number, number][]): [number, number][] {
  const [x0, y0] = sorted[0]!;
  // Cross product relative to the first point keeps the numbers small (less cancellation).
  const cross = (o: [number, number], a: [number, number], b: [number, number]) =>
    ((a[0] - x0) - (o[0] - x0)) * ((b[1] - y0) - (o[1] - y0)) - ((a[1] - y0) - (o[1] - y0)) * ((b[0] - x0) - (o[0] - x0));
  const chain = (pts: readonly [number, number][]) => {
    const out: [number, number][] = [];
    for (const p of pts) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  const hull = [...chain(sorted), ...chain([...sorted].reverse())];
  return hull.length >= 3 ? hull : [];
}

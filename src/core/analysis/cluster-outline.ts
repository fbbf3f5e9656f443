/**
 * The outline of one blind-spot cluster (FORMATS.md §5): the convex hull of the member homes,
 * buffered by `max(epsM / 2, 100 m)`, as an RFC 7946 Polygon (one closed exterior ring,
 * counter-clockwise, no holes).
 *
 * Why this shape: the buffer makes every cluster an area, even one of 1–2 homes or of homes in a
 * row. Half the DBSCAN radius keeps two clusters' outlines apart in most cases while still
 * enclosing the yard around each edge home; the 100 m floor keeps tiny radii from giving slivers.
 * The outline is what the map draws and what "households inside the cluster" (any class) is
 * counted against.
 *
 * How: the homes are projected into a metric frame around the centre of their bounding box —
 * azimuthal equidistant on the sphere of R = 6,371,008.8 m, the frame Turf's `buffer` uses
 * (written with half-angle sines, so it stays exact for homes metres apart). Their convex hull
 * there (Andrew's monotone chain; repeated homes merged) is offset by the buffer radius r: its
 * Minkowski sum with a disc — per hull corner an arc of radius r from the outward normal of the
 * incoming edge to that of the outgoing edge, round(turn / (π/16)) ≥ 1 chords (8 per quarter
 * circle, Turf's `steps: 8`, with JSTS's rounding; a corner turning less than 1e-3 rad gets one
 * point), the offset edges between the arcs. One home gives a 32-gon, two a stadium. The corners
 * are projected back to lon/lat and checked to turn left at each corner there; where the
 * projection bent a nearly straight one inwards, the ring is hulled once more (Andrew), which
 * drops it. So the ring is convex and counter-clockwise in
 * lon/lat by construction, the plane in which the map draws it and point-in-polygon tests read it.
 *
 * Guarantees: every member lies inside, at least r·cos(0.75·π/16) ≈ 0.989 r from the edge (an
 * arc's chords cut inside it, by at most that much when one chord spans up to 1.5 × π/16) less
 * the projection's bending of straight edges (the test asserts ≥ 0.985 r on clusters up to 20 km
 * across); no self-crossing, whatever the homes (repeats, near-straight rows whose lon/lat hull is
 * ~1e-17 degrees² wide — they made Turf's JSTS-based buffer drop part of the area and needed a
 * line-buffer fallback; a straight row in lon/lat is a sliver here, buffered like any hull).
 * Against Turf's `buffer` of the same hull (test/unit/core/analysis/cluster-outline.test.ts, 360
 * seeded clusters of 1–200 homes spread over 10 m–20 km at 20–45° N): the same corners to ~1e-11
 * in most cases; areas within 0.16 % (a row of homes, whose sliver arcs round differently; 1e-6
 * otherwise), boundaries within 0.22 % of r.
 *
 * Limits: convex, not concave — an L-shaped or ring-shaped cluster encloses homes in its bend
 * that DBSCAN did not put in the cluster. Two nearby clusters' outlines can overlap. Exact
 * enough for clusters up to tens of kilometres; not for shapes near the poles or crossing the
 * antimeridian. Arcs are chords (a circle's area is 0.64 % short of πr²).
 * Cost: O(m log m) for m member homes (m projections, a sort and a hull), then O(h + 32) for h
 * hull corners (one sine and cosine per arc, rotations between its chords, one inverse projection
 * per corner; a convexity check, rarely a second hull). Measured (Node 20, 2 shared cores, load
 * ~7, `clusterOutline` alone, min–median of 9): the 3,243 clusters (72,354 homes) of the seeded
 * municipality in 83–156 ms, 26–48 µs a cluster; Turf's buffer took 4.1–5.8 s for the same
 * (~1.5 ms a cluster) in the same process.
 */
import type { Polygon } from 'geojson';
import { invariant } from '../model/errors.ts';
import { EARTH_RADIUS_M } from './haversine-lon-lat-m.ts';

/** The least buffer around the hull, metres. */
export const OUTLINE_MIN_BUFFER_M = 100;

/** Chords per quarter circle of an arc (Turf's `steps`). */
const ARC_STEPS_PER_QUARTER = 8;
const ARC_QUANTUM_RAD = Math.PI / 2 / ARC_STEPS_PER_QUARTER;
/** A corner that turns less than this many radians gets one point, not an arc (JSTS: 1e-3 of r). */
const MERGE_TURN_RAD = 1e-3;

const RAD = Math.PI / 180;
const DEG = 180 / Math.PI;

export function clusterOutline(points: readonly (readonly [number, number])[], epsM: number): Polygon {
  const m = points.length;
  invariant(m > 0, 'clusterOutline needs at least one point');
  const bufferM = Math.max(epsM / 2, OUTLINE_MIN_BUFFER_M);
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  for (const [x, y] of points) {
    invariant(Number.isFinite(x) && Number.isFinite(y), 'clusterOutline needs finite positions');
    if (x < west) west = x;
    if (x > east) east = x;
    if (y < south) south = y;
    if (y > north) north = y;
  }
  const frame = azimuthalEquidistantFrame((west + east) / 2, (south + north) / 2);

  const xy = new Float64Array(2 * m);
  for (let i = 0; i < m; i++) frame.project(points[i]![0], points[i]![1], xy, 2 * i);
  const hull = convexHull(xy);

  const corners: number[] = []; // x0, y0, x1, y1, … of the buffer, in the projected frame
  const k = hull.length / 2;
  if (k === 1) {
    pushArc(corners, hull[0]!, hull[1]!, bufferM, 0, ARC_QUANTUM_RAD, 4 * ARC_STEPS_PER_QUARTER);
  } else {
    for (let i = 0; i < k; i++) {
      const p = (i + k - 1) % k, n = (i + 1) % k;
      const cx = hull[2 * i]!, cy = hull[2 * i + 1]!;
      const inX = cx - hull[2 * p]!, inY = cy - hull[2 * p + 1]!;
      const outX = hull[2 * n]! - cx, outY = hull[2 * n + 1]! - cy;
      // Outward normal of a counter-clockwise edge (dx, dy): (dy, −dx).
      const start = Math.atan2(-inX, inY);
      // The turn from one edge's direction to the next: in (0, π) for a convex corner, π at the
      // ends of a two-corner "hull" (a stadium); rounding may give ±0 or −π there.
      let turn = Math.atan2(inX * outY - inY * outX, inX * outX + inY * outY);
      if (turn < 0) turn = turn < -Math.PI / 2 ? turn + 2 * Math.PI : 0;
      if (turn < MERGE_TURN_RAD) {
        pushArc(corners, cx, cy, bufferM, start + turn / 2, 0, 1);
        continue;
      }
      const chords = Math.max(1, Math.round(turn / ARC_QUANTUM_RAD));
      pushArc(corners, cx, cy, bufferM, start, turn / chords, chords + 1);
    }
  }

  const lonLat = new Float64Array(corners.length);
  for (let j = 0; j < corners.length; j += 2) frame.unproject(corners[j]!, corners[j + 1]!, lonLat, j);
  const ring = isStrictlyConvex(lonLat) ? lonLat : convexHull(lonLat);
  invariant(ring.length >= 6, 'the buffer has at least three corners');
  const coordinates: [number, number][] = [];
  for (let j = 0; j < ring.length; j += 2) coordinates.push([ring[j]!, ring[j + 1]!]);
  coordinates.push([ring[0]!, ring[1]!]);
  return { type: 'Polygon', coordinates: [coordinates] };
}

/** Pushes `count` points of the circle (cx, cy, r) at angles start, start + step, …: one sine and cosine pair, then rotations. */
function pushArc(out: number[], cx: number, cy: number, r: number, start: number, step: number, count: number): void {
  let u = Math.cos(start), v = Math.sin(start);
  const cs = Math.cos(step), sn = Math.sin(step);
  for (let j = 0; j < count; j++) {
    out.push(cx + r * u, cy + r * v);
    const w = u * cs - v * sn;
    v = u * sn + v * cs;
    u = w;
  }
}

interface Frame {
  /** Writes the frame's (x east, y north) metres of (lon, lat) degrees to out[at], out[at + 1]. */
  project(lon: number, lat: number, out: Float64Array, at: number): void;
  /** Writes (lon, lat) degrees of the frame's (x, y) metres to out[at], out[at + 1]. */
  unproject(x: number, y: number, out: Float64Array, at: number): void;
}

/**
 * The spherical azimuthal equidistant projection centred at (lon0, lat0): distances and
 * directions from the centre are true. Forward with half-angle sines (no acos near 1).
 */
function azimuthalEquidistantFrame(lon0: number, lat0: number): Frame {
  const phi0 = lat0 * RAD;
  const sin0 = Math.sin(phi0), cos0 = Math.cos(phi0);
  return {
    project(lon, lat, out, at) {
      const phi = lat * RAD;
      const dLam = (lon - lon0) * RAD;
      const cosPhi = Math.cos(phi);
      const sLam = Math.sin(dLam / 2), sPhi = Math.sin((phi - phi0) / 2);
      const a = Math.min(1, sPhi * sPhi + cos0 * cosPhi * sLam * sLam);
      const c = 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)); // angular distance from the centre
      const k = c > 0 ? (EARTH_RADIUS_M * c) / Math.sin(c) : EARTH_RADIUS_M;
      out[at] = k * cosPhi * Math.sin(dLam);
      // cos φ0 sin φ − sin φ0 cos φ cos Δλ, without the cancellation
      out[at + 1] = k * (Math.sin(phi - phi0) + 2 * sin0 * cosPhi * sLam * sLam);
    },
    unproject(x, y, out, at) {
      const rho = Math.hypot(x, y);
      if (rho === 0) {
        out[at] = lon0;
        out[at + 1] = lat0;
        return;
      }
      const c = rho / EARTH_RADIUS_M;
      const sinC = Math.sin(c), cosC = Math.cos(c);
      out[at + 1] = Math.asin(Math.max(-1, Math.min(1, cosC * sin0 + (y * sinC * cos0) / rho))) * DEG;
      out[at] = lon0 + Math.atan2(x * sinC, rho * cos0 * cosC - y * sin0 * sinC) * DEG;
    },
  };
}

/** Whether the ring (x0, y0, x1, y1, …, not closed) turns left, by a nonzero cross product, at every corner. */
function isStrictlyConvex(xy: Float64Array): boolean {
  const n = xy.length / 2;
  for (let i = 0; i < n; i++) {
    const a = 2 * i, b = 2 * ((i + 1) % n), c = 2 * ((i + 2) % n);
    const ax = xy[a]!, ay = xy[a + 1]!;
    if ((xy[b]! - ax) * (xy[c + 1]! - ay) - (xy[b + 1]! - ay) * (xy[c]! - ax) <= 0) return false;
  }
  return true;
}

/**
 * Corners of the convex hull of the points (x0, y0, x1, y1, …), counter-clockwise (x right, y
 * up), starting at the least x (then y), without collinear or repeated points (Andrew's
 * monotone chain). All points at one place: that point; all on one line: its two ends.
 */
function convexHull(xy: Float64Array): Float64Array {
  const n = xy.length / 2;
  const order: number[] = [];
  for (let i = 0; i < n; i++) order.push(i);
  order.sort((a, b) => xy[2 * a]! - xy[2 * b]! || xy[2 * a + 1]! - xy[2 * b + 1]!);
  // Relative to the first point: smaller numbers, less cancellation in the cross products.
  const x0 = xy[2 * order[0]!]!, y0 = xy[2 * order[0]! + 1]!;
  const xs = new Float64Array(n), ys = new Float64Array(n);
  let u = 0;
  for (const i of order) {
    const x = xy[2 * i]! - x0, y = xy[2 * i + 1]! - y0;
    if (u > 0 && x === xs[u - 1] && y === ys[u - 1]) continue;
    xs[u] = x;
    ys[u] = y;
    u++;
  }
  if (u === 1) return Float64Array.of(x0, y0);
  const stack = new Int32Array(2 * u);
  let top = 0;
  const cross = (o: number, a: number, b: number) =>
    (xs[a]! - xs[o]!) * (ys[b]! - ys[o]!) - (ys[a]! - ys[o]!) * (xs[b]! - xs[o]!);
  for (let i = 0; i < u; i++) { // lower chain
    while (top >= 2 && cross(stack[top - 2]!, stack[top - 1]!, i) <= 0) top--;
    stack[top++] = i;
  }
  for (let i = u - 2, lower = top + 1; i >= 0; i--) { // upper chain
    while (top >= lower && cross(stack[top - 2]!, stack[top - 1]!, i) <= 0) top--;
    stack[top++] = i;
  }
  top--; // the first point again
  const out = new Float64Array(2 * top);
  for (let j = 0; j < top; j++) {
    out[2 * j] = xs[stack[j]!]! + x0;
    out[2 * j + 1] = ys[stack[j]!]! + y0;
  }
  return out;
}

/**
 * Hexagon aggregation of the committee view (issue 6 §3): the same counts as `aggregateAreas`,
 * per H3 cell (`h3-js` v4) at a chosen resolution, for the map's hexagon mode.
 * Rules: a home belongs to the cell holding its [lon, lat] (`latLngToCell`); counts and "after"
 * are exactly `aggregateAreas`' (class in `uncovered` today; not newly covered by a counting
 * proposal after; `rejected` covers nothing), so the cells' counts sum to the area totals. With
 * `privacy`, a cell with fewer than `PRIVACY_MIN_COUNT` (5) households is left out — never drawn,
 * never counted on the map; counts of the kept cells stay numbers (show them with
 * `suppressSmallCount`). Each cell carries its outline as a GeoJSON Polygon: [lon, lat], closed
 * ring, counter-clockwise exterior (RFC 7946 §3.1.6), 6 vertices (5 for the twelve pentagons).
 * Output sorted by H3 index (a stable order for the map source). Inputs are not changed.
 * Resolution: a whole number 0 … 15 (`UserInputError` `invalid_hex_resolution` otherwise); the
 * map picks it with `hexResolutionForZoom`, never finer than 8 (see the table there).
 * Input: a `HouseholdTable` or `Household[]` (its cached table); the counts are `countAreaGroups`'
 * (typed arrays, one `Map` look-up per home by cell).
 * Cost: O(n) cell look-ups (h3-js is the H3 C library compiled to JavaScript: ~1–2 µs each measured
 * under Node 20, so ~0.1–0.2 s per 100,000 homes) + O(cells) outlines + the plan's O(Σ homes in
 * circles). Measured on the table of 959,825 seeded homes, resolution 7, a plan of 20 proposals of
 * 3 km: 1.2–1.3 s (before, objects and `addToAreaCounts` per home: 2.4–2.6 s; Node 20, 2 shared cores).
 */
import type { Polygon } from 'geojson';
import { cellToBoundary, latLngToCell } from 'h3-js';
import type { AreaCounts } from '../model/area.ts';
import { UserInputError } from '../model/errors.ts';
import type { CoverageModel, ProposedSite } from '../model/proposal.ts';
import type { AttendanceClass, Household } from '../model/types.ts';
import { classMask, type HouseholdTable } from '../model/household-table.ts';
import { asHouseholdTable } from '../io/household-table-of.ts';
import { householdsAfterCovered } from './aggregate-areas.ts';
import { countAreaGroups } from './count-area-groups.ts';
import { PRIVACY_MIN_COUNT } from './suppress-small-count.ts';

export interface HexCell extends AreaCounts {
  /** H3 cell index (15 hex digits). */
  h3: string;
  /** The cell's outline: [lon, lat], closed ring, counter-clockwise. */
  outline: Polygon;
}

export interface AggregateHexagonsOptions {
  /** H3 resolution, 0 … 15 (the map: `hexResolutionForZoom(zoom)`). */
  resolution: number;
  uncovered: readonly AttendanceClass[];
  proposals?: readonly ProposedSite[];
  model?: CoverageModel;
  /** Leave out cells with fewer than 5 households. */
  privacy?: boolean;
}

/**
 * Map zoom → H3 resolution. Average cell sizes (h3-js `getHexagonAreaAvg` / edge length):
 * res 6 ≈ 36.1 km² (edge ≈ 3.7 km, a township's share), res 7 ≈ 5.16 km² (edge ≈ 1.4 km, a
 * village), res 8 ≈ 0.74 km² (edge ≈ 0.53 km, a hamlet). Never finer than 8: a finer cell could
 * hold a single home at village density and so point at it.
 */
export const HEX_RESOLUTION_BY_ZOOM: readonly { maxZoom: number; resolution: number }[] = Object.freeze([
  { maxZoom: 8, resolution: 6 },
  { maxZoom: 10, resolution: 7 },
  { maxZoom: Infinity, resolution: 8 },
]);
/** The finest resolution the map uses. */
export const HEX_MAX_RESOLUTION = 8;

/** zoom ≤ 8 → 6, 9–10 → 7, ≥ 11 → 8 (fractional zooms are floored; not a number → 6). */
export function hexResolutionForZoom(zoom: number): number {
  const z = Number.isFinite(zoom) ? Math.floor(zoom) : -Infinity;
  return HEX_RESOLUTION_BY_ZOOM.find((r) => z <= r.maxZoom)?.resolution ?? HEX_MAX_RESOLUTION;
}

function outlineOf(cell: string): Polygon {
  const ring = cellToBoundary(cell, true) as [number, number][];
  const first = ring[0]!, last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push([first[0], first[1]]);
  let twiceArea = 0;
  for (let i = 0; i + 1 < ring.length; i++) twiceArea += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  if (twiceArea < 0) ring.reverse();
  return { type: 'Polygon', coordinates: [ring] };
}

export function aggregateHexagons(homes: readonly Household[] | HouseholdTable, options: AggregateHexagonsOptions): HexCell[] {
  const { resolution } = options;
  if (!Number.isInteger(resolution) || resolution < 0 || resolution > 15) {
    throw new UserInputError('invalid_hex_resolution', `the hexagon resolution must be a whole number from 0 to 15, got ${resolution}`,
      { resolution });
  }
  const table = asHouseholdTable(homes);
  const after = householdsAfterCovered(table, options.uncovered, options.proposals, options.model);
  const cellIndex = new Map<string, number>();
  const cells: string[] = [];
  const cellOfHome = new Int32Array(table.count);
  for (let i = 0; i < table.count; i++) {
    const cell = latLngToCell(table.lat[i]!, table.lon[i]!, resolution);
    let k = cellIndex.get(cell);
    if (k === undefined) { k = cells.length; cells.push(cell); cellIndex.set(cell, k); }
    cellOfHome[i] = k;
  }
  const { groups } = countAreaGroups(table, cellOfHome, cells.length, classMask(options.uncovered), after);
  const out: HexCell[] = [];
  cells.forEach((h3, k) => {
    const c = groups[k]!;
    if (options.privacy && c.households < PRIVACY_MIN_COUNT) return;
    // One literal, not a spread of `c` (a spread gives each cell its own hidden class; see aggregateAreas).
    out.push({
      households: c.households, students: c.students, byClassStudents: c.byClassStudents, byClassHouseholds: c.byClassHouseholds,
      uncoveredHouseholds: c.uncoveredHouseholds, uncoveredStudents: c.uncoveredStudents,
      uncoveredHouseholdsAfter: c.uncoveredHouseholdsAfter, uncoveredStudentsAfter: c.uncoveredStudentsAfter, h3, outline: outlineOf(h3),
    });
  });
  return out.sort((a, b) => (a.h3 < b.h3 ? -1 : a.h3 > b.h3 ? 1 : 0));
}

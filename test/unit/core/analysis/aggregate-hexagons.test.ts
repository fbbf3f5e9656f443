import { booleanPointInPolygon } from '@turf/turf';
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import {
  aggregateAreas, aggregateHexagons, ATTENDANCE_CLASSES, hexResolutionForZoom, HEX_MAX_RESOLUTION, type AreaCounts,
  type AttendanceClass, type Household, type HexCell,
} from '../../../../src/core/index.ts';
import { createSeededRandom } from '../../../../src/core/demo/seeded-random.ts';
import { at, proposal } from '../coverage/fixtures.ts';

const UNCOVERED: AttendanceClass[] = ['none', 'poor'];

function home(id: string, [lon, lat]: [number, number], cls: AttendanceClass, students: number): Household {
  return Object.freeze({ id, lon, lat, students, cls, line: 0, personal: {}, reports: [{ line: 0, cls }], village: '龙池村' });
}

/** 400 homes over ~12 × 12 km around (108.2, 30), seeded; a dense hamlet of 30 near the centre, a lone home far east. */
function homes(): Household[] {
  const rng = createSeededRandom(7);
  const random = () => rng.next();
  const out: Household[] = [];
  for (let i = 0; i < 370; i++) {
    out.push(home(`h${i}`, at((random() - 0.5) * 12_000, (random() - 0.5) * 12_000), ATTENDANCE_CLASSES[Math.floor(random() * 5)]!,
      Math.floor(random() * 4)));
  }
  for (let i = 0; i < 30; i++) out.push(home(`v${i}`, at(random() * 200, random() * 200), 'none', 1));
  out.push(home('lone', at(40_000, 0), 'none', 2));
  return out;
}
const HOMES = Object.freeze(homes());
const PLAN = [proposal('P', at(100, 100), 2000), proposal('Q', at(-4000, 4000), 3000, { status: 'rejected' })];

const FIELDS: ((c: AreaCounts) => number)[] = [
  (c) => c.households, (c) => c.students, (c) => c.uncoveredHouseholds, (c) => c.uncoveredStudents,
  (c) => c.uncoveredHouseholdsAfter, (c) => c.uncoveredStudentsAfter,
  ...ATTENDANCE_CLASSES.flatMap((k) => [(c: AreaCounts) => c.byClassStudents[k], (c: AreaCounts) => c.byClassHouseholds[k]]),
];
const sum = (cells: readonly HexCell[], f: (c: AreaCounts) => number) => cells.reduce((s, c) => s + f(c), 0);

describe('aggregateHexagons', () => {
  it('without privacy, the cells\' counts add up to the area totals at every resolution the map uses', () => {
    const totals = aggregateAreas(HOMES, { level: 'county', uncovered: UNCOVERED, proposals: PLAN }).totals;
    expect(totals.uncoveredStudentsAfter).toBeLessThan(totals.uncoveredStudents);
    for (const resolution of [6, 7, 8]) {
      const cells = aggregateHexagons(HOMES, { resolution, uncovered: UNCOVERED, proposals: PLAN });
      for (const f of FIELDS) expect(sum(cells, f)).toBe(f(totals));
      expect(new Set(cells.map((c) => c.h3)).size).toBe(cells.length);
      expect(cells.map((c) => c.h3)).toEqual(cells.map((c) => c.h3).sort());
    }
  });

  it('puts each home in the cell whose outline holds it', () => {
    const cells = new Map(aggregateHexagons(HOMES, { resolution: 8, uncovered: UNCOVERED }).map((c) => [c.h3, c]));
    for (const h of HOMES) {
      const cell = cells.get(latLngToCell(h.lat, h.lon, 8));
      expect(cell).toBeDefined();
      expect(booleanPointInPolygon([h.lon, h.lat], cell!.outline)).toBe(true);
    }
    const hamlet = cells.get(latLngToCell(HOMES[370]!.lat, HOMES[370]!.lon, 8))!;
    expect(hamlet.byClassHouseholds.none).toBeGreaterThanOrEqual(1);
  });

  it('privacy leaves out the cells with fewer than 5 households, and keeps the others unchanged', () => {
    const all = aggregateHexagons(HOMES, { resolution: 8, uncovered: UNCOVERED, proposals: PLAN });
    const kept = aggregateHexagons(HOMES, { resolution: 8, uncovered: UNCOVERED, proposals: PLAN, privacy: true });
    expect(all.some((c) => c.households < 5)).toBe(true);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(all.filter((c) => c.households >= 5));
    const lone = latLngToCell(HOMES[400]!.lat, HOMES[400]!.lon, 8);
    expect(all.find((c) => c.h3 === lone)?.households).toBe(1);
    expect(kept.find((c) => c.h3 === lone)).toBeUndefined();
  });

  it('outlines are closed, counter-clockwise GeoJSON rings of 6 corners', () => {
    for (const cell of aggregateHexagons(HOMES, { resolution: 7, uncovered: UNCOVERED })) {
      expect(cell.outline.type).toBe('Polygon');
      expect(cell.outline.coordinates).toHaveLength(1);
      const ring = cell.outline.coordinates[0]!;
      expect(ring).toHaveLength(7);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      let twiceArea = 0;
      for (let i = 0; i + 1 < ring.length; i++) twiceArea += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
      expect(twiceArea).toBeGreaterThan(0);
      for (const [lon, lat] of ring) {
        expect(lon).toBeGreaterThan(107.5);
        expect(lon).toBeLessThan(109);
        expect(lat).toBeGreaterThan(29.5);
        expect(lat).toBeLessThan(30.5);
      }
    }
  });

  it('rejects a resolution that is not a whole number 0 … 15', () => {
    for (const resolution of [-1, 16, 7.5, NaN]) {
      expect(() => aggregateHexagons(HOMES, { resolution, uncovered: UNCOVERED }))
        .toThrow(expect.objectContaining({ code: 'invalid_hex_resolution' }) as unknown as Error);
    }
    expect(aggregateHexagons([], { resolution: 8, uncovered: UNCOVERED })).toEqual([]);
  });
});

describe('hexResolutionForZoom', () => {
  it('zoom ≤ 8 → 6, 9–10 → 7, ≥ 11 → 8, never finer than 8', () => {
    expect([0, 5, 8, 8.99, 9, 10, 10.5, 11, 12, 13, 18, 22].map(hexResolutionForZoom)).toEqual([6, 6, 6, 6, 7, 7, 7, 8, 8, 8, 8, 8]);
    expect(hexResolutionForZoom(NaN)).toBe(6);
    expect(hexResolutionForZoom(Infinity)).toBe(6);
    expect(HEX_MAX_RESOLUTION).toBe(8);
  });
});

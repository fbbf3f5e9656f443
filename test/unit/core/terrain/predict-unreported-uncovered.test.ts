import { describe, expect, it } from 'vitest';
import { predictUnreportedUncovered } from '../../../../src/core/terrain/predict-unreported-uncovered.ts';
import { haversineLonLatM } from '../../../../src/core/analysis/haversine-lon-lat-m.ts';
import type { AttendanceClass, Household, Site } from '../../../../src/core/model/types.ts';
import { tableByHand } from '../analysis/table-by-hand.ts';

const site = (id: string, lon: number, lat: number): Site => ({
  id, name: id, lon, lat, status: 'existing', antennaHeightM: 30, bandMHz: 900, eirpDbm: 58, radiusM: 3000,
});
const home = (lon: number, lat: number, cls: AttendanceClass, students = 1): Household =>
  ({ id: `h${lon},${lat},${cls}`, lon, lat, cls, students, reports: [], personal: {}, line: 0 });

/** A model covering everything within 2 km on the same side of a "ridge" at 108.05° E; records what it was asked. */
function fakeModel() {
  const asked: [string, number, number][] = [];
  return {
    asked,
    id: 'fake',
    reachM: () => 2_000,
    covers(s: Site, lon: number, lat: number) {
      asked.push([s.id, lon, lat]);
      return haversineLonLatM(s.lon, s.lat, lon, lat) <= 2_000 && (lon <= 108.05) === (s.lon <= 108.05);
    },
    outline: () => ({ type: 'Polygon' as const, coordinates: [] }),
  };
}

describe('predictUnreportedUncovered', () => {
  it('flags only unknown homes that no site covers, asking only sites within reach', () => {
    const homes = [
      home(108.03, 30, 'unknown', 2), // covered by S1
      home(108.06, 30, 'unknown', 3), // within reach of S1 but behind the "ridge": flagged
      home(108.06, 30, 'none'), // behind the ridge but reported: never flagged
      home(108.5, 30, 'unknown', 1), // out of every site's reach: flagged, never asked
      home(108.2, 30, 'unknown', 1), // covered by S2 only
      home(108.2, 30, 'good'),
    ];
    const model = fakeModel();
    const r = predictUnreportedUncovered(homes, [site('S1', 108.04, 30), site('S2', 108.21, 30)], model);
    expect(r).toEqual({ indices: [1, 3], students: 4, unknownHouseholds: 4 });
    expect(model.asked.some(([, lon]) => lon === 108.5)).toBe(false);
    expect(model.asked.every(([id, lon]) => (id === 'S1' ? lon < 108.1 : lon > 108.1))).toBe(true);
    // The same homes as columns (a table built by hand): the same answer, the same questions asked.
    const overTable = fakeModel();
    expect(predictUnreportedUncovered(tableByHand(homes), [site('S1', 108.04, 30), site('S2', 108.21, 30)], overTable)).toEqual(r);
    expect(overTable.asked).toEqual(model.asked);
  });

  it('flags every unknown home when there is no site, and nothing when there is no unknown home', () => {
    const model = fakeModel();
    expect(predictUnreportedUncovered([home(108, 30, 'unknown'), home(108, 30, 'fair')], [], model))
      .toEqual({ indices: [0], students: 1, unknownHouseholds: 1 });
    expect(predictUnreportedUncovered([home(108, 30, 'poor')], [site('S1', 108, 30)], model))
      .toEqual({ indices: [], students: 0, unknownHouseholds: 0 });
  });
});

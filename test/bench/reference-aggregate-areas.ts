/**
 * `aggregateAreas` as it was before issue 9 (commit 15d1d3e): `areaParts` (three regular
 * expressions) and `areaKey` (a new key string) per home, then a `Map` look-up by that key. Kept
 * as the reference the memoised version is compared with (bench `--only=classify`, and
 * `test/unit/core/analysis/aggregate-areas-reference.test.ts`): the same `AreaReport`.
 */
import type { AreaReport } from '../../src/core/model/area.ts';
import { AREA_LEVELS, type AreaRow } from '../../src/core/model/area.ts';
import { UserInputError } from '../../src/core/model/errors.ts';
import type { Household } from '../../src/core/model/types.ts';
import {
  addToAreaCounts, areaKey, areaParts, emptyAreaCounts, householdsAfterCovered, type AggregateAreasOptions,
} from '../../src/core/analysis/aggregate-areas.ts';

interface Group {
  row: AreaRow;
  sumLon: number;
  sumLat: number;
}

export function referenceAggregateAreas(households: readonly Household[], options: AggregateAreasOptions): AreaReport {
  const { level } = options;
  if (!(AREA_LEVELS as readonly string[]).includes(level)) {
    throw new UserInputError('invalid_area_level', `the area level must be county, township or village, got "${String(level)}"`,
      { level: String(level) });
  }
  const depth = AREA_LEVELS.indexOf(level);
  const uncovered = new Set(options.uncovered);
  const after = householdsAfterCovered(households, options.uncovered, options.proposals, options.model);
  const totals = emptyAreaCounts();
  const groups = new Map<string, Group>();
  households.forEach((h, i) => {
    const parts = areaParts(h);
    const key = areaKey(parts, level);
    let g = groups.get(key);
    if (g === undefined) {
      g = {
        row: { ...emptyAreaCounts(), key, level, county: '', township: '', village: '', centroid: [0, 0] },
        sumLon: 0, sumLat: 0,
      };
      groups.set(key, g);
    }
    const row = g.row;
    if (row.county === '') row.county = parts[0];
    if (depth >= 1 && row.township === '') row.township = parts[1];
    if (depth >= 2 && row.village === '') row.village = parts[2];
    const today = uncovered.has(h.cls);
    const covered = after[i] === 1;
    addToAreaCounts(row, h, today, covered);
    addToAreaCounts(totals, h, today, covered);
    g.sumLon += h.lon;
    g.sumLat += h.lat;
  });
  const rows = [...groups.values()].map(({ row, sumLon, sumLat }) => {
    row.centroid = [sumLon / row.households, sumLat / row.households];
    return row;
  });
  rows.sort((a, b) => b.uncoveredStudents - a.uncoveredStudents || b.students - a.students
    || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { level, rows, totals };
}

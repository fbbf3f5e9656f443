/**
 * A seeded, untidy set of households for the tests that pin the analyses' answers across the
 * change to columns (issue 9): clumps of homes of every class around a few centres, repeated
 * positions, students 0–3 and fractional (so the order of the sums shows), village and township
 * names with blanks around them, blank names and none. The shas in the tests that use it were
 * taken from the code before the analyses read `HouseholdTable` (commit 2a11c71).
 */
import type { AttendanceClass, Household, Site } from '../../../../src/core/model/types.ts';
import { mulberry32 } from '../../../bench/synthetic-county.ts';

const CLASSES: readonly AttendanceClass[] = ['none', 'none', 'poor', 'poor', 'fair', 'good', 'unknown'];
const VILLAGES: readonly (string | undefined)[] = ['龙池村', ' 龙池村', '龙池村 ', '桥头村', '新村', '', '  ', undefined, 'Alpha', 'alpha', 'Z村'];
const TOWNSHIPS: readonly (string | undefined)[] = ['六塘乡', ' 六塘乡 ', '黄水镇', undefined, '', '丙乡'];
const STUDENTS: readonly number[] = [0, 1, 1, 2, 3, 0.1, 0.7, 1.3];

export function seededMessyHouseholds(count = 3000, seed = 9): Household[] {
  const rnd = mulberry32(seed);
  const centres = Array.from({ length: 12 }, () => [108 + rnd() * 0.4, 30 + rnd() * 0.3] as const);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const out: Household[] = [];
  for (let i = 0; i < count; i++) {
    let lon: number, lat: number;
    if (i > 0 && rnd() < 0.05) ({ lon, lat } = out[Math.floor(rnd() * out.length)]!); // a repeated position
    else if (rnd() < 0.1) { lon = 108 + rnd() * 0.4; lat = 30 + rnd() * 0.3; } // scattered
    else {
      const [x, y] = pick(centres);
      const spread = 0.002 + 0.02 * rnd();
      lon = x + (rnd() - 0.5) * spread; lat = y + (rnd() - 0.5) * spread;
    }
    const village = pick(VILLAGES), township = pick(TOWNSHIPS);
    out.push({
      id: `h${i}${rnd() < 0.1 ? '-é' : ''}`, lon, lat, students: pick(STUDENTS), cls: pick(CLASSES), line: i + 2,
      reports: [], personal: {},
      ...(village !== undefined ? { village } : {}), ...(township !== undefined ? { township } : {}),
      ...(rnd() < 0.5 ? { county: '武隆区' } : {}),
    });
  }
  return out;
}

export const MESSY_SITES: readonly Site[] = [
  { id: 'e1', name: 'e1', lon: 108.1, lat: 30.1, status: 'existing', antennaHeightM: 30, bandMHz: 900, eirpDbm: 58, radiusM: 3000 },
  { id: 'e2', name: 'e2', lon: 108.3, lat: 30.2, status: 'existing', antennaHeightM: 30, bandMHz: 900, eirpDbm: 58, radiusM: 2000 },
];

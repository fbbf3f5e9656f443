/**
 * `aggregateAreas` resolves each distinct (county, township, village) once (issue 9); the version
 * before, one key string per home, is kept as `referenceAggregateAreas` (test/bench). Both must
 * give the same report — rows, their order, keys, names, counts, centroids, totals — at every
 * level, on random homes mixing names, division codes (nested or not), missing parts, names with
 * `/` and `\`, and every class.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateAreas, AREA_LEVELS, ATTENDANCE_CLASSES, type Household } from '../../../../src/core/index.ts';
import { referenceAggregateAreas } from '../../../bench/reference-aggregate-areas.ts';

const part = (values: string[]) => fc.option(fc.constantFrom(...values), { nil: undefined });
const home = fc.record({
  county: part(['石柱县', '500240', '500241', '', 'a/b']),
  township: part(['六塘乡', '500240205', '500241001', '', '黄\\鹤']),
  village: part(['龙池村', '500240205206', '500241001002', '', '鱼龙村']),
  cls: fc.constantFrom(...ATTENDANCE_CLASSES),
  students: fc.integer({ min: 0, max: 4 }),
  lon: fc.double({ min: 108, max: 108.5, noNaN: true }),
  lat: fc.double({ min: 29.8, max: 30.2, noNaN: true }),
}).map((h): Household => {
  const out: Household = { id: 'h', lon: h.lon, lat: h.lat, students: h.students, cls: h.cls, reports: [], personal: {}, line: 0 };
  if (h.county !== undefined) out.county = h.county;
  if (h.township !== undefined) out.township = h.township;
  if (h.village !== undefined) out.village = h.village;
  return out;
});

describe('aggregateAreas equals the reference', () => {
  it('on random homes, at every level', () => {
    fc.assert(fc.property(fc.array(home, { maxLength: 40 }), fc.constantFrom(...AREA_LEVELS),
      fc.constantFrom<Household['cls'][][]>(['none', 'poor'], ['none'], ['none', 'poor', 'unknown']), (homes, level, uncovered) => {
        expect(JSON.stringify(aggregateAreas(homes, { level, uncovered })))
          .toBe(JSON.stringify(referenceAggregateAreas(homes, { level, uncovered })));
      }), { numRuns: 3000 });
  });
});

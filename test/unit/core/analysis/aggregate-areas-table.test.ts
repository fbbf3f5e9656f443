/**
 * The analyses read a `HouseholdTable`'s columns (issue 9). Pinned on tables built by hand
 * (`tableByHand`: not by `householdTableOf`, a names table in another order, every name twice —
 * two homes of one area may carry different codes for the same text) with '' given as a name: `aggregateAreas`
 * on the table must give byte for byte what the frozen pre-issue-9 `referenceAggregateAreas`
 * gives on the same homes as `Household[]`, at every level, with and without a plan; so must
 * `aggregateHexagons`, `summarizeClasses` and `createImpactTracker` agree with their array input.
 * `areaTriplesOf` is checked against a `Map` of the code triples, over more triples than its first
 * hash table holds (the growth path).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateAreas, aggregateHexagons, AREA_LEVELS, ATTENDANCE_CLASSES, createImpactTracker, summarizeClasses,
  type Household, type ProposedSite,
} from '../../../../src/core/index.ts';
import { areaTriplesOf } from '../../../../src/core/analysis/area-triples-of.ts';
import { referenceAggregateAreas } from '../../../bench/reference-aggregate-areas.ts';
import { at, proposal } from '../coverage/fixtures.ts';
import { tableByHand } from './table-by-hand.ts';

const part = (values: string[]) => fc.option(fc.constantFrom(...values), { nil: undefined });
const home = fc.record({
  county: part(['石柱县', '500240', '500241', '', 'a/b', '忠县']),
  township: part(['六塘乡', '黄鹤镇', '500240205', '500241001', '', '黄\\鹤']),
  village: part(['龙池村', '鱼龙村', '500240205206', '500241001002', '500240205207', '']),
  cls: fc.constantFrom(...ATTENDANCE_CLASSES),
  students: fc.integer({ min: 0, max: 4 }),
  east: fc.integer({ min: -3000, max: 3000 }),
  north: fc.integer({ min: -3000, max: 3000 }),
}).map((h): Household => {
  const [lon, lat] = at(h.east, h.north);
  const out: Household = { id: `h${h.east},${h.north}`, lon, lat, students: h.students, cls: h.cls, reports: [], personal: {}, line: 2 };
  if (h.county !== undefined) out.county = h.county;
  if (h.township !== undefined) out.township = h.township;
  if (h.village !== undefined) out.village = h.village;
  return out;
});
const plan = fc.array(fc.record({
  east: fc.integer({ min: -3000, max: 3000 }), north: fc.integer({ min: -3000, max: 3000 }),
  radiusM: fc.integer({ min: 0, max: 2500 }), rejected: fc.boolean(),
}), { maxLength: 3 }).map((ps): ProposedSite[] =>
  ps.map((p, i) => proposal(`P${i}`, at(p.east, p.north), p.radiusM, p.rejected ? { status: 'rejected' } : {})));
const uncoveredChoice = fc.constantFrom<Household['cls'][][]>(['none', 'poor'], ['none'], ['none', 'poor', 'unknown'], []);

describe('aggregateAreas over a hand-built HouseholdTable', () => {
  it('equals the reference on the same homes as Household[], at every level, with a plan', () => {
    fc.assert(fc.property(fc.array(home, { maxLength: 40 }), fc.constantFrom(...AREA_LEVELS), uncoveredChoice, plan,
      (homes, level, uncovered, proposals) => {
        const options = { level, uncovered, proposals };
        expect(JSON.stringify(aggregateAreas(tableByHand(homes), options)))
          .toBe(JSON.stringify(referenceAggregateAreas(homes, options)));
      }), { numRuns: 1500 });
  });

  it('equals the reference over thousands of distinct villages (more area triples than the first hash table holds)', () => {
    const homes: Household[] = [];
    for (let i = 0; i < 6000; i++) {
      const k = (i * 7919) % 2400; // 2,400 areas met out of order, each 2–3 times
      const h: Household = {
        id: `h${i}`, lon: 108 + (i % 97) / 1000, lat: 30 + (i % 89) / 1000, students: i % 5, cls: ATTENDANCE_CLASSES[i % 5]!,
        reports: [], personal: {}, line: i + 2,
      };
      if (k % 3 === 0) h.village = `5002402${String(k).padStart(5, '0')}`;
      else { h.county = `县${k % 4}`; h.township = `乡${k % 30}`; h.village = `村${k % 700}`; }
      homes.push(h);
    }
    for (const level of AREA_LEVELS) {
      const options = { level, uncovered: ['none', 'poor'] as Household['cls'][], proposals: [proposal('P', [108.05, 30.04], 3000)] };
      expect(JSON.stringify(aggregateAreas(tableByHand(homes), options))).toBe(JSON.stringify(referenceAggregateAreas(homes, options)));
    }
  });
});

describe('the other analyses read the table as they read the array', () => {
  it('aggregateHexagons, summarizeClasses, createImpactTracker', () => {
    fc.assert(fc.property(fc.array(home, { maxLength: 40 }), uncoveredChoice, plan, fc.boolean(), (homes, uncovered, proposals, privacy) => {
      const table = tableByHand(homes);
      const hex = { resolution: 7, uncovered, proposals, privacy };
      expect(JSON.stringify(aggregateHexagons(table, hex))).toBe(JSON.stringify(aggregateHexagons([...homes], hex)));
      expect(summarizeClasses(table)).toEqual(summarizeClasses(homes));
      const fromTable = createImpactTracker(table, { uncovered });
      const fromArray = createImpactTracker([...homes], { uncovered });
      expect(fromTable.set(proposals)).toEqual(fromArray.set(proposals));
      for (let i = 0; i < proposals.length; i++) expect(fromTable.newlyCoveredIndices(i)).toEqual(fromArray.newlyCoveredIndices(i));
    }), { numRuns: 300 });
  });
});

describe('areaTriplesOf', () => {
  it('numbers the distinct code triples by first home, and gives each home its own', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: -1, max: 40 }), fc.integer({ min: -1, max: 40 }), fc.integer({ min: -1, max: 40 })),
      { maxLength: 3000, size: 'max' }), (codes) => {
      const table = { ...tableByHand([]), count: codes.length, county: Int32Array.from(codes, (c) => c[0]),
        township: Int32Array.from(codes, (c) => c[1]), village: Int32Array.from(codes, (c) => c[2]) };
      const seen = new Map<string, number>();
      const expected = codes.map((c) => {
        const key = c.join(',');
        if (!seen.has(key)) seen.set(key, seen.size);
        return seen.get(key)!;
      });
      const triples = areaTriplesOf(table);
      expect(triples.count).toBe(seen.size);
      if (codes.length > 1000) expect(triples.count).toBeGreaterThan(256); // past the first table
      expect([...triples.ofHome]).toEqual(expected);
      expect([...seen.keys()]).toEqual([...triples.county].map((c, t) => [c, triples.township[t], triples.village[t]].join(',')));
    }), { numRuns: 100, endOnFailure: true }); // no shrinking of 3,000-home arrays
  });
});

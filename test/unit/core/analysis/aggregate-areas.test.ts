import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateAreas, AREA_LEVELS, ATTENDANCE_CLASSES, createImpactTracker, householdsAfterCovered, PROPOSAL_STATUSES,
  UserInputError, type AreaCounts, type AreaLevel, type AreaRow, type AttendanceClass, type Household,
} from '../../../../src/core/index.ts';
import { at, proposal } from '../coverage/fixtures.ts';

const UNCOVERED: AttendanceClass[] = ['none', 'poor'];

function home(
  id: string, pos: [number, number], cls: AttendanceClass, students: number,
  area: { county?: string; township?: string; village?: string } = {},
): Household {
  return Object.freeze({ id, lon: pos[0], lat: pos[1], students, cls, line: 0, personal: {}, reports: [{ line: 0, cls }], ...area });
}
const LT = { county: '石柱县', township: '六塘乡' };
const HH = { county: '石柱县', township: '黄鹤镇' };

/**
 * Hand-computed fixture: two townships of 石柱县, each with a 龙池村 (two rows, not one), a home
 * of 六塘乡 without village, a home with no area at all.
 *   六塘乡/龙池村: a1 none 2 (0,0), a2 poor 1 (100,0), a3 good 3 (200,0)
 *   黄鹤镇/龙池村: b1 none 4 (5000,0), b2 unknown 1 (5100,0)
 *   黄鹤镇/鱼龙村: c1 fair 2 (8000,0), c2 none 1 (8000,100)
 *   六塘乡/(none): d1 poor 2 (300,0)
 *   (nothing):     e1 none 1 (20000,0)
 * Plan: P (0,0) r 250 m covers a1, a2 (a3 is good; d1 is 300 m away); Q (5000,0) r 1 km is
 * REJECTED (covers nothing, b1 stays); R (8000,50) r 200 m covers c2.
 * Uncovered today: a1 a2 b1 c2 d1 e1 = 6 homes, 11 students; after: b1 d1 e1 = 3 homes, 7 students.
 */
const HOMES: readonly Household[] = Object.freeze([
  home('a1', at(0, 0), 'none', 2, { ...LT, village: '龙池村' }),
  home('a2', at(100, 0), 'poor', 1, { ...LT, village: '龙池村' }),
  home('a3', at(200, 0), 'good', 3, { ...LT, village: '龙池村' }),
  home('b1', at(5000, 0), 'none', 4, { ...HH, village: '龙池村' }),
  home('b2', at(5100, 0), 'unknown', 1, { ...HH, village: '龙池村' }),
  home('c1', at(8000, 0), 'fair', 2, { ...HH, village: '鱼龙村' }),
  home('c2', at(8000, 100), 'none', 1, { ...HH, village: '鱼龙村' }),
  home('d1', at(300, 0), 'poor', 2, LT),
  home('e1', at(20000, 0), 'none', 1),
]);
const PLAN = Object.freeze([
  proposal('P', at(0, 0), 250),
  proposal('Q', at(5000, 0), 1000, { status: 'rejected' }),
  proposal('R', at(8000, 50), 200, { status: 'approved' }),
]);

type Cls = Partial<Record<AttendanceClass, number>>;
const byClass = (c: Cls): Record<AttendanceClass, number> => ({ none: 0, poor: 0, fair: 0, good: 0, unknown: 0, ...c });
/** [key, county, township, village, households, students, students per class, households per class, uncH, uncS, afterH, afterS] */
type Expected = [string, string, string, string, number, number, Cls, Cls, number, number, number, number];
const counts = (r: AreaRow | AreaCounts): unknown[] => {
  const row = r as AreaRow;
  return [row.key, row.county, row.township, row.village, r.households, r.students, r.byClassStudents, r.byClassHouseholds,
    r.uncoveredHouseholds, r.uncoveredStudents, r.uncoveredHouseholdsAfter, r.uncoveredStudentsAfter];
};
const expected = (rows: Expected[]) => rows.map((r) => [...r.slice(0, 6), byClass(r[6]), byClass(r[7]), ...r.slice(8)]);

describe('aggregateAreas on the hand-computed fixture', () => {
  it('villages: by name within the township, homes without village in "(unknown)", sorted by uncovered students', () => {
    const report = aggregateAreas(HOMES, { level: 'village', uncovered: UNCOVERED, proposals: PLAN });
    expect(report.level).toBe('village');
    expect(report.rows.map(counts)).toEqual(expected([
      ['石柱县/黄鹤镇/龙池村', '石柱县', '黄鹤镇', '龙池村', 2, 5, { none: 4, unknown: 1 }, { none: 1, unknown: 1 }, 1, 4, 1, 4],
      ['石柱县/六塘乡/龙池村', '石柱县', '六塘乡', '龙池村', 3, 6, { none: 2, poor: 1, good: 3 }, { none: 1, poor: 1, good: 1 }, 2, 3, 0, 0],
      ['石柱县/六塘乡/', '石柱县', '六塘乡', '', 1, 2, { poor: 2 }, { poor: 1 }, 1, 2, 1, 2],
      ['石柱县/黄鹤镇/鱼龙村', '石柱县', '黄鹤镇', '鱼龙村', 2, 3, { fair: 2, none: 1 }, { fair: 1, none: 1 }, 1, 1, 0, 0],
      ['//', '', '', '', 1, 1, { none: 1 }, { none: 1 }, 1, 1, 1, 1],
    ]));
    expect(report.rows.every((r) => r.level === 'village')).toBe(true);
    const { households, students, uncoveredHouseholds, uncoveredStudents, uncoveredHouseholdsAfter, uncoveredStudentsAfter } = report.totals;
    expect([households, students, uncoveredHouseholds, uncoveredStudents, uncoveredHouseholdsAfter, uncoveredStudentsAfter])
      .toEqual([9, 17, 6, 11, 3, 7]);
    expect(report.totals.byClassStudents).toEqual(byClass({ none: 8, poor: 3, fair: 2, good: 3, unknown: 1 }));
  });

  it('centroid is the mean position of the area\'s homes', () => {
    const row = aggregateAreas(HOMES, { level: 'village', uncovered: UNCOVERED }).rows.find((r) => r.key === '石柱县/六塘乡/龙池村')!;
    const [a1, a2, a3] = HOMES;
    expect(row.centroid[0]).toBeCloseTo((a1!.lon + a2!.lon + a3!.lon) / 3, 12);
    expect(row.centroid[1]).toBeCloseTo((a1!.lat + a2!.lat + a3!.lat) / 3, 12);
    expect(row.centroid[0]).toBeCloseTo(at(100, 0)[0], 12);
  });

  it('townships and counties: ties broken by students, then key', () => {
    const t = aggregateAreas(HOMES, { level: 'township', uncovered: UNCOVERED, proposals: PLAN });
    expect(t.rows.map(counts)).toEqual(expected([
      ['石柱县/六塘乡', '石柱县', '六塘乡', '', 4, 8, { none: 2, poor: 3, good: 3 }, { none: 1, poor: 2, good: 1 }, 3, 5, 1, 2],
      ['石柱县/黄鹤镇', '石柱县', '黄鹤镇', '', 4, 8, { none: 5, fair: 2, unknown: 1 }, { none: 2, fair: 1, unknown: 1 }, 2, 5, 1, 4],
      ['/', '', '', '', 1, 1, { none: 1 }, { none: 1 }, 1, 1, 1, 1],
    ]));
    const c = aggregateAreas(HOMES, { level: 'county', uncovered: UNCOVERED, proposals: PLAN });
    expect(c.rows.map((r) => [r.key, r.county, r.township, r.village, r.households, r.uncoveredStudents, r.uncoveredStudentsAfter]))
      .toEqual([['石柱县', '石柱县', '', '', 8, 10, 6], ['', '', '', '', 1, 1, 1]]);
  });

  it('a rejected proposal covers nothing; without proposals "after" equals "before"', () => {
    const onlyRejected = aggregateAreas(HOMES, { level: 'village', uncovered: UNCOVERED, proposals: [PLAN[1]!] });
    expect(onlyRejected.totals.uncoveredStudentsAfter).toBe(11);
    const approvedQ = aggregateAreas(HOMES, { level: 'village', uncovered: UNCOVERED, proposals: [{ ...PLAN[1]!, status: 'surveyed' }] });
    expect(approvedQ.totals.uncoveredStudentsAfter).toBe(7);
    const none = aggregateAreas(HOMES, { level: 'village', uncovered: UNCOVERED });
    expect(none.rows.every((r) => r.uncoveredStudentsAfter === r.uncoveredStudents && r.uncoveredHouseholdsAfter === r.uncoveredHouseholds)).toBe(true);
    expect([...householdsAfterCovered(HOMES, UNCOVERED, PLAN)]).toEqual([1, 1, 0, 0, 0, 0, 1, 0, 0]);
  });

  it('--uncovered none only: poor homes are neither uncovered today nor after', () => {
    const r = aggregateAreas(HOMES, { level: 'county', uncovered: ['none'], proposals: PLAN });
    expect([r.totals.uncoveredHouseholds, r.totals.uncoveredStudents, r.totals.uncoveredStudentsAfter]).toEqual([4, 8, 5]);
  });

  it('groups by division code, filling missing parents from the code; a name under a coded township keys on the code', () => {
    const homes = [
      home('k1', at(0, 0), 'none', 1, { county: '石柱土家族自治县', village: '500240101001' }),
      home('k2', at(10, 0), 'good', 2, { county: '500240', township: '500240101', village: '500240101001' }),
      home('k3', at(20, 0), 'poor', 3, { village: '500240101002' }),
      home('k4', at(30, 0), 'none', 4, { township: '500240101', village: '龙池村' }),
      home('k5', at(40, 0), 'none', 5, { county: '500240', township: '六塘乡', village: '1234' }),
    ];
    const v = aggregateAreas(homes, { level: 'village', uncovered: UNCOVERED });
    expect(v.rows.map((r) => [r.key, r.county, r.township, r.village, r.households])).toEqual([
      ['500240/六塘乡/1234', '500240', '六塘乡', '1234', 1],
      ['500240101/龙池村', '500240', '500240101', '龙池村', 1],
      ['500240101002', '500240', '500240101', '500240101002', 1],
      ['500240101001', '石柱土家族自治县', '500240101', '500240101001', 2],
    ]);
    const t = aggregateAreas(homes, { level: 'township', uncovered: UNCOVERED });
    expect(t.rows.map((r) => [r.key, r.township, r.households])).toEqual([['500240101', '500240101', 4], ['500240/六塘乡', '六塘乡', 1]]);
    const c = aggregateAreas(homes, { level: 'county', uncovered: UNCOVERED });
    expect(c.rows.map((r) => [r.key, r.households])).toEqual([['500240', 4], ['石柱土家族自治县', 1]]);
  });

  it('keeps names holding "/" apart (escaped in the key)', () => {
    const homes = [home('x', at(0, 0), 'none', 1, { county: 'a/b', township: 'c' }), home('y', at(0, 0), 'none', 1, { county: 'a', township: 'b/c' })];
    expect(aggregateAreas(homes, { level: 'township', uncovered: UNCOVERED }).rows.map((r) => r.key).sort()).toEqual(['a/b\\/c', 'a\\/b/c']);
  });

  it('rejects an unknown level with a UserInputError; empty input gives no rows and zero totals', () => {
    expect(() => aggregateAreas(HOMES, { level: 'street' as AreaLevel, uncovered: UNCOVERED }))
      .toThrow(expect.objectContaining({ name: 'UserInputError', code: 'invalid_area_level' }) as unknown as UserInputError);
    const empty = aggregateAreas([], { level: 'village', uncovered: UNCOVERED, proposals: PLAN });
    expect(empty.rows).toEqual([]);
    expect(empty.totals.households).toBe(0);
    expect(empty.totals.byClassStudents).toEqual(byClass({}));
  });
});

describe('aggregateAreas (property)', () => {
  const COUNTIES = ['石柱县', '500240', '', 'a/b'];
  const TOWNSHIPS = ['六塘乡', '黄鹤镇', '500240101', '500241202', ''];
  const VILLAGES = ['龙池村', '鱼龙村', '500240101001', '500241202003', ''];
  const homeArb = fc.record({
    east: fc.integer({ min: -3000, max: 3000 }), north: fc.integer({ min: -3000, max: 3000 }),
    cls: fc.constantFrom(...ATTENDANCE_CLASSES), students: fc.integer({ min: 0, max: 6 }),
    county: fc.constantFrom(...COUNTIES), township: fc.constantFrom(...TOWNSHIPS), village: fc.constantFrom(...VILLAGES),
  });
  const siteArb = fc.record({
    east: fc.integer({ min: -3000, max: 3000 }), north: fc.integer({ min: -3000, max: 3000 }),
    radiusM: fc.integer({ min: 1, max: 2500 }), status: fc.constantFrom(...PROPOSAL_STATUSES),
  });
  const uncoveredArb = fc.subarray([...ATTENDANCE_CLASSES], { minLength: 1 });
  const sum = (rows: readonly AreaCounts[], f: (r: AreaCounts) => number) => rows.reduce((s, r) => s + f(r), 0);
  const fields: ((r: AreaCounts) => number)[] = [
    (r) => r.households, (r) => r.students, (r) => r.uncoveredHouseholds, (r) => r.uncoveredStudents,
    (r) => r.uncoveredHouseholdsAfter, (r) => r.uncoveredStudentsAfter,
    ...ATTENDANCE_CLASSES.flatMap((c) => [(r: AreaCounts) => r.byClassStudents[c], (r: AreaCounts) => r.byClassHouseholds[c]]),
  ];

  it('rows sum to totals at every level; after ≤ before; totals match the impact tracker; keys unique; sorted', () => {
    fc.assert(fc.property(fc.array(homeArb, { maxLength: 60 }), fc.array(siteArb, { maxLength: 4 }), uncoveredArb, (hs, ss, uncovered) => {
      const homes = hs.map((h, i) => home(`h${i}`, at(h.east, h.north), h.cls, h.students,
        { ...(h.county ? { county: h.county } : {}), ...(h.township ? { township: h.township } : {}), ...(h.village ? { village: h.village } : {}) }));
      const plan = ss.map((s, i) => proposal(`p${i}`, at(s.east, s.north), s.radiusM, { status: s.status }));
      const impact = createImpactTracker(homes, { uncovered }).set(plan).totals;
      for (const level of AREA_LEVELS) {
        const report = aggregateAreas(homes, { level, uncovered, proposals: plan });
        for (const f of fields) expect(sum(report.rows, f)).toBe(f(report.totals));
        expect(report.totals.households).toBe(homes.length);
        expect(report.totals.uncoveredStudents).toBe(impact.uncoveredStudentsBefore);
        expect(report.totals.uncoveredStudentsAfter).toBe(impact.remainingStudents);
        expect(report.totals.uncoveredHouseholdsAfter).toBe(impact.remainingHouseholds);
        for (const r of report.rows) {
          expect(r.uncoveredStudentsAfter).toBeLessThanOrEqual(r.uncoveredStudents);
          expect(r.uncoveredHouseholdsAfter).toBeLessThanOrEqual(r.uncoveredHouseholds);
          expect(sum([r], (x) => ATTENDANCE_CLASSES.reduce((s, c) => s + x.byClassStudents[c], 0))).toBe(r.students);
          expect(r.households).toBeGreaterThan(0);
        }
        expect(new Set(report.rows.map((r) => r.key)).size).toBe(report.rows.length);
        for (let i = 1; i < report.rows.length; i++) {
          const a = report.rows[i - 1]!, b = report.rows[i]!;
          expect(a.uncoveredStudents > b.uncoveredStudents
            || (a.uncoveredStudents === b.uncoveredStudents && (a.students > b.students || (a.students === b.students && a.key < b.key)))).toBe(true);
        }
      }
    }), { numRuns: 150 });
  });

  it('with consistent data (each village one township, each township one county), villages nest in townships, townships in counties', () => {
    // A code keys an area wherever the data puts its parents, so nesting needs data whose parents agree.
    const PLACES: [string, string, string][] = [
      ['石柱县', '六塘乡', '龙池村'], ['石柱县', '黄鹤镇', '龙池村'], ['石柱县', '黄鹤镇', ''], ['', '', ''], ['', '', '500240101001'],
      ['500240', '500240101', '500240101002'], ['', '500240101', '龙池村'], ['a/b', 'c', ''], ['a', 'b/c', ''],
    ];
    const placed = fc.record({ east: fc.integer({ min: -500, max: 500 }), place: fc.constantFrom(...PLACES), cls: fc.constantFrom(...ATTENDANCE_CLASSES) });
    fc.assert(fc.property(fc.array(placed, { maxLength: 40 }), (hs) => {
      const homes = hs.map((h, i) => home(`h${i}`, at(h.east, 0), h.cls, 1, { county: h.place[0], township: h.place[1], village: h.place[2] }));
      const reports = AREA_LEVELS.map((level) => aggregateAreas(homes, { level, uncovered: UNCOVERED }));
      const parentOf = (level: number) => {
        const map = new Map<string, string>();
        for (const h of homes) {
          const child = aggregateAreas([h], { level: AREA_LEVELS[level]!, uncovered: UNCOVERED }).rows[0]!.key;
          const parent = aggregateAreas([h], { level: AREA_LEVELS[level - 1]!, uncovered: UNCOVERED }).rows[0]!.key;
          expect(map.get(child) ?? parent).toBe(parent);
          map.set(child, parent);
        }
        return map;
      };
      for (const level of [1, 2]) {
        const parent = parentOf(level);
        const households = new Map<string, number>();
        for (const r of reports[level]!.rows) households.set(parent.get(r.key)!, (households.get(parent.get(r.key)!) ?? 0) + r.households);
        expect(Object.fromEntries(households)).toEqual(Object.fromEntries(reports[level - 1]!.rows.map((r) => [r.key, r.households])));
      }
    }));
  });
});

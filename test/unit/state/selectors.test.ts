/**
 * The area filter's options and the header's totals read the households' table (issue 9); they
 * must say what the homes say: every township with a name, each with its named villages, sorted
 * by Chinese collation, homes without a township left out, without a village adding none; the
 * totals per class over every home.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTENDANCE_CLASSES, householdTableOf, type Household } from '../../../src/core/index.ts';
import { selectAreaIndices, selectAreaOptions, selectAreaSummary, selectTotalSummary } from '../../../src/state/selectors.ts';
import type { AppState } from '../../../src/state/store.ts';

const state = (households: Household[], township: string | null = null, village: string | null = null) =>
  ({ dataset: { households: householdTableOf(households) }, ui: { township, village } }) as unknown as AppState;
const collator = new Intl.Collator('zh-CN');

/** The options as the objects give them (the version before the table). */
function optionsOf(homes: readonly Household[]) {
  const byTownship = new Map<string, Set<string>>();
  for (const h of homes) {
    if (!h.township) continue;
    if (!byTownship.has(h.township)) byTownship.set(h.township, new Set());
    if (h.village) byTownship.get(h.township)!.add(h.village);
  }
  return [...byTownship].sort(([a], [b]) => collator.compare(a, b))
    .map(([township, villages]) => ({ township, villages: [...villages].sort(collator.compare) }));
}

const part = (values: string[]) => fc.option(fc.constantFrom(...values), { nil: undefined });
const home = fc.record({
  county: part(['石柱县', '500240', '']),
  township: part(['六塘乡', '黄鹤镇', '500240205', '']),
  village: part(['龙池村', '鱼龙村', '500240205206', '']),
  cls: fc.constantFrom(...ATTENDANCE_CLASSES),
  students: fc.integer({ min: 0, max: 4 }),
}).map((h): Household => {
  const out: Household = { id: 'h', lon: 108, lat: 30, students: h.students, cls: h.cls, reports: [], personal: {}, line: 2 };
  if (h.county !== undefined) out.county = h.county;
  if (h.township !== undefined) out.township = h.township;
  if (h.village !== undefined) out.village = h.village;
  return out;
});

describe('selectAreaOptions and selectTotalSummary', () => {
  it('a fixture: 龙池村 in two townships, a home without township, one without village', () => {
    const homes: Household[] = [
      { id: 'a', lon: 108, lat: 30, students: 2, cls: 'none', reports: [], personal: {}, line: 2, township: '黄鹤镇', village: '龙池村' },
      { id: 'b', lon: 108, lat: 30, students: 1, cls: 'good', reports: [], personal: {}, line: 3, township: '六塘乡', village: '龙池村' },
      { id: 'c', lon: 108, lat: 30, students: 3, cls: 'poor', reports: [], personal: {}, line: 4, township: '六塘乡', village: '三星村' },
      { id: 'd', lon: 108, lat: 30, students: 1, cls: 'none', reports: [], personal: {}, line: 5, village: '鱼龙村' },
      { id: 'e', lon: 108, lat: 30, students: 1, cls: 'unknown', reports: [], personal: {}, line: 6, township: '石家乡' },
    ];
    expect(selectAreaOptions(state(homes))).toEqual([
      { township: '六塘乡', villages: ['龙池村', '三星村'].sort(collator.compare) },
      { township: '黄鹤镇', villages: ['龙池村'] },
      { township: '石家乡', villages: [] },
    ].sort((a, b) => collator.compare(a.township, b.township)));
    const total = selectTotalSummary(state(homes));
    expect([total.households, total.students, total.byClass.none, total.byClass.unknown])
      .toEqual([5, 8, { households: 2, students: 3 }, { households: 1, students: 1 }]);
  });

  it('random homes: as the objects say', () => {
    fc.assert(fc.property(fc.array(home, { maxLength: 30 }), (homes) => {
      expect(selectAreaOptions(state(homes))).toEqual(optionsOf(homes));
      const total = selectTotalSummary(state(homes));
      expect(total.households).toBe(homes.length);
      for (const c of ATTENDANCE_CLASSES) {
        const of = homes.filter((h) => h.cls === c);
        expect(total.byClass[c]).toEqual({ households: of.length, students: of.reduce((s, h) => s + h.students, 0) });
      }
    }), { numRuns: 300 });
  });

  it('the header\'s and the legend\'s counts keep their identity while the data and the filter stay (React reads them on every change)', () => {
    const homes: Household[] = ['六塘乡', '黄鹤镇'].map((township, i) => ({ id: `H${i}`, lon: 108, lat: 30, students: 1, cls: 'none', reports: [], personal: {}, line: 2, township }));
    const s = state(homes, '六塘乡');
    const [area, total] = [selectAreaSummary(s), selectTotalSummary(s)];
    expect(area.households).toBe(1);
    expect(total.households).toBe(2);
    expect(selectAreaSummary(s)).toBe(area);
    expect(selectTotalSummary(s)).toBe(total);
  });

  it('random homes and area filters: the homes in the area and their counts as the objects say', () => {
    const filter = fc.tuple(fc.option(fc.constantFrom('六塘乡', '黄鹤镇', '500240205', '', '无此乡'), { nil: null }),
      fc.option(fc.constantFrom('龙池村', '鱼龙村', '500240205206', ''), { nil: null }));
    fc.assert(fc.property(fc.array(home, { maxLength: 30 }), filter, (homes, [township, village]) => {
      const inArea = (h: Household) => township === null || (h.township === township && (village === null || h.village === village));
      const want = homes.filter(inArea);
      const s = state(homes, township, village);
      const got = selectAreaIndices(s);
      expect(got && [...got]).toEqual(township === null ? null : homes.flatMap((h, i) => (inArea(h) ? [i] : [])));
      const summary = selectAreaSummary(s);
      expect(summary.households).toBe(want.length);
      for (const c of ATTENDANCE_CLASSES) {
        const of = want.filter((h) => h.cls === c);
        expect(summary.byClass[c]).toEqual({ households: of.length, students: of.reduce((n, h) => n + h.students, 0) });
      }
    }), { numRuns: 300 });
  });
});

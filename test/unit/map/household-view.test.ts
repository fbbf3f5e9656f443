/**
 * What the map is given of a large dataset: bins hold every home that passes the filter once
 * (homes, students, students uncovered, share), at the zoom level's size; the homes in view are
 * exactly those inside the bounds that pass the filter, or null past the cap.
 */
import { describe, expect, it } from 'vitest';
import { householdTableOf, type AttendanceClass, type Household } from '../../../src/core/index.ts';
import { householdBounds, householdsGeoJson, type HouseholdFilter } from '../../../src/map/data-sources.ts';
import { binDeg, householdBins, householdsInView, withMargin } from '../../../src/map/household-view.ts';

/** The filter read over a home's own fields (the reference): a missing township or village reads as "". */
function matchesFilter(h: Pick<Household, 'cls' | 'township' | 'village'>, filter: HouseholdFilter): boolean {
  return !filter.hiddenClasses.includes(h.cls)
    && (filter.township === null || (h.township ?? '') === filter.township)
    && (filter.village === null || (h.village ?? '') === filter.village);
}

const homes: Household[] = Array.from({ length: 1000 }, (_, i): Household => ({
  id: `H${i}`, lon: 107 + (i % 40) * 0.05, lat: 29 + Math.floor(i / 40) * 0.05, students: 1 + (i % 3), reports: [], personal: {}, line: i + 2,
  cls: (['none', 'poor', 'fair', 'good', 'unknown'] as const)[i % 5]!, township: i % 2 === 0 ? '甲乡' : '乙镇', village: `村${i % 7}`,
}));
const table = householdTableOf(homes);
const all = { hiddenClasses: [], township: null, village: null };

describe('household bins and view', () => {
  it('bins count every home once, with students and the uncovered share', () => {
    const bins = householdBins(table, 8, all, ['none', 'poor']);
    const props = bins.features.map((f) => f.properties as { households: number; students: number; uncoveredStudents: number; share: number });
    expect(props.reduce((s, p) => s + p.households, 0)).toBe(homes.length);
    expect(props.reduce((s, p) => s + p.students, 0)).toBe(homes.reduce((s, h) => s + h.students, 0));
    const uncovered = homes.filter((h) => h.cls === 'none' || h.cls === 'poor').reduce((s, h) => s + h.students, 0);
    expect(props.reduce((s, p) => s + p.uncoveredStudents, 0)).toBe(uncovered);
    for (const p of props) expect(p.share).toBeCloseTo(p.uncoveredStudents / p.students, 12);
    // A coarser zoom level has bigger bins: fewer of them.
    expect(householdBins(table, 6, all, ['none', 'poor']).features.length).toBeLessThan(bins.features.length);
    expect(binDeg(8.9)).toBe(binDeg(8));
  });

  it('bins and the view honour the class and area filter', () => {
    const filter = { hiddenClasses: ['good' as const], township: '甲乡', village: null };
    const kept = homes.filter((h) => h.cls !== 'good' && h.township === '甲乡');
    const bins = householdBins(table, 9, filter, ['none']);
    expect(bins.features.reduce((s, f) => s + (f.properties as { households: number }).households, 0)).toBe(kept.length);
    const bounds = [107.2, 29.1, 107.6, 29.4] as [number, number, number, number];
    const want = homes.flatMap((h, i) => (kept.includes(h) && h.lon >= 107.2 && h.lon <= 107.6 && h.lat >= 29.1 && h.lat <= 29.4 ? [i] : []));
    expect(householdsInView(table, bounds, filter)).toEqual(want);
    expect(want.length).toBeGreaterThan(3);
    expect(householdsInView(table, bounds, filter, want.length - 1)).toBeNull();
  });

  it('bins and the view read the columns as the objects say (the version over objects as reference)', () => {
    // Some homes without a township or a village: a filter of "" keeps those (as `matchesFilter` reads them).
    const mixed = homes.map((h, i) => (i % 11 === 0 ? { ...h, township: undefined } : i % 13 === 0 ? { ...h, village: undefined } : h));
    const binsOfObjects = (zoom: number, filter: HouseholdFilter, uncovered: readonly AttendanceClass[]) => {
      const cell = binDeg(zoom);
      const byKey = new Map<number, { n: number; students: number; unc: number; lon: number; lat: number }>();
      for (const h of mixed) {
        if (!matchesFilter(h, filter)) continue;
        const key = Math.floor(h.lon / cell) * 1e6 + Math.floor(h.lat / cell);
        const b = byKey.get(key) ?? { n: 0, students: 0, unc: 0, lon: 0, lat: 0 };
        byKey.set(key, b);
        b.n++; b.students += h.students; b.lon += h.lon; b.lat += h.lat;
        if (uncovered.includes(h.cls)) b.unc += h.students;
      }
      return [...byKey.values()].map((b) => ({
        coordinates: [b.lon / b.n, b.lat / b.n], households: b.n, students: b.students, uncoveredStudents: b.unc, share: b.students > 0 ? b.unc / b.students : -1,
      }));
    };
    const filters: HouseholdFilter[] = [
      all,
      { hiddenClasses: ['none', 'unknown'], township: null, village: null },
      { hiddenClasses: [], township: '乙镇', village: null },
      { hiddenClasses: ['fair'], township: '甲乡', village: '村2' },
      { hiddenClasses: [], township: '', village: null },
      { hiddenClasses: [], township: '甲乡', village: '' },
      { hiddenClasses: [], township: '无此乡', village: null },
    ];
    const bounds = [107.3, 29.2, 108.5, 30] as [number, number, number, number];
    for (const filter of filters) {
      const got = householdBins(householdTableOf(mixed), 9, filter, ['none', 'poor']).features
        .map((f) => ({ coordinates: f.geometry.coordinates, ...(f.properties as object) }));
      expect(got, JSON.stringify(filter)).toEqual(binsOfObjects(9, filter, ['none', 'poor']));
      const inView = mixed.flatMap((h, i) => (matchesFilter(h, filter) && h.lon >= bounds[0] && h.lon <= bounds[2] && h.lat >= bounds[1] && h.lat <= bounds[3] ? [i] : []));
      expect(householdsInView(householdTableOf(mixed), bounds, filter), JSON.stringify(filter)).toEqual(inView);
    }
  });

  it('the households\' bounds', () => {
    expect(householdBounds(table)).toEqual([107, 29, 107 + 39 * 0.05, 29 + 24 * 0.05]);
    expect(householdBounds(table, [41, 42, 81])).toEqual([107.05, 29.05, 107.1, 29.1]);
    expect(householdBounds(table, [])).toBeNull();
    expect(householdBounds(householdTableOf([]))).toBeNull();
  });

  it('homes as points: the worst classes drawn last, each with its index and what the layers read', () => {
    const rank = { unknown: 0, good: 1, fair: 2, poor: 3, none: 4 };
    const some = [7, 3, 10, 4, 0, 999];
    const points = householdsGeoJson(table, some);
    const want = [...some].sort((a, b) => rank[homes[a]!.cls] - rank[homes[b]!.cls] || a - b);
    expect(points.features.map((f) => f.properties!.i)).toEqual(want);
    for (const f of points.features) {
      const h = homes[f.properties!.i as number]!;
      expect(f.geometry.coordinates).toEqual([h.lon, h.lat]);
      expect(f.properties).toEqual({ i: f.id, cls: h.cls, students: h.students, township: h.township, village: h.village });
    }
    const mixed = householdTableOf([{ ...homes[0]!, township: undefined, village: undefined }]);
    expect(householdsGeoJson(mixed).features[0]!.properties).toMatchObject({ township: '', village: '' });
    expect(householdsGeoJson(table).features).toHaveLength(homes.length);
  });

  it('grows the view by half its size each side', () => {
    expect(withMargin([107, 29, 108, 30])).toEqual([106.5, 28.5, 108.5, 30.5]);
  });
});

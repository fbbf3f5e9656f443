/**
 * What the map is given of a large dataset: bins hold every home that passes the filter once
 * (homes, students, students uncovered, share), at the zoom level's size; the homes in view are
 * exactly those inside the bounds that pass the filter, or null past the cap.
 */
import { describe, expect, it } from 'vitest';
import type { Household } from '../../../src/core/index.ts';
import { binDeg, householdBins, householdsInView, withMargin } from '../../../src/map/household-view.ts';

const homes: Household[] = Array.from({ length: 1000 }, (_, i): Household => ({
  id: `H${i}`, lon: 107 + (i % 40) * 0.05, lat: 29 + Math.floor(i / 40) * 0.05, students: 1 + (i % 3), reports: [], personal: {}, line: i + 2,
  cls: (['none', 'poor', 'fair', 'good', 'unknown'] as const)[i % 5]!, township: i % 2 === 0 ? '甲乡' : '乙镇', village: `村${i % 7}`,
}));
const all = { hiddenClasses: [], township: null, village: null };

describe('household bins and view', () => {
  it('bins count every home once, with students and the uncovered share', () => {
    const bins = householdBins(homes, 8, all, ['none', 'poor']);
    const props = bins.features.map((f) => f.properties as { households: number; students: number; uncoveredStudents: number; share: number });
    expect(props.reduce((s, p) => s + p.households, 0)).toBe(homes.length);
    expect(props.reduce((s, p) => s + p.students, 0)).toBe(homes.reduce((s, h) => s + h.students, 0));
    const uncovered = homes.filter((h) => h.cls === 'none' || h.cls === 'poor').reduce((s, h) => s + h.students, 0);
    expect(props.reduce((s, p) => s + p.uncoveredStudents, 0)).toBe(uncovered);
    for (const p of props) expect(p.share).toBeCloseTo(p.uncoveredStudents / p.students, 12);
    // A coarser zoom level has bigger bins: fewer of them.
    expect(householdBins(homes, 6, all, ['none', 'poor']).features.length).toBeLessThan(bins.features.length);
    expect(binDeg(8.9)).toBe(binDeg(8));
  });

  it('bins and the view honour the class and area filter', () => {
    const filter = { hiddenClasses: ['good' as const], township: '甲乡', village: null };
    const kept = homes.filter((h) => h.cls !== 'good' && h.township === '甲乡');
    const bins = householdBins(homes, 9, filter, ['none']);
    expect(bins.features.reduce((s, f) => s + (f.properties as { households: number }).households, 0)).toBe(kept.length);
    const bounds = [107.2, 29.1, 107.6, 29.4] as [number, number, number, number];
    const want = homes.flatMap((h, i) => (kept.includes(h) && h.lon >= 107.2 && h.lon <= 107.6 && h.lat >= 29.1 && h.lat <= 29.4 ? [i] : []));
    expect(householdsInView(homes, bounds, filter)).toEqual(want);
    expect(want.length).toBeGreaterThan(3);
    expect(householdsInView(homes, bounds, filter, want.length - 1)).toBeNull();
  });

  it('grows the view by half its size each side', () => {
    expect(withMargin([107, 29, 108, 30])).toEqual([106.5, 28.5, 108.5, 30.5]);
  });
});

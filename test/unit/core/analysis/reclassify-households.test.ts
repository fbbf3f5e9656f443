import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CLASSIFY_SETTINGS, reclassifyHouseholds, type ClassifySettings, type Household,
} from '../../../../src/core/index.ts';

function household(): Household {
  return {
    id: 'A', lon: 108.2, lat: 30.1, students: 2, line: 2, personal: { 姓名: 'x' }, cls: 'unknown',
    reports: [
      { line: 2, rsrpDbm: -112, reportedAt: '2025-03-01', cls: 'unknown' },
      { line: 5, downMbps: 3, reportedAt: '2025-03-09', cls: 'unknown' },
    ],
  };
}

describe('reclassifyHouseholds', () => {
  it('recomputes report and household classes with the given thresholds and rule', () => {
    const [worst] = reclassifyHouseholds([household()], DEFAULT_CLASSIFY_SETTINGS);
    expect(worst?.reports.map((r) => r.cls)).toEqual(['poor', 'fair']);
    expect(worst?.cls).toBe('poor');

    const latest: ClassifySettings = { ...DEFAULT_CLASSIFY_SETTINGS, merge: 'latest' };
    expect(reclassifyHouseholds([household()], latest)[0]?.cls).toBe('fair');

    const stricter: ClassifySettings = {
      ...DEFAULT_CLASSIFY_SETTINGS,
      thresholds: { ...DEFAULT_CLASSIFY_SETTINGS.thresholds, rsrpNoneBelowDbm: -110 },
    };
    expect(reclassifyHouseholds([household()], stricter)[0]?.cls).toBe('none');
  });

  it('never mutates its input', () => {
    const input = Object.freeze([household()]);
    const snapshot = structuredClone(input);
    const out = reclassifyHouseholds(input, DEFAULT_CLASSIFY_SETTINGS);
    expect(input).toEqual(snapshot);
    expect(out[0]).not.toBe(input[0]);
    expect(out[0]?.reports[0]).not.toBe(input[0]?.reports[0]);
    expect(out[0]?.id).toBe('A');
    expect(out[0]?.personal).toEqual({ 姓名: 'x' });
  });
});

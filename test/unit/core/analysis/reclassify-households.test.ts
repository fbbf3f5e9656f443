import { describe, expect, it } from 'vitest';
import {
  classifyReport, DEFAULT_CLASSIFY_SETTINGS, mergeClasses, reclassifyHouseholds, type ClassifySettings, type Household,
} from '../../../../src/core/index.ts';

/** Classes as parsed with the defaults: reports poor (-112 dBm) and fair (3 Mbit/s), worst poor. */
function household(): Household {
  return {
    id: 'A', lon: 108.2, lat: 30.1, students: 2, line: 2, personal: { 姓名: 'x' }, cls: 'poor', village: '龙池村',
    reports: [
      { line: 2, rsrpDbm: -112, reportedAt: '2025-03-01', cls: 'poor' },
      { line: 5, downMbps: 3, reportedAt: '2025-03-09', cls: 'fair' },
    ],
  };
}

/** One report, good at -80 dBm under any threshold moved by a few dB. */
function goodHousehold(): Household {
  return {
    id: 'B', lon: 108.3, lat: 30.2, students: 1, line: 3, personal: {}, cls: 'good',
    reports: [{ line: 3, rsrpDbm: -80, cls: 'good' }],
  };
}

/** Freezes an object graph, so that any write to it throws (ES modules are strict). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const withThresholds = (changes: Partial<ClassifySettings['thresholds']>): ClassifySettings => ({
  ...DEFAULT_CLASSIFY_SETTINGS, thresholds: { ...DEFAULT_CLASSIFY_SETTINGS.thresholds, ...changes },
});

describe('reclassifyHouseholds', () => {
  it('recomputes report and household classes with the given thresholds and rule', () => {
    const stale: Household = { ...household(), cls: 'unknown', reports: household().reports.map((r) => ({ ...r, cls: 'unknown' })) };
    const [worst] = reclassifyHouseholds([stale], DEFAULT_CLASSIFY_SETTINGS);
    expect(worst?.reports.map((r) => r.cls)).toEqual(['poor', 'fair']);
    expect(worst?.cls).toBe('poor');

    const latest: ClassifySettings = { ...DEFAULT_CLASSIFY_SETTINGS, merge: 'latest' };
    expect(reclassifyHouseholds([household()], latest)[0]?.cls).toBe('fair');

    const stricter = withThresholds({ rsrpNoneBelowDbm: -110 });
    const [none] = reclassifyHouseholds([household()], stricter);
    expect(none?.reports.map((r) => r.cls)).toEqual(['none', 'fair']);
    expect(none?.cls).toBe('none');
  });

  it('never mutates its input (a deeply frozen input, compared with a snapshot)', () => {
    const input = deepFreeze([household(), goodHousehold()]);
    const snapshot = structuredClone(input);
    for (const settings of [DEFAULT_CLASSIFY_SETTINGS, withThresholds({ rsrpNoneBelowDbm: -110 }),
      { ...DEFAULT_CLASSIFY_SETTINGS, merge: 'latest' as const }]) {
      const out = reclassifyHouseholds(input, settings);
      expect(out).not.toBe(input);
      expect(out).toHaveLength(2);
    }
    expect(input).toEqual(snapshot);
  });

  it('returns the very input household when neither it nor any of its reports changes class', () => {
    const input = [household(), goodHousehold()];
    const out = reclassifyHouseholds(input, DEFAULT_CLASSIFY_SETTINGS);
    expect(out).not.toBe(input);
    expect(out[0]).toBe(input[0]);
    expect(out[1]).toBe(input[1]);
  });

  it('makes a new household and a new report for a changed report, and shares the unchanged ones', () => {
    const input = [household(), goodHousehold()];
    const out = reclassifyHouseholds(input, withThresholds({ rsrpNoneBelowDbm: -110 }));
    const [h, g] = [out[0]!, out[1]!];
    expect(h).not.toBe(input[0]);
    expect(h.cls).toBe('none');
    expect(h.reports).not.toBe(input[0]!.reports);
    expect(h.reports[0]).not.toBe(input[0]!.reports[0]);
    expect(h.reports[0]).toEqual({ ...input[0]!.reports[0], cls: 'none' });
    expect(h.reports[1]).toBe(input[0]!.reports[1]);
    // Everything but the classes is the input's.
    expect({ ...h, cls: undefined, reports: undefined }).toEqual({ ...input[0], cls: undefined, reports: undefined });
    expect(h.personal).toBe(input[0]!.personal);
    expect(g).toBe(input[1]);
  });

  it('makes a new household sharing its reports when only the merged class changes (the merge rule)', () => {
    const input = [household()];
    const [h] = reclassifyHouseholds(input, { ...DEFAULT_CLASSIFY_SETTINGS, merge: 'latest' });
    expect(h).not.toBe(input[0]);
    expect(h?.cls).toBe('fair');
    expect(h?.reports).toBe(input[0]!.reports);
    expect(input[0]!.cls).toBe('poor');
  });

  it('corrects a stale household class even when every report keeps its class', () => {
    const input = [{ ...goodHousehold(), cls: 'none' as const }];
    const [h] = reclassifyHouseholds(input, DEFAULT_CLASSIFY_SETTINGS);
    expect(h).not.toBe(input[0]);
    expect(h?.cls).toBe('good');
    expect(h?.reports).toBe(input[0]!.reports);
  });

  it('gives the classes classifyReport and mergeClasses give, settings after settings, on a seeded mix', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const settingsList: ClassifySettings[] = [
      DEFAULT_CLASSIFY_SETTINGS, withThresholds({ rsrpNoneBelowDbm: -110, rsrpPoorBelowDbm: -100, rsrpFairBelowDbm: -90 }),
      { ...withThresholds({ downPoorBelowMbps: 2, downFairBelowMbps: 10 }), merge: 'latest' },
    ];
    const input: Household[] = Array.from({ length: 300 }, (_, i) => ({
      id: `H${i}`, lon: 108, lat: 30, students: 1, line: i + 2, personal: {}, cls: 'unknown',
      reports: Array.from({ length: 1 + Math.floor(random() * 3) }, (__, k) => ({
        line: i + 2 + k, cls: 'unknown' as const, reportedAt: `2025-03-0${1 + Math.floor(random() * 9)}`,
        ...(random() < 0.6 ? { rsrpDbm: -125 + Math.round(random() * 50) } : {}),
        ...(random() < 0.4 ? { downMbps: Math.round(random() * 120) / 10 } : {}),
      })),
    }));
    let current = input;
    for (const settings of [...settingsList, ...settingsList.slice().reverse()]) {
      const next = reclassifyHouseholds(current, settings);
      const expected = input.map((h) => {
        const reports = h.reports.map((r) => ({ ...r, cls: classifyReport(r, settings.thresholds) }));
        return [mergeClasses(reports, settings.merge), reports.map((r) => r.cls)];
      });
      expect(next.map((h) => [h.cls, h.reports.map((r) => r.cls)])).toEqual(expected);
      // Shared exactly where nothing changed.
      next.forEach((h, i) => expect(h === current[i]).toBe(
        h.cls === current[i]!.cls && h.reports.every((r, k) => r.cls === current[i]!.reports[k]!.cls)));
      current = next;
    }
  });
});

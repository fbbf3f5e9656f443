/**
 * Reclassifying a dataset held as columns (`classifyHouseholdColumns`) gives the classes that
 * `reclassifyHouseholds` gives its households — every report's and every home's — under other
 * thresholds and either merge rule, on a seeded municipality file (repeated reports with dates
 * included); the input columns are not changed.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CLASSIFY_SETTINGS, householdsOfColumns, parseHouseholdsFile, reclassifyHouseholds, type ClassifySettings,
} from '../../../../src/core/index.ts';
import { classifyHouseholdColumns } from '../../../../src/core/analysis/classify-household-columns.ts';
import { seededHouseholdsCsv } from '../../../bench/seeded-households-csv.ts';

const shifted = (dbm: number, times: number, merge: ClassifySettings['merge']): ClassifySettings => {
  const t = DEFAULT_CLASSIFY_SETTINGS.thresholds;
  return {
    ...DEFAULT_CLASSIFY_SETTINGS,
    merge,
    thresholds: {
      rsrpNoneBelowDbm: t.rsrpNoneBelowDbm + dbm, rsrpPoorBelowDbm: t.rsrpPoorBelowDbm + dbm, rsrpFairBelowDbm: t.rsrpFairBelowDbm + dbm,
      downNoneBelowMbps: t.downNoneBelowMbps * times, downPoorBelowMbps: t.downPoorBelowMbps * times, downFairBelowMbps: t.downFairBelowMbps * times,
    },
  };
};

describe('classifyHouseholdColumns', () => {
  it('gives reclassifyHouseholds\' classes, report by report and home by home', async () => {
    const bytes = new TextEncoder().encode(seededHouseholdsCsv(20_000));
    const parsed = await parseHouseholdsFile({ name: 'x.csv', bytes }, {}, undefined, { columnsAbove: 0 });
    const { table, details } = parsed.homeColumns!;
    const households = householdsOfColumns(table, details);
    const before = { cls: table.cls.slice(), reportCls: details.reportCls.slice() };
    const classesOf = (hs: typeof households) => ({ homes: hs.map((h) => h.cls), reports: hs.map((h) => h.reports.map((r) => r.cls)) });
    let changedHomes = 0;
    for (const settings of [shifted(5, 2, 'worst'), shifted(-8, 0.5, 'latest'), shifted(0, 1, 'latest'), DEFAULT_CLASSIFY_SETTINGS]) {
      const columns = classifyHouseholdColumns(table, details, settings);
      const expected = reclassifyHouseholds(households, settings);
      expect(classesOf(householdsOfColumns(columns.table, columns.details))).toEqual(classesOf(expected));
      changedHomes = Math.max(changedHomes, expected.filter((h, i) => h.cls !== households[i]!.cls).length);
    }
    expect(changedHomes).toBeGreaterThan(1000); // the settings do change classes
    expect(households.filter((h) => h.reports.length > 1).length).toBeGreaterThan(100); // merged homes are tried
    expect({ cls: table.cls, reportCls: details.reportCls }).toEqual(before);
  }, 60_000);
});

/**
 * Households as columns: a table's rows (`householdRowAt`) give back every field the page uses —
 * id (any characters), position, students, class, line, county / township / village (absent stays
 * absent) — and nothing of the reports and personal fields; the table of an array is built once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ATTENDANCE_CLASSES, asHouseholdTable, householdAt, householdDetailsOf, householdIdAt, householdRowAt, householdTableOf, parseHouseholds, type Household,
} from '../../../../src/core/index.ts';

const household = fc.record({
  id: fc.string({ unit: 'binary', maxLength: 12 }),
  lon: fc.double({ min: 100, max: 115, noNaN: true }),
  lat: fc.double({ min: 20, max: 35, noNaN: true }),
  students: fc.integer({ min: 0, max: 20 }),
  cls: fc.constantFrom(...ATTENDANCE_CLASSES),
  line: fc.integer({ min: 1, max: 2_000_000 }),
  county: fc.option(fc.constantFrom('石柱土家族自治县', '', '万州区'), { nil: undefined }),
  township: fc.option(fc.constantFrom('六塘乡', '黄水镇'), { nil: undefined }),
  village: fc.option(fc.string({ maxLength: 4 }), { nil: undefined }),
});

const light = (h: Household) => {
  const { reports: _r, personal: _p, ...rest } = h;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
};

describe('household table', () => {
  it('round-trips every field the page uses; reports and personal stay behind', () => {
    fc.assert(fc.property(fc.array(household, { maxLength: 60 }), (rows) => {
      const households = rows.map((r): Household => ({ ...r, reports: [], personal: { 姓名: 'x' } }));
      const table = householdTableOf(households);
      expect(households.map((_, i) => householdIdAt(table, i))).toEqual(households.map((h) => h.id));
      const copy = structuredClone(table);
      const back = households.map((_, i) => householdRowAt(copy, i));
      expect(back).toEqual(households.map(light));
      expect(back.every((h) => !('reports' in h) && !('personal' in h))).toBe(true);
    }), { numRuns: 200 });
  });

  it('a parsed file comes back the same', () => {
    const parsed = parseHouseholds({ name: 'x.csv', text: '户编号,经度,纬度,学生人数,乡镇,村,信号强度\nA,108.1,30.1,2,六塘乡,龙池村,无\nB,108.2,30.2,1,,,好\n' });
    const table = householdTableOf(parsed.households);
    expect(parsed.households.map((_, i) => householdRowAt(table, i))).toEqual(parsed.households.map(light));
  });

  it('is built once per array; a table is its own table', () => {
    const parsed = parseHouseholds({ name: 'x.csv', text: 'id,lon,lat\nA,108.1,30.1\n' });
    const table = householdTableOf(parsed.households);
    expect(householdTableOf(parsed.households)).toBe(table);
    expect(asHouseholdTable(parsed.households)).toBe(table);
    expect(asHouseholdTable(table)).toBe(table);
    expect(householdTableOf([...parsed.households])).not.toBe(table);
  });

  it('with their details (householdDetailsOf): every home whole again, reports and personal fields included', () => {
    const report = fc.record({
      line: fc.integer({ min: 2, max: 2_000_000 }),
      signal: fc.option(fc.constantFrom('none', 'poor', 'fair', 'good' as const), { nil: undefined }),
      rsrpDbm: fc.option(fc.double({ min: -140, max: -40, noNaN: true }), { nil: undefined }),
      downMbps: fc.option(fc.double({ min: 0, max: 1000, noNaN: true }), { nil: undefined }),
      reportedAt: fc.option(fc.constantFrom('2026-03-01', '2026-03-02T08:30:00+08:00'), { nil: undefined }),
      operator: fc.option(fc.constantFrom('中国移动', '中国电信', ''), { nil: undefined }),
      cls: fc.constantFrom(...ATTENDANCE_CLASSES),
    }, { requiredKeys: ['line', 'cls'] });
    const personal = fc.dictionary(fc.constantFrom('姓名', '电话', '__proto__', '备注'), fc.string({ maxLength: 6 }), { maxKeys: 3 });
    fc.assert(fc.property(fc.array(fc.tuple(household, fc.array(report, { maxLength: 4 }), personal), { maxLength: 40 }), (rows) => {
      const households = rows.map(([h, reports, p]): Household => Object.fromEntries(Object.entries({ ...h, reports, personal: p })
        .filter(([, v]) => v !== undefined)) as unknown as Household);
      const table = householdTableOf(households), details = householdDetailsOf(households);
      expect(households.map((_, i) => householdAt(table, details, i))).toEqual(households);
    }), { numRuns: 300 });
  });
});

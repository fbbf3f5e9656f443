/**
 * `parseHouseholdTable` validates plain rows in place and merges them without row objects (its
 * fast path, issue 9); `referenceParseHouseholdTable` (test/bench) is the function as it was,
 * `validateRows` → `mergeHouseholds`. They must agree exactly — households (field for field and
 * in key order: their JSON), issues (in order), rows, mapping, or the same error — on:
 * - random tables mixing plain cells with every kind of problem (swapped, DMS, full-width, out of
 *   range, unknown words, bad dates), repeated ids near and far, id-less rows next to ids that look
 *   like line numbers, blank rows, short rows, personal columns (distinct and shared headers), an
 *   unmapped column, a field mapped twice, far-away rows, with `crs`, `fixSwappedLines` and both
 *   merge rules;
 * - a 50,000-row seeded municipality file (`seeded-households-csv.ts`), through `parseHouseholdsFile`,
 *   against hashes of its result, analysis and area report taken before the change.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateAreas, analyzeBlindspots, DEFAULT_CLASSIFY_SETTINGS, parseHouseholdsFile, parseHouseholdTable, UserInputError,
  type ColumnMapping, type HouseholdField, type RawTable,
} from '../../../../src/core/index.ts';
import type { ParseHouseholdTableOptions } from '../../../../src/core/io/parse-household-table.ts';
import { householdAt, householdsOfColumns } from '../../../../src/core/io/households-of-columns.ts';
import { householdsJsonPieces } from '../../../../src/core/io/households-json-pieces.ts';
import { householdTableOf } from '../../../../src/core/io/household-table-of.ts';
import type { HouseholdTable } from '../../../../src/core/model/household-table.ts';
import { medianOf } from '../../../../src/core/io/median-of.ts';
import { referenceParseHouseholdsCsv, referenceParseHouseholdTable } from '../../../bench/reference-parse-households.ts';
import { seededHouseholdsCsv } from '../../../bench/seeded-households-csv.ts';

/** The result (and its JSON, for key order), or the error's code and message. */
function outcome(run: () => unknown): { value?: unknown; text: string } {
  try {
    const value = run();
    return { value, text: JSON.stringify(value) };
  } catch (err) {
    if (!(err instanceof UserInputError)) throw err;
    return { text: `throws ${err.code}: ${err.message}` };
  }
}

type Column = HouseholdField | 'ignored';
const VALUES: Record<Column, readonly string[]> = {
  id: ['A', 'B', 'C', '', '', '2', '3', 'row-3', ' A '],
  lon: ['108.1', '108.1', '108.10001', '108.123456', '108.2', '29.9', '', 'abc', '108°07\'30"E', '１０８．１', '200', ' 108.2 ', '73',
    '136.0001', '110.5', '108.1E'],
  lat: ['29.9', '29.9', '29.90001', '30.01', '30.2', '108.1', '', 'x', '29°58\'N', '95', '-3', '29.9 ', '30.5'],
  students: ['', '1', '2', '0', '-0', '21', '1.5', 'x', '３', '20'],
  county: ['', '石柱土家族自治县', '500240'],
  township: ['', '六塘乡', '500240205'],
  village: ['', '龙池村', '500240205206', ' 大塘村 '],
  signal: ['', '差', 'good', '3', 'Good', '满格', ' 无 ', '0'],
  rsrp_dbm: ['', '-100', '-116', '-150', '-100dBm', '-44', '－１００', '-90'],
  down_mbps: ['', '0.5', '-1', '-0', '10001', 'fast', '6', '0.1'],
  reported_at: ['', '2020-03-05', '2020-02-30', '2020/3/1 8:30', 'yesterday', '2020-03-09'],
  operator: ['', '中国移动'],
  personal: ['', '张三', ' 张三 ', '13800000000'],
  ignored: ['', 'x'],
};
const HEADER: Record<Column, string> = {
  id: 'id', lon: 'lon', lat: 'lat', students: 'students', county: 'county', township: 'township', village: 'village',
  signal: 'signal', rsrp_dbm: 'rsrp_dbm', down_mbps: 'down_mbps', reported_at: 'reported_at', operator: 'operator', personal: '姓名',
  ignored: 'note',
};
const OPTIONAL: Column[] = ['id', 'students', 'county', 'township', 'village', 'signal', 'rsrp_dbm', 'down_mbps', 'reported_at',
  'operator', 'personal', 'ignored'];

const tableAndMapping = fc.record({
  columns: fc.subarray(OPTIONAL),
  lonLat: fc.constantFrom<Column[][]>([['lon', 'lat']], [['lat', 'lon']], [['lon', 'lat', 'lon']], [['lon']]),
  personal: fc.constantFrom<string[]>([], ['电话'], ['姓名'], ['姓名', '姓名 (2)']),
  rowCount: fc.integer({ min: 0, max: 14 }),
  seed: fc.integer(),
}).chain(({ columns, lonLat, personal, rowCount }) => {
  const cols: Column[] = [...lonLat[0]!, ...columns, ...personal.map((): Column => 'personal')];
  const headers = cols.map((c, i) => (i >= cols.length - personal.length ? personal[i - (cols.length - personal.length)]! : HEADER[c]));
  const row = fc.tuple(...cols.map((c) => fc.constantFrom(...VALUES[c]))).chain((cells) =>
    fc.oneof({ weight: 6, arbitrary: fc.constant(cells) }, { weight: 1, arbitrary: fc.constant(cells.map(() => '')) },
      { weight: 1, arbitrary: fc.constant(cells.slice(0, Math.max(0, cells.length - 2))) }));
  return fc.array(row, { minLength: rowCount, maxLength: rowCount }).map((rows) => {
    const table: RawTable = { headers, rows: rows.map((cells, k) => ({ line: k + 2, cells })), headerLine: 1 };
    const mapping: ColumnMapping = { fields: cols.map((c) => (c === 'ignored' ? null : c)) };
    return { table, mapping };
  });
});

const options = fc.record({
  crs: fc.constantFrom(undefined, 'wgs84' as const, 'gcj02' as const, 'bd09' as const),
  fixSwappedLines: fc.constantFrom(undefined, 'all' as const, [3, 5], [] as number[]),
  merge: fc.constantFrom('worst' as const, 'latest' as const),
  format: fc.constantFrom('csv' as const, 'xlsx' as const),
}).map(({ merge, ...rest }): ParseHouseholdTableOptions => ({
  ...rest, settings: { ...DEFAULT_CLASSIFY_SETTINGS, merge },
}));

describe('parseHouseholdTable: the fast path equals the reference', () => {
  it('on random tables of plain and problem cells', () => {
    fc.assert(fc.property(tableAndMapping, options, ({ table, mapping }, opts) => {
      const fast = outcome(() => parseHouseholdTable(table, mapping, opts));
      const reference = outcome(() => referenceParseHouseholdTable(table, mapping, opts));
      expect(fast.text).toBe(reference.text);
      expect(fast.value).toEqual(reference.value); // and -0 stays -0

    }), { numRuns: 4000 });
  });

  it('as columns (columnsAbove): the reference\'s households, whole from the columns and home by home', () => {
    const plain = (t: HouseholdTable) => ({ ...t, lon: [...t.lon], lat: [...t.lat], students: [...t.students], cls: [...t.cls], line: [...t.line],
      idStart: [...t.idStart], county: [...t.county].map((k) => t.names[k]), township: [...t.township].map((k) => t.names[k]),
      village: [...t.village].map((k) => t.names[k]), names: [] });
    let asColumns = 0;
    fc.assert(fc.property(tableAndMapping, options, ({ table, mapping }, opts) => {
      const fast = outcome(() => parseHouseholdTable(table, mapping, { ...opts, columnsAbove: 0 }));
      const reference = outcome(() => referenceParseHouseholdTable(table, mapping, opts));
      if (fast.value === undefined) { expect(fast.text).toBe(reference.text); return; }
      const { homeColumns: columns, ...rest } = fast.value as ReturnType<typeof parseHouseholdTable>;
      const households = (reference.value as ReturnType<typeof parseHouseholdTable>).households;
      if (!columns) { expect(JSON.stringify(rest)).toBe(reference.text); return; } // the reference path (or no home)
      asColumns++;
      expect(rest.households).toEqual([]);
      expect(JSON.stringify({ ...rest, households: householdsOfColumns(columns.table, columns.details) })).toBe(reference.text);
      expect(households.map((_, i) => householdAt(columns.table, columns.details, i))).toEqual(households);
      // A project file's households, written as text from the columns a few homes at a time.
      expect(`[${householdsJsonPieces(columns.table, columns.details, 3).join(',')}]`).toBe(JSON.stringify(households));
      expect(plain(columns.table)).toEqual(plain(householdTableOf(households)));
    }), { numRuns: 3000 });
    expect(asColumns).toBeGreaterThan(500);
  });

  it('on 50,000 seeded rows (one municipality file), and as before the change', async () => {
    const text = seededHouseholdsCsv(50_000);
    const result = await parseHouseholdsFile({ name: 'municipality.csv', bytes: new TextEncoder().encode(text) });
    const reference = referenceParseHouseholdsCsv(text);
    expect(result.households.length).toBe(47_991);
    expect(result.issues.length).toBe(36);
    expect(JSON.stringify(result.households)).toBe(JSON.stringify(reference.households));
    expect(JSON.stringify(result.issues)).toBe(JSON.stringify(reference.issues));
    expect(result.rows).toBe(reference.rows);
    // sha-256 prefixes of the JSON, taken with the code before issue 9 (commit 15d1d3e) after one
    // change of rule: `outside_area` scales with the file's spread, so the 216 households of this
    // 145 × 133 km file that lay just over 100 km from its middle are kept now. The analysis is
    // pinned without its outlines, which are our own buffer now, not Turf's (same clusters, same
    // counts of homes inside: cluster-outline.test.ts compares the shapes).
    const sha = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 16);
    expect(sha(result)).toBe('cc6be61969fdec5b');
    const analysis = analyzeBlindspots(result.households, []);
    expect(sha({ ...analysis, clusters: analysis.clusters.map(({ outline: _outline, ...rest }) => rest) })).toBe('54a8251afae65665');
    expect(sha(aggregateAreas(result.households, { level: 'village', uncovered: ['none', 'poor'] }))).toBe('40ca6115a0ff9995');
  }, 120_000);
});

describe('medianOf (the centre of the outside_area test, by selection)', () => {
  const sortedMedian = (xs: number[]): number => {
    const s = [...xs].sort((a, b) => a - b);
    const mid = s.length >> 1;
    return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  };
  it('equals the median of a sorted copy, duplicates, sorted and reversed runs, zeros and negatives included', () => {
    const values = fc.array(fc.oneof(fc.constantFrom(108.1, 108.2, 29.9, -3, 0, -0), fc.double({ min: -180, max: 180, noNaN: true })),
      { minLength: 1, maxLength: 300 });
    fc.assert(fc.property(values, fc.constantFrom('as is', 'sorted', 'reversed'), (xs, order) => {
      const input = order === 'as is' ? xs : [...xs].sort((a, b) => (order === 'sorted' ? a - b : b - a));
      const array = Float64Array.from(input);
      expect(medianOf(array)).toBe(sortedMedian(input));
      expect([...array]).toEqual(input); // the input is not reordered
    }), { numRuns: 3000 });
  });
  it('on 100,001 values in an order built against median-of-three pivots', () => {
    const n = 100_001;
    const xs = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? i : n - i) + 0.5);
    expect(medianOf(Float64Array.from(xs))).toBe(sortedMedian(xs));
  });
});

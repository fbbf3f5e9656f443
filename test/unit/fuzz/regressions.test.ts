/**
 * Regressions of what the hostile-file work (issue 7) found in src/core/io, each with its minimal
 * counterexample: crashes the fuzz properties shrank to, and blow-ups (quadratic work, per-character
 * string building) that small fuzz inputs cannot show, pinned here at a size where the old code
 * took seconds to minutes. Time limits are hang guards with a wide margin, not speed goals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  groupNearbyPoints, haversineM, parseHouseholdsFile, parseSitesFile, UserInputError, type GroupablePoint,
} from '../../../src/core/index.ts';
import { normalizeWidth } from '../../../src/core/io/normalize-width.ts';
import { quoteValue } from '../../../src/core/io/quote-value.ts';
import { utf8 } from './generators.ts';

/** Runs `run` and returns its result and how long it took. */
async function timed<T>(run: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

describe('crashes found by the fuzz properties', () => {
  it('GeoJSON: a property named like an Object.prototype member ("toString") that another feature lacks', async () => {
    // Was: TypeError: Cannot read properties of undefined (reading 'trim') — props["toString"] was the inherited function.
    const text = '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"toString":"x"}},'
      + '{"type":"Feature","properties":{"lon":108.1,"lat":30.1}}]}';
    const r = await parseHouseholdsFile({ name: 'h.geojson', bytes: utf8(text) });
    expect(r.households.map((h) => [h.id, h.lon, h.lat])).toEqual([['2', 108.1, 30.1]]);
    expect(r.issues.map((i) => [i.line, i.code])).toEqual([[1, 'not_a_point']]);
    expect(r.columns.map((c) => [c.header, c.samples])).toEqual([['toString', []], ['lon', ['108.1']], ['lat', ['30.1']]]);
  });

  it('GeoJSON: "constructor" and "__proto__" keys are plain data too', async () => {
    const text = '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[108.1,30.1]},'
      + '"properties":{"__proto__":"a","constructor":"b"}},{"type":"Feature","geometry":{"type":"Point","coordinates":[108.1,30.1]}}]}';
    const r = await parseHouseholdsFile({ name: 'h.geojson', bytes: utf8(text) });
    expect(r.columns.map((c) => [c.header, c.samples])).toEqual([['__proto__', ['a']], ['constructor', ['b']]]);
    expect(r.households).toHaveLength(2);
  });

  it('GeoJSON: a property value nested 10,000 deep (was RangeError: Maximum call stack size exceeded)', async () => {
    const text = `{"type":"Feature","geometry":{"type":"Point","coordinates":[108.1,30.1]},"properties":{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`;
    const err = await parseHouseholdsFile({ name: 'h.geojson', bytes: utf8(text) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserInputError);
    expect((err as UserInputError).code).toBe('json_too_deep');
  });
});

describe('blow-ups on small hostile files', () => {
  it('5,000 personal columns with the same header × 200 rows: keys 姓名, 姓名 (2), ... in linear time (was 2.5·10^9 lookups: no end in minutes)', async () => {
    const columns = 5_000;
    const header = ['lon', 'lat', ...Array<string>(columns).fill('姓名')].join(',');
    const row = ['108.1', '30.1', ...Array.from({ length: columns }, (_, i) => `p${i}`)].join(',');
    const { value: r, ms } = await timed(() => parseHouseholdsFile({ name: 'p.csv', bytes: utf8(`${header}\n${`${row}\n`.repeat(200)}`) }));
    expect(r.households).toHaveLength(200);
    const personal = r.households[0]!.personal;
    expect(Object.keys(personal)).toHaveLength(columns);
    expect([personal['姓名'], personal['姓名 (2)'], personal[`姓名 (${columns})`]]).toEqual(['p0', 'p1', `p${columns - 1}`]);
    expect(ms).toBeLessThan(15_000); // ~2 s; the old loop did not end within minutes
  });

  it('personal keys skip a suffix another column already has, as before', async () => {
    const r = await parseHouseholdsFile({ name: 'p.csv', bytes: utf8('lon,lat,姓名,姓名 (2),姓名,姓名\n108.1,30.1,a,b,c,d\n108.1,30.1,,b,c,d\n') },
      { mapping: ['lon', 'lat', 'personal', 'personal', 'personal', 'personal'] });
    expect(r.households.map((h) => h.personal)).toEqual([
      { '姓名': 'a', '姓名 (2)': 'b', '姓名 (3)': 'c', '姓名 (4)': 'd' },
      { '姓名 (2)': 'b', '姓名': 'c', '姓名 (3)': 'd' },
    ]);
  });

  it('OpenCelliD: 50,000 cells stacked at one tower → one site, fast (was 1.25·10^9 comparisons, ~20 s)', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) =>
      `LTE,460,0,1,${i},0,${(108.2 + (i % 100) * 1e-6).toFixed(7)},${(30 + Math.floor(i / 100) * 1e-6).toFixed(7)},1000,1,1,0,0,0`);
    const { value: r, ms } = await timed(() => parseSitesFile({ name: 'cells.csv', bytes: utf8(rows.join('\n')) }));
    expect(r.sites).toHaveLength(1);
    expect(r.sites[0]!.name).toBe('LTE 460-00 cell 0 (+49999)');
    expect(ms).toBeLessThan(5_000); // ~1 s
  });

  it('OpenCelliD: 20,000 sites sharing one id base get -2, -3, ... in linear time (was 2·10^8 set lookups)', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) =>
      `LTE,460,0,1,1,0,${(100 + (i % 200) * 0.01).toFixed(2)},${(25 + Math.floor(i / 200) * 0.01).toFixed(2)},1000,1,1,0,0,0`);
    const { value: r, ms } = await timed(() => parseSitesFile({ name: 'cells.csv', bytes: utf8(rows.join('\n')) }));
    expect(r.sites.map((s) => s.id).slice(0, 3)).toEqual(['LTE-460-00-1-1', 'LTE-460-00-1-1-2', 'LTE-460-00-1-1-3']);
    expect(r.sites.at(-1)!.id).toBe('LTE-460-00-1-1-20000');
    expect(ms).toBeLessThan(10_000);
  });

  it('a 1 MB cell in every measured column is read and quoted (cut) in its issue', async () => {
    for (const cell of ['1'.repeat(1e6), '1 '.repeat(5e5), '１'.repeat(1e6)]) {
      const csv = `lon,lat,date,students,signal,rsrp\n${cell},30.1,${cell},${cell},${cell},${cell}\n108.1,30.1,,,,\n`;
      const { value: r, ms } = await timed(() => parseHouseholdsFile({ name: 'l.csv', bytes: utf8(csv) }));
      expect(r.households).toHaveLength(1);
      expect(r.issues.find((i) => i.line === 2 && i.field === 'lon')?.value?.length).toBe(cell.trim().length);
      expect(ms).toBeLessThan(5_000);
    }
  });

  it('normalizeWidth returns a 20 MB cell with nothing to fold at once (was ~5 s: per-character string building)', () => {
    const cell = '108.123456,'.repeat(2e6);
    const start = performance.now();
    expect(normalizeWidth(cell) === cell).toBe(true);
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('normalizeWidth and quoteValue give what they gave before on wide forms, astral characters and long text', () => {
    expect(normalizeWidth('１０８．１２\u3000－\u2212𠀀中')).toBe('108.12 --𠀀中');
    expect(normalizeWidth('plain')).toBe('plain');
    expect(quoteValue('𠀀'.repeat(61))).toBe(JSON.stringify('𠀀'.repeat(60) + '…'));
    expect(quoteValue('𠀀'.repeat(60))).toBe(JSON.stringify('𠀀'.repeat(60)));
    expect(quoteValue(`  ${'a'.repeat(1e6)} `)).toBe(JSON.stringify('a'.repeat(60) + '…'));
  });
});

describe('groupNearbyPoints after the rewrite (lists per group and grid cell)', () => {
  /** Connected components of "same group and within d" by comparing every pair, numbered by first point. */
  function bruteForce(points: readonly GroupablePoint[], d: number): number[] {
    const parent = points.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    for (let i = 0; i < points.length; i++) {
      for (let j = 0; j < i; j++) {
        const p = points[i]!;
        const q = points[j]!;
        if (p.group === q.group && haversineM([p.lon, p.lat], [q.lon, q.lat]) <= d) parent[find(i)] = find(j);
      }
    }
    const numbers = new Map<number, number>();
    return points.map((_, i) => {
      const root = find(i);
      if (!numbers.has(root)) numbers.set(root, numbers.size);
      return numbers.get(root)!;
    });
  }

  it('equals the all-pairs components on random stacks, chains and scatters (2,000 cases)', () => {
    const step = 1 / 111_195; // ~1 m
    const point = fc.record({
      lon: fc.integer({ min: 0, max: 200 }).map((m) => 108.2 + m * step * 1.15),
      lat: fc.integer({ min: 0, max: 200 }).map((m) => 30 + m * step),
      group: fc.constantFrom('A', 'B'),
    });
    const stack = fc.tuple(point, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 3 }))
      .map(([p, n, jitter]) => Array.from({ length: n }, (_, k) => ({ ...p, lat: p.lat + k * jitter * 1e-7 })));
    fc.assert(fc.property(fc.array(fc.oneof(point.map((p) => [p]), stack), { maxLength: 40 }), fc.constantFrom(10, 50, 80), (parts, d) => {
      const points = parts.flat();
      expect(groupNearbyPoints(points, d)).toEqual(bruteForce(points, d));
    }), { numRuns: 2_000 });
  });

  it('stops with cells_too_dense past its budget of distance tests instead of running on', () => {
    // A chain of 30 cells 40 m apart needs one distance test per cell; a budget of 10 (injected) runs out.
    const points = Array.from({ length: 30 }, (_, i) => ({ lon: 108.2, lat: 30 + (i * 40) / 111_195, group: 'A' }));
    let err: unknown;
    try { groupNearbyPoints(points, 50, 10); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(UserInputError);
    expect([(err as UserInputError).code, (err as UserInputError).params]).toEqual(['cells_too_dense', { cells: 30 }]);
    expect(new Set(groupNearbyPoints(points, 50))).toEqual(new Set([0])); // the default budget: one chain, one site
  });
});

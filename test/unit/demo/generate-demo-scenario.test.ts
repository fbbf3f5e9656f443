import { commonVillageName } from '../../../src/core/demo/common-village-name.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { generateDemoScenario, DEMO_DEFAULT_SEED } from '../../../src/core/demo/generate-demo-scenario.ts';
import { demoHouseholdsToCsv, DEMO_HOUSEHOLD_HEADERS } from '../../../src/core/demo/demo-households-csv.ts';
import { demoSitesToCsv } from '../../../src/core/demo/demo-sites-csv.ts';
import type { DemoHouseholdRow, DemoScenario, DemoScenarioInput } from '../../../src/core/demo/demo-types.ts';
import { loadDemoInputs, readSimpleCsv, REPO_ROOT } from '../../../src/cli/load-demo-inputs.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const LONGCHI = '500240205206';
const ORDER = ['none', 'poor', 'fair', 'good', 'unknown'] as const;
type Cls = (typeof ORDER)[number];
const CATEGORY: Record<string, Cls> = { 无: 'none', 差: 'poor', 一般: 'fair', 好: 'good', 0: 'none', 1: 'poor', 2: 'fair', 3: 'good' };

/** The class of one row, computed independently from FORMATS.md §2's default thresholds (worst measure). */
function rowClass(r: DemoHouseholdRow): Cls {
  const found: Cls[] = [];
  if (r.signal !== undefined) found.push(CATEGORY[r.signal] ?? 'unknown');
  if (r.rsrp_dbm !== undefined) found.push(r.rsrp_dbm < -115 ? 'none' : r.rsrp_dbm < -105 ? 'poor' : r.rsrp_dbm < -95 ? 'fair' : 'good');
  if (r.down_mbps !== undefined) found.push(r.down_mbps < 0.15 ? 'none' : r.down_mbps < 1 ? 'poor' : r.down_mbps < 5 ? 'fair' : 'good');
  return found.sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))[0] ?? 'unknown';
}

/** Households (rows merged by id, worst class wins), in order of first row. */
function households(s: DemoScenario): Map<string, { cls: Cls; rows: DemoHouseholdRow[] }> {
  const out = new Map<string, { cls: Cls; rows: DemoHouseholdRow[] }>();
  for (const r of s.households) {
    const c = rowClass(r);
    const h = out.get(r.id);
    if (!h) out.set(r.id, { cls: c, rows: [r] });
    else {
      h.rows.push(r);
      if (ORDER.indexOf(c) < ORDER.indexOf(h.cls)) h.cls = c;
    }
  }
  return out;
}

const ROW_FIELDS = new Set(['id', 'lon', 'lat', 'students', 'county', 'township', 'village', 'township_code', 'village_code',
  'signal', 'rsrp_dbm', 'down_mbps', 'reported_at', 'operator']);

let input: Omit<DemoScenarioInput, 'seed'>;
let scenario: DemoScenario;
let homes: ReturnType<typeof households>;

beforeAll(() => {
  input = loadDemoInputs();
  scenario = generateDemoScenario(input);
  homes = households(scenario);
});

describe('generateDemoScenario: determinism', () => {
  it('gives identical output for the same seed, and uses the default seed when none is given', () => {
    const again = generateDemoScenario({ ...input, seed: DEMO_DEFAULT_SEED });
    expect(again.seed).toBe(DEMO_DEFAULT_SEED);
    expect(demoHouseholdsToCsv(again.households)).toBe(demoHouseholdsToCsv(scenario.households));
    expect(demoSitesToCsv(again.sites)).toBe(demoSitesToCsv(scenario.sites));
    expect(again.villages).toEqual(scenario.villages);
  });

  it('gives a different scenario for a different seed', () => {
    const other = generateDemoScenario({ ...input, seed: 7 });
    expect(demoHouseholdsToCsv(other.households)).not.toBe(demoHouseholdsToCsv(scenario.households));
    expect(demoSitesToCsv(other.sites)).not.toBe(demoSitesToCsv(scenario.sites));
  });

  it('does not mutate its input', () => {
    const before = JSON.stringify(input);
    generateDemoScenario({ ...input, seed: 5 });
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('generateDemoScenario: the default scenario', () => {
  it('has 4,000–8,000 households, all inside Shizhu County', () => {
    expect(homes.size).toBeGreaterThanOrEqual(4_000);
    expect(homes.size).toBeLessThanOrEqual(8_000);
    const outside = scenario.households.filter((r) => !booleanPointInPolygon([r.lon, r.lat], input.countyPolygon));
    expect(outside.map((r) => r.id)).toEqual([]);
  });

  it('has about 40 synthetic sites inside the county, plainly named and with plausible parameters', () => {
    expect(scenario.sites.length).toBeGreaterThanOrEqual(35);
    expect(scenario.sites.length).toBeLessThanOrEqual(45);
    expect(new Set(scenario.sites.map((s) => s.id)).size).toBe(scenario.sites.length);
    for (const s of scenario.sites) {
      expect(booleanPointInPolygon([s.lon, s.lat], input.countyPolygon)).toBe(true);
      expect(s.synthetic).toBe(true);
      expect(s.name).toMatch(/^示例站点 \d\d$/);
      expect(s.height_m).toBeGreaterThanOrEqual(15);
      expect(s.height_m).toBeLessThanOrEqual(60);
      expect([900, 1800]).toContain(s.band_mhz);
      expect(s.radius_m).toBeGreaterThan(0);
      expect(['中国移动', '中国联通', '中国电信']).toContain(s.operator);
    }
  });

  it('uses only real Shizhu village and township codes, with the names people write (龙池村 for 龙池村民委员会)', () => {
    const villages = new Map(readSimpleCsv(readFileSync(join(REPO_ROOT, 'data/divisions/shizhu_villages.csv'), 'utf8')).map((r) => [r['code'], r]));
    const streets = new Map(readSimpleCsv(readFileSync(join(REPO_ROOT, 'data/divisions/cq_streets.csv'), 'utf8')).map((r) => [r['code'], r]));
    for (const r of scenario.households) {
      const v = villages.get(r.village_code);
      expect(v, r.village_code).toBeDefined();
      expect(commonVillageName(v!['name']!)).toBe(r.village);
      expect(v?.['streetCode']).toBe(r.township_code);
      expect(streets.get(r.township_code)?.['name']).toBe(r.township);
      expect(r.county).toBe('石柱土家族自治县');
    }
    // Every rural village of the county has homes.
    const rural = [...villages.values()].filter((v) => v['name']?.includes('村民委员会'));
    const used = new Set(scenario.households.map((r) => r.village_code));
    expect(rural.filter((v) => !used.has(v['code'] ?? '')).map((v) => v['code'])).toEqual([]);
  });

  it('makes Longchi Village (龙池村, Liutang Township) dead and far from every site', () => {
    const longchi = [...homes.values()].filter((h) => h.rows[0]!.village_code === LONGCHI);
    expect(longchi.length).toBeGreaterThanOrEqual(15);
    expect(longchi[0]!.rows[0]!.township).toBe('六塘乡');
    expect(longchi[0]!.rows[0]!.village).toContain('龙池');
    const none = longchi.filter((h) => h.cls === 'none').length;
    expect(none / longchi.length).toBeGreaterThan(0.7);
    const summary = scenario.villages.find((v) => v.code === LONGCHI);
    expect(summary?.dead).toBe(true);
    expect(summary?.nearestSiteM).toBeGreaterThan(6_000);
  });

  it('has several (≥ 3) villages where more than 70 % of homes cannot attend', () => {
    const byVillage = new Map<string, { n: number; none: number }>();
    for (const h of homes.values()) {
      const e = byVillage.get(h.rows[0]!.village_code) ?? { n: 0, none: 0 };
      e.n++;
      if (h.cls === 'none') e.none++;
      byVillage.set(h.rows[0]!.village_code, e);
    }
    const dead = [...byVillage.entries()].filter(([, e]) => e.n >= 10 && e.none / e.n > 0.7);
    expect(dead.length).toBeGreaterThanOrEqual(3);
    // … while most villages are not dead: classes vary by village.
    expect(dead.length).toBeLessThan(byVillage.size / 5);
  });

  it('has the intended class mix: most homes covered, the uncovered ones concentrated in dead villages', () => {
    const counts: Record<Cls, number> = { none: 0, poor: 0, fair: 0, good: 0, unknown: 0 };
    for (const h of homes.values()) counts[h.cls]++;
    const share = (c: Cls): number => counts[c] / homes.size;
    expect(share('none')).toBeGreaterThanOrEqual(0.02);
    expect(share('none')).toBeLessThanOrEqual(0.08);
    expect(share('poor')).toBeGreaterThanOrEqual(0.03);
    expect(share('poor')).toBeLessThanOrEqual(0.10);
    expect(share('fair')).toBeGreaterThanOrEqual(0.15);
    expect(share('fair')).toBeLessThanOrEqual(0.30);
    expect(share('good')).toBeGreaterThanOrEqual(0.50);
    expect(share('good')).toBeLessThanOrEqual(0.75);
    expect(share('unknown')).toBeGreaterThanOrEqual(0.03);
    expect(share('unknown')).toBeLessThanOrEqual(0.08);
  });

  it('writes well-formed rows: ids, coordinates, students, dates, operators, measures in range', () => {
    for (const r of scenario.households) {
      expect(r.id).toMatch(/^SZ-\d{6}$/);
      expect(Math.round(r.lon * 1e6) / 1e6).toBe(r.lon);
      expect(Math.round(r.lat * 1e6) / 1e6).toBe(r.lat);
      expect([0, 1, 2, 3]).toContain(r.students);
      expect(r.reported_at).toMatch(/^2020-03-(0[1-9]|[12]\d|3[01])$/);
      expect(['中国移动', '中国联通', '中国电信']).toContain(r.operator);
      if (r.signal !== undefined) expect(Object.keys(CATEGORY)).toContain(r.signal);
      if (r.rsrp_dbm !== undefined) {
        expect(Number.isInteger(r.rsrp_dbm)).toBe(true);
        expect(r.rsrp_dbm).toBeGreaterThanOrEqual(-140);
        expect(r.rsrp_dbm).toBeLessThanOrEqual(-44);
      }
      if (r.down_mbps !== undefined) {
        expect(r.down_mbps).toBeGreaterThanOrEqual(0);
        expect(Math.round(r.down_mbps * 100) / 100).toBe(r.down_mbps);
      }
      // Only these fields: no personal ones (names, phones) in the demo.
      expect(Object.keys(r).filter((k) => !ROW_FIELDS.has(k))).toEqual([]);
    }
    const students = [...homes.values()].map((h) => h.rows[0]!.students);
    const oneOrTwo = students.filter((n) => n === 1 || n === 2).length;
    expect(oneOrTwo / students.length).toBeGreaterThan(0.7);
  });

  it('gives about 10 % of homes a second report at the same place on another date', () => {
    const twice = [...homes.values()].filter((h) => h.rows.length > 1);
    expect(twice.length / homes.size).toBeGreaterThan(0.06);
    expect(twice.length / homes.size).toBeLessThan(0.14);
    for (const h of twice) {
      expect(h.rows).toHaveLength(2);
      const [a, b] = h.rows as [DemoHouseholdRow, DemoHouseholdRow];
      expect([b.lon, b.lat]).toEqual([a.lon, a.lat]);
      expect(b.reported_at).not.toBe(a.reported_at);
      expect(Math.abs(ORDER.indexOf(rowClass(a)) - ORDER.indexOf(rowClass(b)))).toBeLessThanOrEqual(1);
    }
  });
});

describe('demo CSV writers', () => {
  it('writes households with the Chinese headers, LF endings, no BOM, one line per row', () => {
    const csv = demoHouseholdsToCsv(scenario.households);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv).not.toContain('\r');
    expect(csv.endsWith('\n')).toBe(true);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('户编号,经度,纬度,学生人数,区县,乡镇,村,信号强度,参考信号接收功率,下行速率,上报日期,运营商');
    expect(lines).toHaveLength(scenario.households.length + 1);
    expect(DEMO_HOUSEHOLD_HEADERS).toHaveLength(12);
  });

  it('round-trips through a CSV reader', () => {
    const rows = readSimpleCsv(demoHouseholdsToCsv(scenario.households));
    expect(rows).toHaveLength(scenario.households.length);
    rows.forEach((row, i) => {
      const r = scenario.households[i]!;
      expect(row['户编号']).toBe(r.id);
      expect(Number(row['经度'])).toBe(r.lon);
      expect(Number(row['纬度'])).toBe(r.lat);
      expect(row['村']).toBe(r.village);
      expect(row['信号强度']).toBe(r.signal ?? '');
      expect(row['参考信号接收功率']).toBe(r.rsrp_dbm === undefined ? '' : String(r.rsrp_dbm));
      expect(row['下行速率'] === '' ? undefined : Number(row['下行速率'])).toBe(r.down_mbps);
    });
  });

  it('quotes cells that need it', () => {
    const row: DemoHouseholdRow = {
      ...scenario.households[0]!, village: 'a,"b"', township: ' lead', county: 'x\ny',
    };
    const line = demoHouseholdsToCsv([row]).split('\n').slice(1, 3).join('\n');
    expect(line).toContain('"x\ny"," lead","a,""b"""');
    const back = readSimpleCsv(demoHouseholdsToCsv([row]))[0]!;
    expect([back['区县'], back['乡镇'], back['村']]).toEqual(['x\ny', ' lead', 'a,"b"']);
  });

  it('writes sites as the simple site CSV', () => {
    const csv = demoSitesToCsv(scenario.sites);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('id,name,lon,lat,height_m,band_mhz,eirp_dbm,radius_m,operator,synthetic');
    expect(lines).toHaveLength(scenario.sites.length + 1);
    expect(lines[1]).toMatch(/^SZ-S01,示例站点 01,\d+\.\d{6},\d+\.\d{6},\d+,\d+,\d+,\d+,中国(移动|联通|电信),true$/);
  });
});

describe('commonVillageName', () => {
  it('gives the short form people write', () => {
    expect(commonVillageName('龙池村民委员会')).toBe('龙池村');
    expect(commonVillageName('正街社区居民委员会')).toBe('正街社区');
    expect(commonVillageName('新城居民委员会')).toBe('新城社区');
    expect(commonVillageName('龙池村')).toBe('龙池村');
  });
});

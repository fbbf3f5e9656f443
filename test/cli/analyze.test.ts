import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture, summary, ROOT } from './run-cli.ts';
import type { ClustersFeatureCollection } from '../../src/core/io/export-clusters-geojson.ts';

const DEMO = join(ROOT, 'public/demo/households.csv');
const DEMO_SITES = join(ROOT, 'public/demo/sites.csv');

/** Ids of the demo households of one village (the demo CSV has no quoted cells). */
function demoIdsOfVillage(village: string): string[] {
  const [header = '', ...lines] = readFileSync(DEMO, 'utf8').trim().split('\n');
  const cols = header.split(',');
  const idCol = cols.indexOf('户编号');
  const villageCol = cols.indexOf('村');
  return [...new Set(lines.map((l) => l.split(',')).filter((c) => c[villageCol] === village).map((c) => c[idCol] ?? ''))];
}

// Each test spawns Node; running them concurrently keeps the file fast.
describe.concurrent('cli analyze', () => {
  it('clusters the demo: exit 0, a FeatureCollection ranked best first, a one-line summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blindspot-analyze-'));
    const out = join(dir, 'clusters.geojson');
    const r = await cli('analyze', DEMO, '--sites', DEMO_SITES, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const fc = JSON.parse(readFileSync(out, 'utf8')) as ClustersFeatureCollection;
    const s = summary(r.stderr);
    expect(s).toMatchObject({ ok: true, issues: 0, epsM: 500, minHouseholds: 3, sites: 40, siteIssues: 0 });
    expect(s['clusters']).toBe(fc.features.length);
    expect(s['isolatedHouseholds']).toBe(fc.blindspot.isolatedHouseholds);
    expect(s['isolatedHouseholdIds']).toEqual(fc.blindspot.isolatedHouseholdIds);
    expect(fc.blindspot).toMatchObject({ schema: 'blindspot.clusters/1', uncoveredHouseholds: s['uncoveredHouseholds'] });
    expect(fc.features.length).toBeGreaterThan(10);
    expect(fc.features.map((f) => f.properties.rank)).toEqual(fc.features.map((_, i) => i + 1));
    const students = fc.features.map((f) => f.properties.uncoveredStudents);
    expect(students).toEqual([...students].sort((a, b) => b - a));
    for (const f of fc.features) {
      expect(f.properties.kind).toBe('cluster');
      expect(f.properties.nearestSiteM).toEqual(expect.any(Number));
    }
    // Every uncovered household is in exactly one cluster or isolated.
    const members = fc.features.reduce((n, f) => n + f.properties.uncoveredHouseholds, 0);
    expect(members + fc.blindspot.isolatedHouseholds).toBe(fc.blindspot.uncoveredHouseholds);
  });

  it('ranks the dead village 龙池村 (六塘乡) among the top 5 clusters, far from every site', async () => {
    const r = await cli('analyze', DEMO, '--sites', DEMO_SITES);
    expect(r.code).toBe(0);
    const fc = JSON.parse(r.stdout) as ClustersFeatureCollection;
    const longchi = demoIdsOfVillage('龙池村');
    expect(longchi.length).toBeGreaterThanOrEqual(20);
    // Longchi's main group of homes (the demo also scatters a few more around it).
    const count = (ids: string[] | undefined) => (ids ?? []).filter((id) => longchi.includes(id)).length;
    const main = [...fc.features].sort((a, b) => count(b.properties.householdIds) - count(a.properties.householdIds))[0]!.properties;
    expect(count(main.householdIds)).toBeGreaterThanOrEqual(15);
    expect(main.rank).toBeLessThanOrEqual(5);
    expect(main.villages[0]).toBe('龙池村');
    expect(main.townships[0]).toBe('六塘乡');
    expect(main.nearestSiteM).toBeGreaterThan(5000); // the demo keeps sites 5 km away from Longchi
  });

  it('--privacy leaves out every household id, in the file and in the summary', async () => {
    const r = await cli('analyze', DEMO, '--sites', DEMO_SITES, '--privacy');
    expect(r.code).toBe(0);
    const fc = JSON.parse(r.stdout) as ClustersFeatureCollection;
    expect(fc.blindspot).not.toHaveProperty('isolatedHouseholdIds');
    for (const f of fc.features) expect(f.properties).not.toHaveProperty('householdIds');
    expect(r.stdout).not.toMatch(/SZ-\d{6}/);
    const s = summary(r.stderr);
    expect(s).not.toHaveProperty('isolatedHouseholdIds');
    expect(s['isolatedHouseholds']).toBe(fc.blindspot.isolatedHouseholds);
  });

  it('follows --uncovered, --eps-m and --min-households; without --sites the distance is null', async () => {
    const r = await cli('analyze', DEMO, '--uncovered', 'none', '--eps-m', '800', '--min-households=5');
    expect(r.code).toBe(0);
    const fc = JSON.parse(r.stdout) as ClustersFeatureCollection;
    expect(fc.blindspot.settings).toEqual({ epsM: 800, minHouseholds: 5, uncovered: ['none'] });
    expect(fc.features.every((f) => f.properties.nearestSiteM === null)).toBe(true);
    expect(fc.features.every((f) => f.properties.uncoveredHouseholds >= 5)).toBe(true);
    const s = summary(r.stderr);
    expect(s).toMatchObject({ epsM: 800, minHouseholds: 5 });
    expect(s).not.toHaveProperty('sites');
  });

  it('uses the good rows of a file with row issues, counts the issues, exits 0', async () => {
    const r = await cli('analyze', fixture('households-bad-rows.csv'), '--min-households', '1', '--threshold-rsrp-none', '-110');
    expect(r.code).toBe(0);
    expect(summary(r.stderr)).toMatchObject({ ok: true, households: 6, issues: 8 });
    expect(r.stdout).not.toMatch(/Parent|139000000/);
  });

  it('exits 1 with a one-line JSON error for a file it cannot use', async () => {
    const missing = await cli('analyze', fixture('no-such-file.csv'));
    expect(missing.code).toBe(1);
    expect(summary(missing.stderr)).toMatchObject({ ok: false, code: 'file_not_found' });

    const noSites = await cli('analyze', DEMO, '--sites', fixture('no-such-sites.csv'));
    expect(noSites.code).toBe(1);
    expect(noSites.stdout).toBe('');
    expect(summary(noSites.stderr)).toMatchObject({ ok: false, code: 'file_not_found' });

    const tmp = mkdtempSync(join(tmpdir(), 'blindspot-analyze-'));
    const allBad = join(tmp, 'all-bad.csv');
    writeFileSync(allBad, 'id,lon,lat,signal\n1,abc,30,none\n2,108,,poor\n');
    const unusable = await cli('analyze', allBad);
    expect(unusable.code).toBe(1);
    expect(unusable.stdout).toBe('');
    expect(summary(unusable.stderr)).toMatchObject({ ok: false, code: 'no_usable_rows' });
  });

  it.each([
    [[]],
    [['a.csv', 'b.csv']],
    [['x.csv', '--bogus']],
    [['x.csv', '--eps-m']],
    [['x.csv', '--eps-m', 'wide']],
    [['x.csv', '--eps-m', '0']],
    [['x.csv', '--eps-m', '-5']],
    [['x.csv', '--min-households', '0']],
    [['x.csv', '--min-households', '2.5']],
    [['x.csv', '--uncovered', 'none,bad']],
    [['x.csv', '--uncovered', ',']],
    [['x.csv', '--privacy=yes']],
    [['x.csv', '--merge', 'best']],
    [['x.csv', '--eps-m', '2000000']],
  ])('exits 2 on bad usage: analyze %j', async (args) => {
    const r = await cli('analyze', ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^analyze: .*\nusage:/);
  });
});

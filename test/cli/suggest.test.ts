import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture, summary, ROOT } from './run-cli.ts';
import { runSuggest } from '../../src/cli/suggest-command.ts';
import { UsageError } from '../../src/cli/usage-error.ts';
import { parseProposalsGeoJson, type SitesFeatureCollection, type SiteFeatureProperties } from '../../src/core/index.ts';

const DEMO = join(ROOT, 'public/demo/households.csv');
const DEMO_SITES = join(ROOT, 'public/demo/sites.csv');
/**
 * Hand-checked fixture (radius 1,000 m): 龙池村 A1 (2 students), A2 96 m east (1), A3 222 m north
 * (3) — all none; G1 good (5: never counted); 桥头村 B1 4.8 km east (2) and B2 ~70 m from it (2),
 * poor; U1 no signal (unknown: never counted); 远村 C1 9.6 km east (1), none. Uncovered: 6 homes,
 * 11 students. A1–A3 are one cluster (c-1, 3 homes within 500 m); B and C are not clusters.
 */
const HOMES = fixture('suggest-households.csv');
/** One proposal 28 m from B1 (radius 1,000 m): covers B1 and B2 (4 students). */
const FIXED = fixture('suggest-fixed.geojson');

const props = (fc: SitesFeatureCollection): SiteFeatureProperties[] =>
  fc.features.map((f) => f.properties).filter((p): p is SiteFeatureProperties => p.kind === 'site');

describe.concurrent('cli suggest', () => {
  it('suggests the hand-checked sites best first, with the homes each newly covers', async () => {
    const r = await cli('suggest', HOMES, '--count', '2', '--radius-m', '1000', '--generated-at', '2026-01-01T00:00:00Z');
    expect(r.code).toBe(0);
    const fc = JSON.parse(r.stdout) as SitesFeatureCollection;
    expect(fc.blindspot).toMatchObject({ schema: 'blindspot.sites/1', generatedAt: '2026-01-01T00:00:00Z', coverageModel: 'radius' });
    expect(fc.features.map((f) => f.geometry.coordinates)).toEqual([[108.2, 30], [108.25, 30]]);
    expect(props(fc).map((p) => [p.id, p.rank, p.newlyCoveredHouseholds, p.newlyCoveredStudents, p.villages, p.clusterIds, p.origin, p.radiusM]))
      .toEqual([['suggested-1', 1, 3, 6, ['龙池村'], ['c-1'], 'suggested', 1000], ['suggested-2', 2, 2, 4, ['桥头村'], [], 'suggested', 1000]]);
    expect(summary(r.stderr)).toMatchObject({
      ok: true, households: 8, issues: 0, uncoveredHouseholds: 6, uncoveredStudents: 11, fixedProposals: 0, fixedCoveredStudents: 0,
      candidates: 7, count: 2, radiusM: 1000, suggested: 2, newlyCoveredHouseholds: 5, newlyCoveredStudents: 10, remainingStudents: 1,
      method: 'exact', exactMethod: 'milp', milpStatus: 'optimal', greedyStudents: 10, optimumStudents: 10, greedyGapPercent: 0,
    });
    const parsed = parseProposalsGeoJson(r.stdout);
    expect(parsed.map((s) => [s.id, s.lon, s.lat, s.radiusM, s.origin])).toEqual([['suggested-1', 108.2, 30, 1000, 'suggested'], ['suggested-2', 108.25, 30, 1000, 'suggested']]);
  });

  it('keeps --proposals fixed: their homes first, their ids kept free, not written again; stops when nothing is left', async () => {
    const r = await cli('suggest', HOMES, '--count', '5', '--radius-m', '1000', '--proposals', FIXED);
    expect(r.code).toBe(0);
    const fc = JSON.parse(r.stdout) as SitesFeatureCollection;
    expect(props(fc).map((p) => [p.id, p.newlyCoveredStudents, p.villages])).toEqual([['suggested-2', 6, ['龙池村']], ['suggested-3', 1, ['远村']]]);
    expect(summary(r.stderr)).toMatchObject({
      uncoveredStudents: 11, fixedProposals: 1, fixedCoveredStudents: 4, candidates: 5, suggested: 2, newlyCoveredStudents: 7, remainingStudents: 0,
    });
  });

  it('--exact never keeps the greedy answer; --uncovered none leaves the poor homes out; --include-coverage adds circles', async () => {
    const [never, none, circles] = await Promise.all([
      cli('suggest', HOMES, '--count', '1', '--radius-m', '1000', '--exact', 'never'),
      cli('suggest', HOMES, '--count=3', '--radius-m=1000', '--uncovered', 'none'),
      cli('suggest', HOMES, '--count', '1', '--radius-m', '1000', '--include-coverage'),
    ]);
    expect(summary(never.stderr)).toMatchObject({ method: 'greedy', exactMethod: null, milpStatus: null, optimumStudents: null, greedyGapPercent: null, newlyCoveredStudents: 6 });
    expect(summary(none.stderr)).toMatchObject({ uncoveredHouseholds: 4, uncoveredStudents: 7, suggested: 2, newlyCoveredStudents: 7 });
    const fc = JSON.parse(circles.stdout) as SitesFeatureCollection;
    expect(fc.features.map((f) => [f.properties.kind, f.geometry.type])).toEqual([['site', 'Point'], ['coverage', 'Polygon']]);
  });

  it('suggests on the demo: the exact optimum from HiGHS, ids and counts that add up, a file that parses back', { timeout: 90_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blindspot-suggest-'));
    const out = join(dir, 'proposals.geojson');
    const r = await cli('suggest', DEMO, '--count', '3', '--sites', DEMO_SITES, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const s = summary(r.stderr);
    expect(s).toMatchObject({ ok: true, households: 5894, uncoveredHouseholds: 585, suggested: 3, method: 'exact', exactMethod: 'milp', sites: 40, siteIssues: 0 });
    expect(s['greedyGapPercent']).toBeGreaterThanOrEqual(0);
    const text = readFileSync(out, 'utf8');
    const fc = JSON.parse(text) as SitesFeatureCollection;
    const p = props(fc);
    expect(p.map((x) => x.rank)).toEqual([1, 2, 3]);
    const students = p.map((x) => x.newlyCoveredStudents);
    expect(students).toEqual([...students].sort((a, b) => b - a));
    expect(students.reduce((a, b) => a + b, 0)).toBe(s['newlyCoveredStudents']);
    expect(s['remainingStudents']).toBe((s['uncoveredStudents'] as number) - (s['newlyCoveredStudents'] as number));
    for (const x of p) expect(x.villages.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/SZ-\d{6}/); // no household ids
    expect(parseProposalsGeoJson(text)).toHaveLength(3);

    // The 3 as fixed proposals, then 2 more: new ids, the 3's students taken out first.
    const more = await cli('suggest', DEMO, '--count', '2', '--proposals', out);
    expect(more.code).toBe(0);
    const m = summary(more.stderr);
    expect(m).toMatchObject({ fixedProposals: 3, fixedCoveredStudents: s['newlyCoveredStudents'], suggested: 2 });
    expect(props(JSON.parse(more.stdout) as SitesFeatureCollection).map((x) => x.id)).toEqual(['suggested-4', 'suggested-5']);
  });

  it('exit 2 on bad usage (a bad --count)', async () => {
    const r = await cli('suggest', HOMES, '--count', 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^suggest: --count needs a whole number from 0 to 1000, got "x"\nusage:/);
  });

  it('exit 1 when a file cannot be used: missing, a directory, not a proposals file', async () => {
    const [missing, directory, notProposals] = await Promise.all([
      cli('suggest', fixture('no-such-file.csv'), '--count', '2'),
      cli('suggest', join(ROOT, 'test/fixtures'), '--count', '2'),
      cli('suggest', HOMES, '--count', '2', '--proposals', HOMES),
    ]);
    expect(missing.code).toBe(1);
    expect(summary(missing.stderr)).toMatchObject({ ok: false, code: 'file_not_found' });
    expect(directory.code).toBe(1);
    expect(summary(directory.stderr)).toMatchObject({ ok: false, code: 'unreadable_file' });
    expect(notProposals.code).toBe(1);
    expect(summary(notProposals.stderr)).toMatchObject({ ok: false, code: 'invalid_sites_file' });
  });
});

// Usage errors are thrown before any file is read: checked in-process (main.ts turns them into exit code 2, as above).
describe('runSuggest usage errors', () => {
  it.each([
    [[HOMES]], [[HOMES, '--count', '-1']], [[HOMES, '--count', '1.5']], [[HOMES, '--count', '1001']], [[HOMES, '--count', '']],
    [[HOMES, '--count', '2', '--radius-m', '0']], [[HOMES, '--count', '2', '--radius-m', '100001']], [[HOMES, '--count', '2', '--radius-m', 'far']],
    [[HOMES, '--count', '2', '--exact', 'sometimes']], [[HOMES, '--count', '2', '--uncovered', 'bad']], [[HOMES, '--count', '2', '--eps-m', 'x']],
    [[HOMES, '--count', '2', '--bogus']], [['--count', '2']], [[HOMES, HOMES, '--count', '2']], [[HOMES, '--count', '2', '--crs', 'utm']],
  ])('%j', async (args) => {
    await expect(runSuggest(args)).rejects.toThrow(UsageError);
  });
});

/**
 * `suggest --dem` (FORMATS.md §9): suggestions with coverage predicted over the terrain — on the
 * ridge fixture (hand-checkable against the circle of the same reach) and on the demo terrain.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture, summary, ROOT } from './run-cli.ts';
import { runSuggest } from '../../src/cli/suggest-command.ts';
import { UsageError } from '../../src/cli/usage-error.ts';
import type { SitesFeatureCollection, SiteFeatureProperties } from '../../src/core/index.ts';

const RIDGE = fixture('dem/ridge-3s.tif');
const DEMO = join(ROOT, 'public/demo/households.csv');

/**
 * West of the fixture's ridge (crest 108.1° E): 西村 W1–W3, 6 students, no signal; east of it,
 * 9.6 km from W1: 东村 E1–E2, 5 students. A circle of the terrain model's reach (11.5 km) around
 * a west home takes both villages; over the terrain one site sees one side only.
 */
function ridgeHomes(): string {
  const dir = mkdtempSync(join(tmpdir(), 'blindspot-suggest-dem-'));
  const homes = join(dir, 'homes.csv');
  writeFileSync(homes, [
    'id,lon,lat,students,village,signal',
    'W1,108.050,30.100,2,西村,none', 'W2,108.052,30.101,2,西村,none', 'W3,108.051,30.099,2,西村,poor',
    'E1,108.150,30.100,3,东村,none', 'E2,108.151,30.101,2,东村,none',
  ].join('\n') + '\n');
  return homes;
}

const props = (fc: SitesFeatureCollection): SiteFeatureProperties[] =>
  fc.features.map((f) => f.properties).filter((p): p is SiteFeatureProperties => p.kind === 'site');

describe('cli suggest --dem', () => {
  it('over the ridge: one site per side; the circle of the same reach would take both', async () => {
    const homes = ridgeHomes();
    const [one, two, circle] = await Promise.all([
      cli('suggest', homes, '--count', '1', '--dem', RIDGE, '--generated-at', '2026-01-01T00:00:00Z'),
      cli('suggest', homes, '--count', '2', '--dem', RIDGE, '--include-coverage'),
      cli('suggest', homes, '--count', '1', '--radius-m', '11469', '--exact', 'never'),
    ]);
    expect(one.code).toBe(0);
    const fc = JSON.parse(one.stdout) as SitesFeatureCollection;
    expect(fc.blindspot).toMatchObject({ schema: 'blindspot.sites/1', coverageModel: 'terrain', generatedAt: '2026-01-01T00:00:00Z' });
    expect(props(fc).map((p) => [p.rank, p.newlyCoveredHouseholds, p.newlyCoveredStudents, p.villages, p.radiusM, p.origin]))
      .toEqual([[1, 3, 6, ['西村'], 11469, 'suggested']]);
    expect(summary(one.stderr)).toMatchObject({
      ok: true, households: 5, uncoveredHouseholds: 5, uncoveredStudents: 11, candidates: 6, count: 1, radiusM: 11469,
      coverageModel: 'terrain', dem: 'ridge-3s.tif', suggested: 1, newlyCoveredStudents: 6, remainingStudents: 5,
      method: 'exact', exactMethod: 'milp', milpStatus: 'optimal', greedyStudents: 6, optimumStudents: 6, greedyGapPercent: 0,
    });

    expect(two.code).toBe(0);
    const fc2 = JSON.parse(two.stdout) as SitesFeatureCollection;
    expect(props(fc2).map((p) => [p.newlyCoveredStudents, p.villages])).toEqual([[6, ['西村']], [5, ['东村']]]);
    // --include-coverage: each site followed by its terrain outline, which stops at the ridge.
    const outlines = fc2.features.filter((f) => f.properties.kind === 'coverage');
    expect(outlines).toHaveLength(2);
    const west = outlines[0]!.geometry.coordinates as number[][][];
    expect(Math.max(...west[0]!.map((p) => p[0]!))).toBeLessThan(108.12);

    expect(circle.code).toBe(0);
    expect(summary(circle.stderr)).toMatchObject({ suggested: 1, newlyCoveredStudents: 11 });
  }, 120_000);

  it('on the demo terrain: five sites, the optimum from HiGHS, every pick covering students', async () => {
    const r = await cli('suggest', DEMO, '--count', '5', '--dem', 'demo');
    expect(r.code).toBe(0);
    const fc = JSON.parse(r.stdout) as SitesFeatureCollection;
    expect(fc.blindspot.coverageModel).toBe('terrain');
    const p = props(fc);
    expect(p).toHaveLength(5);
    expect(p.every((q) => q.newlyCoveredStudents > 0 && q.radiusM === 11469)).toBe(true);
    const s = summary(r.stderr);
    expect(s).toMatchObject({ ok: true, dem: 'demo terrain (synthetic)', suggested: 5 });
    expect(s).toMatchObject({ method: 'exact', exactMethod: 'milp', milpStatus: 'optimal' });
    expect(s['optimumStudents']).toBe(s['newlyCoveredStudents']);
    expect(s['optimumStudents'] as number).toBeGreaterThanOrEqual(s['greedyStudents'] as number);
    expect(s['newlyCoveredStudents']).toBe(p.reduce((n, q) => n + q.newlyCoveredStudents, 0));
  }, 180_000);

  it('honours --exact with --dem: never keeps the greedy answer, always gives the proved optimum', async () => {
    const homes = ridgeHomes();
    const [never, always] = await Promise.all([
      cli('suggest', homes, '--count', '2', '--dem', RIDGE, '--exact', 'never'),
      cli('suggest', homes, '--count', '2', '--dem', RIDGE, '--exact', 'always'),
    ]);
    expect(never.code).toBe(0);
    expect(summary(never.stderr)).toMatchObject({ method: 'greedy', exactMethod: null, milpStatus: null, optimumStudents: null, newlyCoveredStudents: 11 });
    expect(always.code).toBe(0);
    expect(summary(always.stderr)).toMatchObject({ method: 'exact', exactMethod: 'milp', milpStatus: 'optimal', optimumStudents: 11 });
  }, 120_000);

  it('refuses --radius-m with --dem (exit 2), and an unusable DEM (exit 1)', async () => {
    const homes = ridgeHomes();
    await expect(runSuggest([homes, '--count', '1', '--dem', RIDGE, '--radius-m', '3000'])).rejects.toBeInstanceOf(UsageError);
    const r = await cli('suggest', homes, '--count', '1', '--dem', RIDGE, '--radius-m', '3000');
    expect(r.code).toBe(2);
    const bad = await cli('suggest', homes, '--count', '1', '--dem', homes);
    expect(bad.code).toBe(1);
    expect(summary(bad.stderr)).toMatchObject({ ok: false, code: 'invalid_dem' });
  }, 120_000);
});

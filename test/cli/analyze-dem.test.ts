/**
 * `analyze --dem` (FORMATS.md §9): the existing sites' coverage predicted over the terrain flags
 * the homes without a usable report that no site reaches — a flag in the header and the summary,
 * the clusters unchanged. On the ridge fixture (hand-checkable) and on the demo terrain.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture, summary, ROOT } from './run-cli.ts';
import { runAnalyze } from '../../src/cli/analyze-command.ts';
import { UsageError } from '../../src/cli/usage-error.ts';
import type { ClustersFeatureCollection } from '../../src/core/io/export-clusters-geojson.ts';

const RIDGE = fixture('dem/ridge-3s.tif');
const DEMO = join(ROOT, 'public/demo/households.csv');
const DEMO_SITES = join(ROOT, 'public/demo/sites.csv');

/**
 * One site at 108.05° E on the plain west of the fixture's ridge (crest 108.1° E). Homes: W1, W2
 * west of the ridge with no signal reading (unknown: in sight → not flagged); E1, E2 behind the
 * ridge, unknown (flagged: 3 students); E3 behind the ridge but reported `none` (a report: never
 * flagged); F1 unknown 14 km north-west, beyond the Hata range (flagged, 1 student).
 */
function ridgeCase(): { homes: string; sites: string } {
  const dir = mkdtempSync(join(tmpdir(), 'blindspot-analyze-dem-'));
  const homes = join(dir, 'homes.csv');
  writeFileSync(homes, [
    'id,lon,lat,students,village,signal',
    'W1,108.03,30.10,1,西村,', 'W2,108.07,30.12,2,西村,',
    'E1,108.14,30.10,2,东村,', 'E2,108.15,30.11,1,东村,', 'E3,108.14,30.09,1,东村,none',
    'F1,107.95,30.19,1,远村,',
  ].join('\n') + '\n');
  const sites = join(dir, 'sites.csv');
  writeFileSync(sites, 'id,name,lon,lat,height_m,band_mhz,eirp_dbm,operator\nS1,西站,108.05,30.10,30,900,58,中国移动\n');
  return { homes, sites };
}

describe('cli analyze --dem', () => {
  it('flags the unreported homes behind the ridge or out of reach, and nothing else', async () => {
    const { homes, sites } = ridgeCase();
    const [withDem, without] = await Promise.all([
      cli('analyze', homes, '--sites', sites, '--dem', RIDGE, '--generated-at', '2026-01-01T00:00:00Z'),
      cli('analyze', homes, '--sites', sites, '--generated-at', '2026-01-01T00:00:00Z'),
    ]);
    expect(withDem.code).toBe(0);
    const fc = JSON.parse(withDem.stdout) as ClustersFeatureCollection & { blindspot: Record<string, unknown> };
    expect(fc.blindspot['predictedUncovered']).toEqual({
      coverageModel: 'terrain', dem: 'ridge-3s.tif', thresholdDbm: -105, unknownHouseholds: 5,
      households: 3, students: 4, householdIds: ['E1', 'E2', 'F1'],
    });
    const s = summary(withDem.stderr);
    expect(s).toMatchObject({ ok: true, dem: 'ridge-3s.tif', predictedUncoveredHouseholds: 3, predictedUncoveredStudents: 4, sites: 1 });
    // A flag only: the clusters and the other counts are those of the run without --dem.
    const plain = JSON.parse(without.stdout) as ClustersFeatureCollection & { blindspot: Record<string, unknown> };
    expect(fc.features).toEqual(plain.features);
    const { predictedUncovered: _p, ...header } = fc.blindspot;
    expect(header).toEqual(plain.blindspot);
    const { dem: _d, predictedUncoveredHouseholds: _h, predictedUncoveredStudents: _s, ...rest } = s;
    expect(rest).toEqual(summary(without.stderr));
  }, 120_000);

  it('leaves the ids out with --privacy; follows --threshold-rsrp-poor', async () => {
    const { homes, sites } = ridgeCase();
    const r = await cli('analyze', homes, '--sites', sites, '--dem', RIDGE, '--privacy', '--threshold-rsrp-poor', '-60', '--threshold-rsrp-fair', '-50');
    expect(r.code).toBe(0);
    const fc = JSON.parse(r.stdout) as { blindspot: Record<string, Record<string, unknown>> };
    // At −60 dBm nothing is covered: every unreported home is flagged.
    expect(fc.blindspot['predictedUncovered']).toEqual({
      coverageModel: 'terrain', dem: 'ridge-3s.tif', thresholdDbm: -60, unknownHouseholds: 5, households: 5, students: 7,
    });
  }, 120_000);

  it('on the demo terrain: flags some of the demo\'s unreported homes', async () => {
    const r = await cli('analyze', DEMO, '--sites', DEMO_SITES, '--dem', 'demo', '--privacy');
    expect(r.code).toBe(0);
    const p = (JSON.parse(r.stdout) as { blindspot: Record<string, Record<string, number>> }).blindspot['predictedUncovered']!;
    expect(p['dem']).toBe('demo terrain (synthetic)');
    expect(p['unknownHouseholds']).toBeGreaterThan(200);
    expect(p['households']).toBeGreaterThan(0);
    expect(p['households']).toBeLessThan(p['unknownHouseholds']! / 2);
    expect(summary(r.stderr)['predictedUncoveredHouseholds']).toBe(p['households']);
  }, 120_000);

  it('refuses --dem without --sites (exit 2) and an unusable DEM (exit 1)', async () => {
    const { homes, sites } = ridgeCase();
    await expect(runAnalyze([homes, '--dem', RIDGE])).rejects.toBeInstanceOf(UsageError);
    const r = await cli('analyze', homes, '--dem', RIDGE);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--dem predicts the coverage of the existing sites: give them with --sites/);
    const bad = await cli('analyze', homes, '--sites', sites, '--dem', homes);
    expect(bad.code).toBe(1);
    expect(summary(bad.stderr)).toMatchObject({ ok: false, code: 'invalid_dem' });
  }, 120_000);
});

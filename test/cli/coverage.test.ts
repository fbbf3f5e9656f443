/**
 * `coverage` (FORMATS.md §8, §9): the real CLI under Node, on the small ridge fixture
 * (test/fixtures/dem/ridge-3s.tif, see make-ridge-3s.ts), on SRTM tiles written here, and on the
 * demo terrain; exit codes 0 / 1 / 2.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { cli, fixture, summary, ROOT } from './run-cli.ts';
import { ridgeTiff, RIDGE_FIXTURE } from '../fixtures/dem/make-ridge-3s.ts';
import { GEO_KEY, writeTestTiff } from '../unit/core/terrain/write-test-tiff.ts';
import { runCoverage } from '../../src/cli/coverage-command.ts';
import { UsageError } from '../../src/cli/usage-error.ts';
import { UserInputError } from '../../src/core/index.ts';

const RIDGE = fixture('dem/ridge-3s.tif');
type CoverageFeature = Feature<Polygon | MultiPolygon, Record<string, unknown>>;
const inside = (f: CoverageFeature, lon: number, lat: number): boolean => booleanPointInPolygon([lon, lat], f);

/** A flat 3″ SRTM tile at `heightM`. */
function flatHgt(heightM: number): Uint8Array {
  const bytes = new Uint8Array(2 * 1201 * 1201);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 1201 * 1201; i++) view.setInt16(2 * i, heightM, false);
  return bytes;
}

describe('the ridge fixture', () => {
  it('is what make-ridge-3s.ts writes', () => {
    expect(Buffer.from(readFileSync(RIDGE)).equals(Buffer.from(ridgeTiff()))).toBe(true);
  });
});

describe('cli coverage', () => {
  it('shades the far side of a ridge, covers the near side (GeoTIFF)', async () => {
    const r = await cli('coverage', '--site', '108.05,30.1', '--dem', RIDGE);
    expect(r.code).toBe(0);
    const f = JSON.parse(r.stdout) as CoverageFeature;
    expect(f.type).toBe('Feature');
    expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    expect(f.properties).toMatchObject({
      kind: 'coverage', coverageModel: 'terrain', site: [108.05, 30.1], antennaHeightM: 30, bandMHz: 900, eirpDbm: 58,
      environment: 'open', thresholdDbm: -105, dem: 'ridge-3s.tif', warnings: [],
    });
    expect(f.properties['rangeM']).toBeGreaterThan(11_000);
    expect(f.properties['rangeM']).toBeLessThan(12_000);
    expect(f.properties['demSynthetic']).toBeUndefined();
    // Open plain on the site's side: covered, up to ~9 km; behind the crest (108.1° E): shadow.
    for (const lon of [108.0, 108.03, 108.07, 108.09]) expect(inside(f, lon, 30.1), `${lon}`).toBe(true);
    expect(inside(f, 107.96, 30.12)).toBe(true);
    for (const lon of [108.12, 108.14, 108.16]) expect(inside(f, lon, 30.1), `${lon}`).toBe(false);
    const s = summary(r.stderr);
    expect(s).toMatchObject({ ok: true, site: [108.05, 30.1], dem: 'ridge-3s.tif', thresholdDbm: -105, geometry: f.geometry.type });
    expect(s['areaKm2']).toBe(f.properties['areaKm2']);
    // Roughly the western half of the 11.5 km circle (413 km²), plus the ridge's near slope.
    expect(s['areaKm2']).toBeGreaterThan(180);
    expect(s['areaKm2']).toBeLessThan(300);
  }, 120_000);

  it('without --dem: the circle of the Hata range, covering the far side too', async () => {
    const r = await cli('coverage', '--site', '108.05,30.1');
    expect(r.code).toBe(0);
    const f = JSON.parse(r.stdout) as CoverageFeature;
    expect(f.geometry.type).toBe('Polygon');
    expect(f.properties['dem']).toBeNull();
    expect(inside(f, 108.14, 30.1)).toBe(true);
    const rangeKm = (f.properties['rangeM'] as number) / 1000;
    expect(f.properties['areaKm2'] as number).toBeCloseTo(Math.PI * rangeKm * rangeKm, -1);
  }, 120_000);

  it('takes the radio options and the threshold; warns about a band outside Hata\'s range', async () => {
    const r = await cli('coverage', '--site', '108.05,30.1', '--height-m', '60', '--band-mhz', '2600', '--eirp-dbm', '60',
      '--threshold-rsrp-poor', '-110', '--environment', 'suburban');
    expect(r.code).toBe(0);
    const f = JSON.parse(r.stdout) as CoverageFeature;
    expect(f.properties).toMatchObject({ antennaHeightM: 60, bandMHz: 2600, eirpDbm: 60, thresholdDbm: -110, environment: 'suburban' });
    expect(f.properties['warnings']).toContain('frequencyMHz');
  }, 120_000);

  it('mosaics SRTM tiles given with commas: flat ground across the tile edge, no seam', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blindspot-dem-'));
    writeFileSync(join(dir, 'N29E108.hgt'), flatHgt(600));
    writeFileSync(join(dir, 'N30E108.hgt'), flatHgt(600));
    const out = join(dir, 'coverage.geojson');
    const r = await cli('coverage', '--site', '108.5,30', '--dem', `${join(dir, 'N29E108.hgt')},${join(dir, 'N30E108.hgt')}`, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const f = JSON.parse(readFileSync(out, 'utf8')) as CoverageFeature;
    expect(f.properties['dem']).toBe('N29E108.hgt + N30E108.hgt');
    // One ring, no hole along the tiles' shared edge (30° N), as far north as south and east as west.
    expect(f.geometry.type).toBe('Polygon');
    const ring = (f.geometry as Polygon).coordinates;
    expect(ring).toHaveLength(1);
    const lons = ring[0]!.map((p) => p[0]!), lats = ring[0]!.map((p) => p[1]!);
    const cell = 1 / 1200;
    expect(Math.abs((Math.max(...lats) - 30) - (30 - Math.min(...lats)))).toBeLessThanOrEqual(2 * cell);
    expect(Math.abs((Math.max(...lons) - 108.5) - (108.5 - Math.min(...lons)))).toBeLessThanOrEqual(2 * cell);
    for (const [lon, lat] of [[108.5, 29.94], [108.5, 30.06], [108.43, 30], [108.57, 30], [108.5, 30.0001], [108.5, 29.9999]] as const) {
      expect(inside(f, lon, lat), `${lon},${lat}`).toBe(true);
    }
  }, 120_000);

  it('on the demo terrain: Longchi is out of sight of its nearest site, and a site in its valley covers it', async () => {
    const longchi = [108.437547, 30.214782] as const; // the demo's village centre (generateDemoScenario)
    const sites = readFileSync(join(ROOT, 'public/demo/sites.csv'), 'utf8').trim().split('\n').slice(1)
      .map((line) => line.split(',')).map((c) => ({ lon: Number(c[2]), lat: Number(c[3]), heightM: Number(c[4]) }));
    const d2 = (s: { lon: number; lat: number }): number => (s.lon - longchi[0]) ** 2 + ((s.lat - longchi[1]) * 1.15) ** 2;
    const nearest = sites.reduce((a, b) => (d2(b) < d2(a) ? b : a));
    const [fromNearest, inValley] = await Promise.all([
      cli('coverage', '--site', `${nearest.lon},${nearest.lat}`, '--height-m', String(nearest.heightM), '--dem', 'demo'),
      cli('coverage', '--site', `${longchi[0] - 0.004},${longchi[1]}`, '--dem', 'demo'),
    ]);
    expect(fromNearest.code).toBe(0);
    const a = JSON.parse(fromNearest.stdout) as CoverageFeature;
    expect(a.properties).toMatchObject({ dem: 'demo terrain (synthetic)', demSynthetic: true });
    expect(inside(a, nearest.lon, nearest.lat)).toBe(true);
    expect(inside(a, longchi[0], longchi[1])).toBe(false);
    expect(inValley.code).toBe(0);
    expect(inside(JSON.parse(inValley.stdout) as CoverageFeature, longchi[0], longchi[1])).toBe(true);
  }, 120_000);

  it('exits 2 on bad usage (one real run; the rest in process)', async () => {
    const r = await cli('coverage', '--site', 'abc');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^coverage: --site needs LON,LAT/);
    const usage = [
      [], ['--site', '108.05'], ['--site', '200,30'], ['--site', '108.05,30.1', '--height-m', '0'],
      ['--site', '108.05,30.1', '--band-mhz', 'x'], ['--site', '108.05,30.1', '--environment', 'city'],
      ['--site', '108.05,30.1', '--radius-m', '3000'], ['file.csv', '--site', '108.05,30.1'],
    ];
    for (const args of usage) await expect(runCoverage(args), args.join(' ')).rejects.toBeInstanceOf(UsageError);
    await expect(runCoverage([])).rejects.toThrow(/--site LON,LAT is required/);
  }, 120_000);

  it('exits 1 when the DEM cannot be used or the site is off it, with the error code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blindspot-dem-'));
    const utm = join(dir, 'utm.tif');
    writeFileSync(utm, writeTestTiff({
      width: 4, height: 4, samples: new Int16Array(16).fill(500), tiepoint: [0, 0, 0, 400000, 3300000, 0], pixelScale: [30, 30, 0],
      geoKeys: { [GEO_KEY.modelType]: 1, [GEO_KEY.projectedType]: 32649 },
    }));
    const badName = join(dir, 'shizhu.hgt');
    writeFileSync(badName, flatHgt(500));
    const r = await cli('coverage', '--site', '108.05,30.1', '--dem', utm);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(summary(r.stderr)).toMatchObject({ ok: false, code: 'unsupported_dem_crs' });
    expect(summary(r.stderr)['error']).toMatch(/EPSG:32649/);
    const codeOf = async (args: string[]): Promise<string | undefined> => {
      try { await runCoverage(args); } catch (e) { return e instanceof UserInputError ? e.code : String(e); }
      return undefined;
    };
    expect(await codeOf(['--site', '108.05,30.1', '--dem', join(dir, 'missing.tif')])).toBe('file_not_found');
    expect(await codeOf(['--site', '108.05,30.1', '--dem', badName])).toBe('invalid_dem');
    expect(await codeOf(['--site', '108.5,30.1', '--dem', RIDGE])).toBe('site_outside_dem');
    expect(await codeOf(['--site', `${RIDGE_FIXTURE.voidEastOf + 0.01},${RIDGE_FIXTURE.voidNorthOf + 0.01}`, '--dem', RIDGE])).toBe('site_outside_dem');
  }, 120_000);
});

/**
 * `coverage --site LON,LAT [--height-m 30] [--band-mhz 900] [--eirp-dbm 58]
 * [--dem DEM.tif|N29E107.hgt,N29E108.hgt,…|demo] [--threshold-rsrp-poor -105]
 * [--environment open|suburban|urban] [--out coverage.geojson]` (FORMATS.md §8, §9; issue 8 §5):
 * the predicted coverage outline of one site.
 *
 * The terrain model (`terrainCoverageModel`: Okumura–Hata + Deygout diffraction over the DEM,
 * k = 4/3, receiver 1.5 m) predicts the RSRP around the site by a radial sweep out to the Hata
 * range at the threshold; the outline is the union of the covered raster cells (Polygon, or
 * MultiPolygon when the mountains split it; an empty MultiPolygon when nothing is covered).
 * Without `--dem` there is no terrain: the outline is the circle of the Hata range (64 steps).
 * The threshold is the `fair` edge of the attendance classes (−105 dBm by default), the same
 * setting and option as in `analyze`.
 * Output: one GeoJSON Feature (coordinates rounded to 6 decimals) whose properties are
 * `{kind: "coverage", coverageModel: "terrain", site: [lon, lat], antennaHeightM, bandMHz,
 * eirpDbm, environment, rangeM (the Hata range: nothing farther is covered), thresholdDbm,
 * dem (its label, e.g. "N29E108.hgt" or "demo terrain (synthetic)"; null without one),
 * demSynthetic (true for the demo terrain), areaKm2, warnings (Hata parameters outside their
 * validity ranges, extrapolated)}`, to `--out` or stdout. One-line JSON summary on stderr:
 * `{ok, site, rangeM, thresholdDbm, dem, geometry, parts, areaKm2, warnings, ms}`.
 * Exit codes: 0 done; 1 the DEM cannot be used (unreadable, `invalid_dem`, `unsupported_dem_crs`,
 * `dem_too_large`) or the site lies outside it (`site_outside_dem`); 2 bad usage (no or a
 * malformed --site, a number out of range, an unknown option or environment).
 */
import { area } from '@turf/area';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import {
  DEFAULT_THRESHOLDS, HATA_ENVIRONMENTS, okumuraHataLossDb, PROPAGATION_DEFAULTS, round6, terrainCoverageModel, UserInputError,
  type HataEnvironment, type RadioSite,
} from '../core/index.ts';
import { loadDemArg } from './load-dem-arg.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { UsageError } from './usage-error.ts';
import { writeOutput } from './write-output.ts';

/** Accepted ranges of the numeric options (outside them the model would be meaningless). */
export const COVERAGE_OPTION_RANGES = Object.freeze({
  'height-m': [1, 500],
  'band-mhz': [100, 6_000],
  'eirp-dbm': [0, 90],
  'threshold-rsrp-poor': [-160, -40],
} as const);

export async function runCoverage(args: string[]): Promise<number> {
  const { positionals, values } = parseCommandArgs('coverage', args, {
    values: ['site', 'height-m', 'band-mhz', 'eirp-dbm', 'dem', 'threshold-rsrp-poor', 'environment', 'out'],
  });
  if (positionals.length > 0) throw new UsageError(`coverage: no FILE is read, got ${positionals.join(' ')}`);
  const siteText = values.get('site');
  if (siteText === undefined) throw new UsageError('coverage: --site LON,LAT is required');
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(siteText);
  const lon = m ? Number(m[1]) : NaN, lat = m ? Number(m[2]) : NaN;
  if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
    throw new UsageError(`coverage: --site needs LON,LAT in decimal degrees (WGS-84), e.g. 108.43,30.21; got "${siteText}"`);
  }
  const number = (name: keyof typeof COVERAGE_OPTION_RANGES, fallback: number): number => {
    const text = values.get(name);
    if (text === undefined) return fallback;
    const v = Number(text);
    const [lo, hi] = COVERAGE_OPTION_RANGES[name];
    if (text.trim() === '' || !(v >= lo && v <= hi)) throw new UsageError(`coverage: --${name} needs a number from ${lo} to ${hi}, got "${text}"`);
    return v;
  };
  const site: RadioSite = {
    lon, lat,
    antennaHeightM: number('height-m', PROPAGATION_DEFAULTS.antennaHeightM),
    bandMHz: number('band-mhz', PROPAGATION_DEFAULTS.bandMHz),
    eirpDbm: number('eirp-dbm', PROPAGATION_DEFAULTS.eirpDbm),
  };
  const thresholdDbm = number('threshold-rsrp-poor', DEFAULT_THRESHOLDS.rsrpPoorBelowDbm);
  const environment = values.get('environment') ?? PROPAGATION_DEFAULTS.environment;
  if (!(HATA_ENVIRONMENTS as readonly string[]).includes(environment)) {
    throw new UsageError(`coverage: --environment must be ${HATA_ENVIRONMENTS.join(', ')}; got "${environment}"`);
  }

  const dem = await loadDemArg(values.get('dem'));
  if (dem && !Number.isFinite(dem.elevationM(lon, lat))) {
    const [w, s, e, n] = dem.bounds.map((x) => round6(x));
    throw new UserInputError('site_outside_dem',
      `the site ${lon},${lat} is outside the elevation model ${dem.label} (or on a void): it covers ${w}…${e} E, ${s}…${n} N`,
      { lon, lat, dem: dem.label });
  }

  const t0 = performance.now();
  const model = terrainCoverageModel(dem, { thresholdDbm, environment: environment as HataEnvironment });
  const geometry = roundGeometry(model.outlineGeometry(site));
  const ms = performance.now() - t0;
  const rangeM = Math.round(model.reachM(site));
  // Hata parameters outside their validity ranges, at the farthest distance predicted.
  const warnings = okumuraHataLossDb({
    frequencyMHz: site.bandMHz, baseHeightM: site.antennaHeightM, distanceKm: Math.max(rangeM, 1) / 1000, environment: environment as HataEnvironment,
  }).warnings.map((w) => w.parameter);
  const areaKm2 = Math.round(area({ type: 'Feature', geometry, properties: {} }) / 1e4) / 100;
  const parts = geometry.type === 'Polygon' ? 1 : geometry.coordinates.length;
  const feature = {
    type: 'Feature',
    geometry,
    properties: {
      kind: 'coverage', coverageModel: 'terrain', site: [round6(lon), round6(lat)],
      antennaHeightM: site.antennaHeightM, bandMHz: site.bandMHz, eirpDbm: site.eirpDbm, environment,
      rangeM, thresholdDbm, dem: dem?.label ?? null, ...(dem?.synthetic ? { demSynthetic: true } : {}), areaKm2, warnings,
    },
  };
  await writeOutput(values.get('out'), JSON.stringify(feature) + '\n');
  process.stderr.write(JSON.stringify({
    ok: true, site: [round6(lon), round6(lat)], rangeM, thresholdDbm, dem: dem?.label ?? null,
    geometry: geometry.type, parts, areaKm2, warnings, ms: Math.round(ms),
  }) + '\n');
  return 0;
}

function roundGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const ring = (r: Position[]): Position[] => r.map((p) => [round6(p[0]!), round6(p[1]!)]);
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(ring)) };
}

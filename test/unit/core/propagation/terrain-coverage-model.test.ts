import { booleanClockwise, booleanPointInPolygon, point } from '@turf/turf';
import fc from 'fast-check';
import type { MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  coverageOutline, haversineLonLatM, hataRangeKm, radiusCoverageModel, terrainCoverageModel, type Site,
} from '../../../../src/core/index.ts';
import { destination, functionDem, gridDem, ridge, site, SITE_LAT, SITE_LON } from './fixtures.ts';

describe('terrainCoverageModel without a DEM', () => {
  const model = terrainCoverageModel(null);
  it('is exactly the circle of the Hata range (≈ 11.5 km with the defaults)', () => {
    expect(model.id).toBe('terrain');
    expect(model.thresholdDbm).toBe(-105);
    const reachM = model.reachM(site());
    expect(reachM).toBe(1000 * hataRangeKm(site()));
    expect(reachM).toBeGreaterThan(11_400);
    expect(reachM).toBeLessThan(11_550);
    fc.assert(fc.property(fc.double({ min: 0, max: 360, noNaN: true }), fc.double({ min: 0, max: 2 * reachM, noNaN: true }), (b, m) => {
      const [lon, lat] = destination(SITE_LON, SITE_LAT, b, m);
      expect(model.covers(site(), lon, lat)).toBe(haversineLonLatM(SITE_LON, SITE_LAT, lon, lat) <= reachM);
    }));
    // Right at the edge, a hair inside and outside.
    expect(model.covers(site(), ...destination(SITE_LON, SITE_LAT, 33, reachM - 0.01))).toBe(true);
    expect(model.covers(site(), ...destination(SITE_LON, SITE_LAT, 33, reachM + 0.01))).toBe(false);
  });
  it('draws the geodesic circle of that radius, as the radius model would', () => {
    const reachM = model.reachM(site());
    const outline = model.outline(site());
    expect(outline).toEqual(radiusCoverageModel.outline({ ...site(), radiusM: reachM }));
    expect(booleanClockwise(outline.coordinates[0]!)).toBe(false);
    expect(model.outlineGeometry(site())).toEqual(outline);
  });
  it('follows the site’s radio fields and the model’s threshold and environment', () => {
    expect(model.reachM(site({ antennaHeightM: 60 }))).toBeGreaterThan(model.reachM(site()));
    expect(terrainCoverageModel(null, { thresholdDbm: -95 }).reachM(site())).toBe(1000 * hataRangeKm(site(), -95));
    expect(terrainCoverageModel(null, { environment: 'urban' }).reachM(site())).toBe(1000 * hataRangeKm(site(), -105, 'urban'));
  });
});

describe('terrainCoverageModel with a DEM', () => {
  const dem = gridDem((x) => ridge()(x));
  const model = terrainCoverageModel(dem);
  const s: Site = site();

  it('does not cover behind the ridge, covers the open ground, never beyond the reach', () => {
    expect(model.dem).toBe(dem);
    for (const m of [4500, 6000, 9000]) expect(model.covers(s, ...destination(SITE_LON, SITE_LAT, 90, m))).toBe(false);
    for (const m of [1000, 4500, 6000, 9000]) expect(model.covers(s, ...destination(SITE_LON, SITE_LAT, 270, m))).toBe(true);
    expect(model.covers(s, ...destination(SITE_LON, SITE_LAT, 90, 2000))).toBe(true);
    // A site at the bottom of a bowl sees every slope clearly, but the reach (Hata range) caps it.
    const bowl = terrainCoverageModel(functionDem((x, y) => 300 + 4e-6 * (x * x + y * y)));
    const reachM = bowl.reachM(s);
    expect(bowl.predict(s, ...destination(SITE_LON, SITE_LAT, 200, reachM - 50)).diffractionLossDb).toBe(0);
    expect(bowl.covers(s, ...destination(SITE_LON, SITE_LAT, 200, reachM - 50))).toBe(true);
    expect(bowl.covers(s, ...destination(SITE_LON, SITE_LAT, 200, reachM + 50))).toBe(false);
  });

  it('outlines the raster: the site and the open ground inside, the shadow outside; rings oriented', () => {
    const outline = model.outline(s);
    expect(outline.type).toBe('Polygon');
    expect(booleanClockwise(outline.coordinates[0]!)).toBe(false);
    const inside = (lon: number, lat: number): boolean => booleanPointInPolygon(point([lon, lat]), outline);
    expect(inside(SITE_LON, SITE_LAT)).toBe(true);
    expect(inside(...destination(SITE_LON, SITE_LAT, 270, 6000))).toBe(true);
    expect(inside(...destination(SITE_LON, SITE_LAT, 90, 6000))).toBe(false);
    expect(model.outlineGeometry(s)).toEqual(coverageOutline(model.raster(s), -105));
    // Cached per site: the same raster object until the site moves or changes.
    expect(model.raster(s)).toBe(model.raster({ ...s }));
    expect(model.raster({ ...s, antennaHeightM: 40 })).not.toBe(model.raster(s));
  });

  it('returns the largest part when the coverage falls apart, and every part in outlineGeometry', () => {
    // Valley site, a 200 m ridge 2 km east, a valley behind it and, from 5 km east, a hillside
    // rising 35 % (to a plateau at 7.6 km) that looks over the ridge from ≈ 6.7 km on: two parts.
    const dem2 = gridDem((x) => 300 + 200 * Math.exp(-(((x - 2000) / 200) ** 2) / 2) + (x > 5000 ? Math.min(900, (x - 5000) * 0.35) : 0));
    const m2 = terrainCoverageModel(dem2);
    const all = m2.outlineGeometry(s);
    expect(all.type).toBe('MultiPolygon');
    const largest = m2.outline(s);
    expect(booleanPointInPolygon(point([SITE_LON, SITE_LAT]), largest)).toBe(true);
    expect(m2.covers(s, ...destination(SITE_LON, SITE_LAT, 90, 7000))).toBe(true); // the far hillside sees the site
    expect(m2.covers(s, ...destination(SITE_LON, SITE_LAT, 90, 4000))).toBe(false); // the valley behind the ridge
    const far = destination(SITE_LON, SITE_LAT, 90, 7000);
    expect(booleanPointInPolygon(point(far), largest)).toBe(false);
    expect((all as MultiPolygon).coordinates.some((poly) => booleanPointInPolygon(point(far), { type: 'Polygon', coordinates: poly }))).toBe(true);
  });

  it('predict gives the full prediction behind covers', () => {
    const p = model.predict(s, ...destination(SITE_LON, SITE_LAT, 90, 6000));
    expect(p.rsrpDbm).toBeLessThan(-105);
    expect(p.diffraction!.main!.v).toBeGreaterThan(0);
    expect(p.profile!.distanceM.length).toBeGreaterThan(70);
  });
});

import { describe, expect, it } from 'vitest';
import {
  coverageRaster, haversineLonLatM, hataRangeKm, predictRsrp, sampleCoverageRaster, terrainCoverageModel, type CoverageRaster, type Dem,
} from '../../../../src/core/index.ts';
import { CELL_3S, destination, gridDem, hills, ridge, site, SITE_LAT, SITE_LON } from './fixtures.ts';

const centre = (r: CoverageRaster, i: number, j: number): [number, number] =>
  [r.bounds[0] + (i + 0.5) * r.cellSizeDeg[0], r.bounds[3] - (j + 0.5) * r.cellSizeDeg[1]];

/** Share of the raster's cell centres (every `every`-th cell each way) where raster ≥ threshold agrees with `covers`. */
function agreement(dem: Dem, r: CoverageRaster, every = 3): { agree: number; cells: number } {
  const model = terrainCoverageModel(dem);
  let agree = 0, cells = 0;
  for (let j = 0; j < r.height; j += every) for (let i = 0; i < r.width; i += every) {
    const v = r.rsrpDbm[j * r.width + i]!;
    if (Number.isNaN(v)) continue;
    cells++;
    if ((v >= -105) === model.covers(site(), ...centre(r, i, j))) agree++;
  }
  return { agree: agree / cells, cells };
}

describe('coverageRaster', () => {
  it('without a DEM: Hata RSRP on a 3″ grid out to the Hata range, NaN beyond', () => {
    const r = coverageRaster(site(), null);
    const reachM = hataRangeKm(site()) * 1000;
    expect(r.reachM).toBeCloseTo(reachM, 6);
    expect(r.terrain).toBe(false);
    expect(r.cellSizeDeg).toEqual([CELL_3S, CELL_3S]);
    expect(r.bounds[0]).toBeLessThan(destination(SITE_LON, SITE_LAT, 270, reachM)[0]);
    expect(r.bounds[3]).toBeGreaterThan(destination(SITE_LON, SITE_LAT, 0, reachM)[1]);
    for (let j = 0; j < r.height; j += 7) for (let i = 0; i < r.width; i += 7) {
      const [lon, lat] = centre(r, i, j);
      const v = r.rsrpDbm[j * r.width + i]!;
      if (haversineLonLatM(SITE_LON, SITE_LAT, lon, lat) > reachM + 1e-6) { expect(v).toBeNaN(); continue; }
      expect(v).toBeCloseTo(predictRsrp(site(), lon, lat, null).rsrpDbm, 3);
      expect(v).toBeGreaterThanOrEqual(-105.0001);
    }
  });

  it('a ridge: shadow behind it, coverage on the open ground in front and on the other side', () => {
    const dem = gridDem((x) => ridge()(x));
    const r = coverageRaster(site(), dem);
    expect(r.terrain).toBe(true);
    expect(r.stepM).toBeCloseTo(80.25, 1);
    const at = (bearing: number, m: number): number => sampleCoverageRaster(r, ...destination(SITE_LON, SITE_LAT, bearing, m));
    for (const m of [4500, 6000, 8000]) expect(at(90, m)).toBeLessThan(-105); // behind the ridge (3 km east)
    for (const m of [2000, 4500, 6000, 8000]) expect(at(270, m)).toBeGreaterThan(-105); // open ground to the west
    expect(at(90, 2000)).toBeGreaterThan(-105); // in front of the ridge
    expect(at(90, 3000)).toBeGreaterThan(-105); // on its crest
    expect(sampleCoverageRaster(r, SITE_LON + 1, SITE_LAT)).toBeNaN();
  });

  it('agrees with the exact per-point rule on ≥ 99 % of cells (ridge) and ≥ 98 % (rolling hills)', () => {
    const ridgeDem = gridDem((x) => ridge()(x));
    const a = agreement(ridgeDem, coverageRaster(site(), ridgeDem));
    expect(a.cells).toBeGreaterThan(5000);
    expect(a.agree).toBeGreaterThanOrEqual(0.99);
    const hillDem = gridDem(hills);
    const b = agreement(hillDem, coverageRaster(site(), hillDem));
    expect(b.agree).toBeGreaterThanOrEqual(0.98);
  });

  it('is symmetric: a DEM symmetric about the site’s meridian gives a mirror-image sweep', () => {
    const dem = gridDem((x, y) => 300 + 250 * Math.exp(-(((Math.abs(x) - 2500) / 300) ** 2) / 2) + 0.01 * y);
    const model = terrainCoverageModel(dem);
    const r = model.raster(site());
    for (const bearing of [30, 75, 90, 120, 160]) for (const m of [1500, 3500, 6000, 9000]) {
      const e = destination(SITE_LON, SITE_LAT, bearing, m), w = destination(SITE_LON, SITE_LAT, 360 - bearing, m);
      expect(model.predict(site(), ...w).rsrpDbm).toBeCloseTo(model.predict(site(), ...e).rsrpDbm, 1);
      expect(model.covers(site(), ...w)).toBe(model.covers(site(), ...e));
      expect(Math.abs(sampleCoverageRaster(r, ...w) - sampleCoverageRaster(r, ...e))).toBeLessThan(1.5);
    }
  });

  it('a ring-shaped ridge around the site shadows every direction alike', () => {
    const dem = gridDem((x, y) => 300 + 300 * Math.exp(-(((Math.hypot(x, y) - 4000) / 200) ** 2) / 2));
    const r = coverageRaster(site(), dem);
    const inside = [0, 0, 0, 0], outside = [0, 0, 0, 0];
    for (let q = 0; q < 4; q++) for (let b = 0; b < 90; b += 3) {
      if (sampleCoverageRaster(r, ...destination(SITE_LON, SITE_LAT, q * 90 + b, 3000)) >= -105) inside[q]!++;
      if (sampleCoverageRaster(r, ...destination(SITE_LON, SITE_LAT, q * 90 + b, 6000)) >= -105) outside[q]!++;
    }
    expect(inside).toEqual([30, 30, 30, 30]);
    expect(outside).toEqual([0, 0, 0, 0]);
  });

  it('a site on a hilltop covers more than the same site in the valley', () => {
    const dem = gridDem((x, y) => 300 + 350 * Math.exp(-(x * x + y * y) / (2 * 900 ** 2)) + 200 * Math.exp(-(((x - 4000) / 300) ** 2) / 2)
      + 200 * Math.exp(-(((x + 4000) / 300) ** 2) / 2));
    const covered = (r: CoverageRaster): number => r.rsrpDbm.reduce((n, v) => n + (v >= -105 ? 1 : 0), 0);
    const top = coverageRaster(site(), dem);
    const valley = coverageRaster(site({ lon: destination(SITE_LON, SITE_LAT, 90, 2500)[0] }), dem);
    expect(covered(top)).toBeGreaterThan(1.5 * covered(valley));
  });

  it('treats unknown ground as no obstacle and an unknown site ground as no terrain', () => {
    const small = gridDem((x) => ridge()(x), 0.04); // ±0.04° (±3.9 km east–west): the ridge is inside, the far field is not
    const r = coverageRaster(site(), small);
    expect(sampleCoverageRaster(r, ...destination(SITE_LON, SITE_LAT, 270, 8000))).toBeGreaterThan(-105);
    expect(sampleCoverageRaster(r, ...destination(SITE_LON, SITE_LAT, 90, 3700))).toBeLessThan(-105);
    expect(sampleCoverageRaster(r, ...destination(SITE_LON, SITE_LAT, 90, 6000))).toBeLessThan(-105); // unknown ground, the ridge still shadows
    const off = coverageRaster(site({ lon: SITE_LON + 0.05 }), small);
    expect(off.terrain).toBe(false);
  });
});

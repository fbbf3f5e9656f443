import { describe, expect, it } from 'vitest';
import { demStepM, EFFECTIVE_EARTH_RADIUS_M, haversineLonLatM, terrainProfile, wavelengthM } from '../../../../src/core/index.ts';
import { CELL_3S, destination, functionDem, SITE_LAT, SITE_LON } from './fixtures.ts';

describe('demStepM', () => {
  it('is the smaller cell side in metres (3″ at 30°N ≈ 80 m east–west)', () => {
    const dem = functionDem(() => 0);
    // 1/1200° · π/180 · 6,371,008.8 m = 92.66 m north–south; × cos 30° = 80.25 m east–west.
    expect(demStepM(dem, 30)).toBeCloseTo(80.247, 2);
    expect(demStepM(dem, 0)).toBeCloseTo(92.661, 2);
    expect(demStepM({ cellSizeDeg: [0, CELL_3S] }, 30)).toBeNaN();
  });
});

describe('terrainProfile', () => {
  const flat = functionDem(() => 250);
  const [rxLon, rxLat] = destination(SITE_LON, SITE_LAT, 60, 9000);

  it('samples the great circle at least once per DEM cell, from the site to the receiver', () => {
    const p = terrainProfile(flat, SITE_LON, SITE_LAT, rxLon, rxLat);
    const n = p.distanceM.length;
    expect(p.totalDistanceM).toBeCloseTo(9000, 6);
    expect(n).toBe(Math.ceil(9000 / demStepM(flat, SITE_LAT)) + 1);
    expect(p.stepM).toBeLessThanOrEqual(demStepM(flat, SITE_LAT));
    expect([p.lon[0], p.lat[0], p.lon[n - 1], p.lat[n - 1]]).toEqual([SITE_LON, SITE_LAT, rxLon, rxLat]);
    for (let k = 0; k < n; k++) {
      // On the great circle: the distances to both ends add up to the whole.
      const a = haversineLonLatM(SITE_LON, SITE_LAT, p.lon[k]!, p.lat[k]!), b = haversineLonLatM(p.lon[k]!, p.lat[k]!, rxLon, rxLat);
      expect(a).toBeCloseTo(p.distanceM[k]!, 4);
      expect(a + b).toBeCloseTo(9000, 4);
      if (k > 0) expect(p.distanceM[k]! - p.distanceM[k - 1]!).toBeCloseTo(p.stepM, 9);
    }
  });

  it('adds the k = 4/3 earth bulge, draws the line of sight and the first Fresnel zone', () => {
    const p = terrainProfile(flat, SITE_LON, SITE_LAT, rxLon, rxLat, { txHeightM: 40, rxHeightM: 2, frequencyMHz: 900 });
    const n = p.distanceM.length, D = p.totalDistanceM;
    expect(EFFECTIVE_EARTH_RADIUS_M).toBeCloseTo(8_494_678.4, 1);
    expect(p.txHeightM).toBe(290);
    expect(p.rxHeightM).toBe(252);
    expect(p.losM[0]).toBe(290);
    expect(p.losM[n - 1]).toBeCloseTo(252, 9);
    expect(p.bulgeM[0]).toBe(0);
    expect(p.bulgeM[n - 1]).toBe(0);
    for (let k = 0; k < n; k++) {
      const d = p.distanceM[k]!;
      expect(p.bulgeM[k]).toBeCloseTo((d * (D - d)) / (2 * EFFECTIVE_EARTH_RADIUS_M), 9);
      expect(p.heightM[k]).toBeCloseTo(250 + p.bulgeM[k]!, 9);
      expect(p.fresnelRadiusM[k]).toBeCloseTo(Math.sqrt((wavelengthM(900) * d * (D - d)) / D), 9);
    }
    // At mid-path the bulge is D²/(8·a_e) ≈ 1.19 m over 9 km and r1 = √(λ·D/4) ≈ 27.4 m.
    const mid = p.bulgeM.reduce((m, b) => Math.max(m, b), 0);
    expect(mid).toBeCloseTo((D * D) / (8 * EFFECTIVE_EARTH_RADIUS_M), 2);
    expect(Math.max(...p.fresnelRadiusM)).toBeCloseTo(Math.sqrt((wavelengthM(900) * D) / 4), 1);
    expect(p.terrainKnown).toBe(true);
  });

  it('keeps unknown ground NaN; the receiver takes the last known ground; an unknown site ground disables terrain', () => {
    const dem = functionDem(() => 100, 0.05); // ±0.05° around the site
    const [farLon, farLat] = destination(SITE_LON, SITE_LAT, 90, 8000); // outside the DEM (≈ 4.8 km of it)
    const p = terrainProfile(dem, SITE_LON, SITE_LAT, farLon, farLat);
    expect(p.groundM[p.groundM.length - 1]).toBeNaN();
    expect(p.heightM[p.heightM.length - 1]).toBeNaN();
    expect(p.terrainKnown).toBe(true);
    expect(p.rxHeightM).toBe(101.5);
    const back = terrainProfile(dem, farLon, farLat, SITE_LON, SITE_LAT);
    expect(back.terrainKnown).toBe(false);
    expect(back.txHeightM).toBeNaN();
  });

  it('handles a receiver at the site (two samples, zero distance)', () => {
    const p = terrainProfile(flat, SITE_LON, SITE_LAT, SITE_LON, SITE_LAT);
    expect(p.distanceM.length).toBe(2);
    expect(p.totalDistanceM).toBe(0);
    expect(Array.from(p.fresnelRadiusM)).toEqual([0, 0]);
  });
});

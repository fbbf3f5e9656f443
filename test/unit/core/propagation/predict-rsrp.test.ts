import { describe, expect, it } from 'vitest';
import {
  hataRangeKm, hataTerms, okumuraHataLossDb, predictRsrp, PROPAGATION_DEFAULTS, referenceSignalPowerDbm, resourceBlocks,
} from '../../../../src/core/index.ts';
import { destination, functionDem, ridge, site, SITE_LAT, SITE_LON } from './fixtures.ts';

describe('referenceSignalPowerDbm', () => {
  it('spreads the EIRP over 12·N_RB subcarriers (3GPP TS 36.101 N_RB)', () => {
    expect([1.4, 3, 5, 10, 15, 20].map(resourceBlocks)).toEqual([6, 15, 25, 50, 75, 100]);
    expect(resourceBlocks(8)).toBe(40);
    // 58 − 10·log10(12·50) = 58 − 27.7815 = 30.2185 dBm.
    expect(referenceSignalPowerDbm(58, 10)).toBeCloseTo(30.2185, 4);
    expect(referenceSignalPowerDbm(46, 20)).toBeCloseTo(46 - 10 * Math.log10(1200), 10);
  });
});

describe('hataRangeKm', () => {
  it('is ≈ 11.5 km with the defaults (900 MHz, 58 dBm, 10 MHz, 30 m, open, −105 dBm)', () => {
    // Budget 30.2185 + 105 = 135.2185 dB; L_open = 97.8969 + 35.2249·log10 d → d = 10^(37.3216/35.2249) = 11.469 km.
    const r = hataRangeKm(site());
    expect(r).toBeCloseTo(11.469, 3);
    expect(Math.round(r * 10) / 10).toBe(11.5);
    const t = hataTerms(900, 30, 1.5, 'open');
    expect(r).toBeCloseTo(10 ** ((referenceSignalPowerDbm(58, 10) + 105 - t.interceptDb) / t.slopeDbPerDecade), 9);
    expect(PROPAGATION_DEFAULTS).toMatchObject({ bandMHz: 900, channelMHz: 10, eirpDbm: 58, antennaHeightM: 30, environment: 'open', thresholdDbm: -105 });
  });
  it('is where the no-terrain RSRP falls to the threshold, never beyond', () => {
    const s = site();
    const r = hataRangeKm(s, -105);
    const at = (km: number): number => predictRsrp(s, ...destination(SITE_LON, SITE_LAT, 10, km * 1000), null).rsrpDbm;
    expect(at(r * 0.999)).toBeGreaterThan(-105);
    expect(at(r * 1.001)).toBeLessThan(-105);
    expect(okumuraHataLossDb({ frequencyMHz: 900, baseHeightM: 30, distanceKm: r }).lossDb).toBeLessThanOrEqual(referenceSignalPowerDbm(58, 10) + 105);
  });
  it('grows with height and EIRP, shrinks with band, environment and a stricter threshold', () => {
    const base = hataRangeKm(site());
    expect(hataRangeKm(site({ antennaHeightM: 50 }))).toBeGreaterThan(base);
    expect(hataRangeKm(site({ eirpDbm: 61 }))).toBeGreaterThan(base);
    expect(hataRangeKm(site({ bandMHz: 1800 }))).toBeLessThan(base);
    expect(hataRangeKm(site(), -105, 'suburban')).toBeLessThan(base);
    expect(hataRangeKm(site(), -95)).toBeLessThan(base);
    expect(hataRangeKm(site(), -105, 'open', { channelMHz: 20 })).toBeLessThan(base);
  });
  it('is 0 when even 10 m misses the threshold and the cap when 100 km still makes it', () => {
    expect(hataRangeKm(site(), 20)).toBe(0); // 10 m: 30.2 − (97.9 − 2·35.2) = 2.8 dBm < 20
    expect(hataRangeKm(site(), -200)).toBe(100);
    expect(hataRangeKm(site(), -200, 'open', { maxReachKm: 40 })).toBe(40);
  });
});

describe('predictRsrp', () => {
  it('without a DEM: EIRP per RE − Hata, no diffraction, Hata warnings passed on', () => {
    const [lon, lat] = destination(SITE_LON, SITE_LAT, 200, 10_000);
    const p = predictRsrp(site(), lon, lat, null);
    // 30.2185 − 133.1217 = −102.9032 dBm at 10 km.
    expect(p.distanceM).toBeCloseTo(10_000, 6);
    expect(p.hataLossDb).toBeCloseTo(133.121724, 4);
    expect(p.rsrpDbm).toBeCloseTo(-102.9032, 3);
    expect(p.diffractionLossDb).toBe(0);
    expect(p.profile).toBeNull();
    expect(p.warnings).toEqual([]);
    expect(predictRsrp(site(), ...destination(SITE_LON, SITE_LAT, 0, 500), null).warnings.map((w) => w.parameter)).toEqual(['distanceKm']);
  });
  it('with a DEM: the antenna stands 30 m above the site’s ground; a ridge adds diffraction loss behind it', () => {
    const dem = functionDem((x) => ridge()(x));
    const behind = destination(SITE_LON, SITE_LAT, 90, 6000);
    const open = destination(SITE_LON, SITE_LAT, 270, 6000);
    const pb = predictRsrp(site(), ...behind, dem);
    const po = predictRsrp(site(), ...open, dem);
    expect(pb.profile!.txHeightM).toBeCloseTo(330, 6);
    expect(pb.hataLossDb).toBeCloseTo(po.hataLossDb, 9);
    expect(pb.diffraction!.main!.distanceM).toBeGreaterThan(2800);
    expect(pb.diffraction!.main!.distanceM).toBeLessThan(3200);
    expect(pb.diffraction!.main!.v).toBeGreaterThan(2);
    expect(pb.diffractionLossDb).toBeGreaterThan(20);
    expect(pb.rsrpDbm).toBeLessThan(-105);
    expect(po.diffractionLossDb).toBeLessThan(6); // only the receiver's own Fresnel-zone clearance
    expect(po.rsrpDbm).toBeGreaterThan(-105);
    expect(pb.rsrpDbm).toBeCloseTo(pb.referenceSignalDbm - pb.hataLossDb - pb.diffractionLossDb, 9);
  });
  it('falls back to Hata alone when the DEM does not know the site’s ground', () => {
    const dem = functionDem(() => 500, 0.01);
    const far = site({ lon: SITE_LON + 0.05 });
    const p = predictRsrp(far, SITE_LON, SITE_LAT, dem);
    expect(p.profile!.terrainKnown).toBe(false);
    expect(p.diffraction).toBeNull();
    expect(p.rsrpDbm).toBe(predictRsrp(far, SITE_LON, SITE_LAT, null).rsrpDbm);
  });
  it('uses the defaults for site fields that are not numbers', () => {
    const [lon, lat] = destination(SITE_LON, SITE_LAT, 0, 4000);
    expect(predictRsrp(site({ bandMHz: NaN, eirpDbm: NaN, antennaHeightM: NaN }), lon, lat, null).rsrpDbm)
      .toBe(predictRsrp(site(), lon, lat, null).rsrpDbm);
  });
});

// @vitest-environment jsdom
/**
 * The terrain profile as a planner reads it, from a prediction the core really computed: a site on
 * a 300 m plain, a 400 m ridge 3 km east of it, households behind the ridge and in the open.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { createGridDem, predictRsrp, type Dem, type Site } from '../../../src/core/index.ts';
import { TerrainProfileChart } from '../../../src/ui/TerrainProfileChart.tsx';
import { terrainProfileScale } from '../../../src/ui/terrain-profile-scale.ts';
import { en } from '../../../src/i18n/en.ts';
import { zhCN } from '../../../src/i18n/zh-CN.ts';
import type { Lang } from '../../../src/i18n/translate.ts';

const R = 6_371_008.8;
const RAD = Math.PI / 180;
const SITE_LON = 107.8, SITE_LAT = 30.0;
const CELL = 1 / 1200; // 3″
const M_PER_DEG_LON = RAD * R * Math.cos(SITE_LAT * RAD);

/** A north–south ridge (Gaussian, 400 m high, σ 250 m) 3 km east of the site, on a 300 m plain; 3″ grid. */
function ridgeDem(): Dem {
  const west = SITE_LON - 0.1, north = SITE_LAT + 0.02;
  const width = Math.round(0.2 / CELL) + 1, height = Math.round(0.04 / CELL) + 1;
  const samples = new Float32Array(width * height);
  for (let j = 0; j < height; j++) for (let i = 0; i < width; i++) {
    const eastM = (west + i * CELL - SITE_LON) * M_PER_DEG_LON;
    samples[j * width + i] = 300 + 400 * Math.exp(-(((eastM - 3000) / 250) ** 2) / 2);
  }
  return createGridDem({
    samples, width, height, westLon: west, northLat: north, cellSizeDeg: [CELL, CELL], registration: 'point', label: 'ridge',
    synthetic: true,
  });
}

const site: Site = {
  id: 's1', name: 'Site A', lon: SITE_LON, lat: SITE_LAT, status: 'proposed', antennaHeightM: 30, bandMHz: 900, eirpDbm: 58, radiusM: 6000,
};
/** `eastM` metres east (west when negative) of the site, on its parallel. */
const east = (eastM: number): [number, number] => [SITE_LON + eastM / M_PER_DEG_LON, SITE_LAT];

const show = (prediction: ReturnType<typeof predictRsrp>, lang: Lang = 'en', thresholdDbm = -105) =>
  render(<TerrainProfileChart prediction={prediction} thresholdDbm={thresholdDbm} siteName="Site A" targetLabel="Home 17" lang={lang} />);

afterEach(cleanup);

describe('TerrainProfileChart', () => {
  const dem = ridgeDem();
  const behind = predictRsrp(site, ...east(6000), dem);
  const open = predictRsrp(site, ...east(-6000), dem);

  it('names the ridge as the main obstacle: its distance, elevation, height above the line of sight, v and loss', () => {
    const main = behind.diffraction!.main!;
    expect(main.distanceM).toBeGreaterThan(2900);
    expect(main.distanceM).toBeLessThan(3100);
    show(behind);
    const ground = behind.profile!.groundM[main.index]!;
    expect(ground).toBeGreaterThan(690);
    const heading = `Main obstacle at ${(main.distanceM / 1000).toFixed(2)} km, elevation ${Math.round(ground)} m`;
    const svgLabel = screen.getByTestId('profile-main-edge').textContent!;
    expect(svgLabel).toContain(heading);
    expect(svgLabel).toContain(`${Math.round(main.clearanceM)} m above the line of sight`);
    expect(svgLabel).toContain(`v = ${main.v.toFixed(2)}, ${main.lossDb.toFixed(1)} dB`);
    expect(screen.getByTestId('profile-main-edge-text').textContent).toBe(
      `${heading}: ${Math.round(main.clearanceM)} m above the line of sight; v = ${main.v.toFixed(2)}, ${main.lossDb.toFixed(1)} dB`,
    );
    // The ridge stands ≈ 2.9e2 m above the line from 330 m (antenna top) to ≈ 301.5 m (receiver).
    expect(main.clearanceM).toBeGreaterThan(250);
  });

  it('captions the RSRP the core computed, "not covered" below the threshold, and the two losses', () => {
    expect(behind.rsrpDbm).toBeLessThan(-105);
    show(behind);
    expect(screen.getByTestId('profile-rsrp').textContent).toBe(`Predicted RSRP ${behind.rsrpDbm.toFixed(1)} dBm (threshold -105 dBm): not covered`);
    expect(screen.getByTestId('profile-status').textContent).toBe('not covered');
    expect(screen.getByTestId('profile-distance').textContent).toBe('Distance 6.00 km');
    expect(screen.getByTestId('profile-losses').textContent).toBe(
      `Hata loss ${behind.hataLossDb.toFixed(1)} dB · diffraction loss ${behind.diffractionLossDb.toFixed(1)} dB`,
    );
    expect(screen.queryAllByTestId('profile-warning')).toHaveLength(0);
    const svg = screen.getByTestId('terrain-profile');
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('viewBox')).toBe('0 0 480 200');
    expect(svg.getAttribute('aria-label')).toContain(`Terrain profile from Site A to Home 17, 6.00 km: predicted RSRP ${behind.rsrpDbm.toFixed(1)} dBm, not covered.`);
    expect(svg.getAttribute('aria-label')).toContain('Main obstacle at');
  });

  it('says "covered" when the prediction reaches the threshold, and the open side has no obstacle above the line', () => {
    expect(open.rsrpDbm).toBeGreaterThan(-105);
    show(open);
    expect(screen.getByTestId('profile-status').textContent).toBe('covered');
    expect(screen.getByTestId('profile-rsrp').getAttribute('data-covered')).toBe('true');
    // A stricter threshold above the RSRP turns the same prediction into "not covered".
    cleanup();
    show(open, 'en', Math.ceil(open.rsrpDbm) + 1);
    expect(screen.getByTestId('profile-status').textContent).toBe('not covered');
  });

  it('draws the ground, the line of sight, the Fresnel zone and both antennas, in the bulge frame', () => {
    show(behind);
    for (const id of ['profile-ground', 'profile-los', 'profile-fresnel', 'profile-site', 'profile-receiver', 'profile-axes']) {
      expect(screen.getByTestId(id)).toBeTruthy();
    }
    const p = behind.profile!;
    const scale = terrainProfileScale(p, { width: 480, height: 200, left: 46, right: 14, top: 34, bottom: 32 });
    const los = screen.getByTestId('profile-los');
    expect(Number(los.getAttribute('y1'))).toBeCloseTo(scale.y(p.txHeightM), 6);
    expect(Number(los.getAttribute('y2'))).toBeCloseTo(scale.y(p.rxHeightM), 6);
    // Every height drawn lies inside the vertical range; the ridge top is above the line of sight on screen.
    expect(scale.minM).toBeLessThanOrEqual(300);
    expect(scale.maxM).toBeGreaterThanOrEqual(700);
    const main = behind.diffraction!.main!;
    expect(scale.y(main.heightM)).toBeLessThan(scale.y(main.heightM - main.clearanceM));
    expect(screen.getByText('Distance (km)')).toBeTruthy();
    expect(screen.getByText('Elevation (m)')).toBeTruthy();
  });

  it('says in words that there is no elevation model when the profile is null, and shows Hata warnings', () => {
    const noDem = predictRsrp(site, ...east(500), null);
    expect(noDem.profile).toBeNull();
    show(noDem);
    expect(screen.getByTestId('profile-no-dem').textContent).toContain('No elevation model is loaded');
    expect(screen.queryByTestId('terrain-profile')).toBeNull();
    expect(screen.getByTestId('profile-rsrp').textContent).toContain(noDem.rsrpDbm.toFixed(1));
    expect(screen.getByTestId('profile-losses').textContent).toContain('diffraction loss 0.0 dB');
    expect(screen.getByTestId('profile-warning').textContent).toBe('Hata model extrapolated: distance (km) 0.5 is outside its range 1–20');
  });

  it('speaks Chinese when asked, and has every profile.* string in both catalogues', () => {
    show(behind, 'zh-CN');
    expect(screen.getByTestId('profile-status').textContent).toBe('未覆盖');
    expect(screen.getByTestId('profile-rsrp').textContent).toContain(`预测 RSRP ${behind.rsrpDbm.toFixed(1)} dBm`);
    expect(screen.getByTestId('profile-main-edge-text').textContent).toContain(
      `主要障碍（${(behind.diffraction!.main!.distanceM / 1000).toFixed(2)} 公里处`,
    );
    expect(screen.getByText('距离（公里）')).toBeTruthy();
    cleanup();
    show(predictRsrp(site, ...east(500), null), 'zh-CN');
    expect(screen.getByTestId('profile-no-dem').textContent).toContain('未加载高程数据');

    const profileKeys = Object.keys(zhCN).filter((k) => k.startsWith('profile.'));
    expect(profileKeys.length).toBeGreaterThan(20);
    for (const key of profileKeys) {
      expect(en[key as keyof typeof en], key).toBeTruthy();
      expect(zhCN[key as keyof typeof zhCN], key).not.toBe(en[key as keyof typeof en]);
    }
    expect(Object.keys(en).filter((k) => k.startsWith('profile.')).sort()).toEqual(profileKeys.sort());
  });
});

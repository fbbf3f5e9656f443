/**
 * Terrain-aware coverage in the app (issue 8), as an engineer uses it in Chromium:
 * - with the demo terrain, a site on the valley floor covers nothing of a dead village's
 *   blind spot; dragged up to the hilltop it does: the count, the outline and the coverage picture
 *   change, and the numbers are the core's terrain model at the site's exact position (while the
 *   site is dragged, the last exact numbers stay);
 * - the homes without a report that the existing sites are predicted not to reach are counted as
 *   the core counts them;
 * - a household's path profile shows the core's predicted RSRP from the chosen site;
 * - "suggest" over terrain adds sites whose newly covered total is what the plan then counts, and
 *   HiGHS proves it optimal;
 * - SRTM .hgt files load (a bad file gets a clear error), and the DEM is still there after a reload.
 */
import { readFileSync } from 'node:fs';
import { area } from '@turf/turf';
import { expect, test, type Page } from '@playwright/test';
import {
  createImpactTracker, decodeText, parseSites, terrainCoverageModel, type ProposedSite, type TerrainCoverageModel,
} from '../../src/core/index.ts';
import { predictUnreportedUncovered } from '../../src/core/terrain/predict-unreported-uncovered.ts';
import { loadDemoTerrain } from '../../src/cli/load-dem-arg.ts';
import { clickHouseholdAt, openApp, parseFile, mapPoint, settle } from './helpers.ts';

const demo = parseFile('public/demo/households.csv');
const sites = parseSites({ name: 'sites.csv', text: decodeText(new Uint8Array(readFileSync('public/demo/sites.csv'))).text }).sites;
let model: TerrainCoverageModel;

test.beforeAll(async () => {
  model = terrainCoverageModel(await loadDemoTerrain());
});

/** Near the blind spot of 密园村 (demo): a valley floor west of it the ridges hide, and the hilltop north-west of it. */
const VALLEY: [number, number] = [108.4859, 30.0485];
const HILLTOP: [number, number] = [108.4979, 30.0385];

/** Students the core's terrain model newly covers with one manual site (1800 MHz, 30 m, 58 dBm) there. */
function coreCount(site: ProposedSite): number {
  const tracker = createImpactTracker(demo.households, { uncovered: ['none', 'poor'] }, model);
  return tracker.set([{ ...site, radiusM: model.reachM(site) }]).totals.newlyCoveredStudents;
}

async function terrainDone(page: Page): Promise<void> {
  await expect(page.getByTestId('terrain-panel')).toHaveAttribute('data-pending', 'false', { timeout: 30_000 });
}

async function useDemoTerrain(page: Page): Promise<void> {
  await page.getByTestId('terrain-demo').click();
  await expect(page.getByTestId('terrain-dem')).toContainText('演示地形', { timeout: 60_000 });
  await expect(page.getByTestId('terrain-panel')).toHaveAttribute('data-model', 'terrain');
}

/** The proposal as the app holds it (exact position) with the radio fields from the form. */
async function shownProposal(page: Page): Promise<ProposedSite> {
  const at = page.getByTestId('proposal-location');
  const num = async (id: string) => Number(await page.getByTestId(id).inputValue());
  return {
    id: 'p', name: 'p', status: 'proposed', origin: 'manual', notes: '', costCny: 0, radiusM: 0,
    lon: Number(await at.getAttribute('data-lon')), lat: Number(await at.getAttribute('data-lat')),
    antennaHeightM: await num('proposal-height-m'), bandMHz: await num('proposal-band-mhz'), eirpDbm: await num('proposal-eirp-dbm'),
  };
}

const covered = async (page: Page) => Number(await page.getByTestId('plan-totals').getAttribute('data-covered'));

/** Area of the drawn coverage outline (km²) and opaque pixels of the coverage picture. */
async function drawnCoverage(page: Page): Promise<{ km2: number; pixels: number }> {
  const { features, pixels } = await page.evaluate(() => {
    const map = window.__map!;
    const source = map.getSource('terrain-coverage') as unknown as { getCanvas(): HTMLCanvasElement };
    const canvas = source.getCanvas();
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let opaque = 0;
    for (let k = 3; k < data.length; k += 4) if (data[k]! > 0) opaque++;
    const visible = map.getLayoutProperty('terrain-coverage', 'visibility') === 'visible';
    return { features: map.querySourceFeatures('proposal-coverage').map((f) => f.toJSON()), pixels: visible ? opaque : 0 };
  });
  const km2 = features.reduce((s, f) => s + area(f as GeoJSON.Feature<GeoJSON.Polygon>) / 1e6, 0);
  return { km2, pixels };
}

test('valley floor to hilltop: the terrain coverage, its picture and the newly covered count change, as the core predicts', async ({ page }) => {
  await openApp(page);
  await useDemoTerrain(page);
  // Existing sites' predicted coverage flags the unreported homes they miss, counted apart.
  const flagged = predictUnreportedUncovered(demo.households, sites, model);
  await expect(page.getByTestId('terrain-unreported')).toHaveAttribute('data-households', String(flagged.indices.length), { timeout: 30_000 });
  await expect(page.getByTestId('terrain-unreported')).toHaveAttribute('data-students', String(flagged.students));
  expect(flagged.indices.length).toBeGreaterThan(0);

  await page.evaluate(() => window.__map!.jumpTo({ center: [108.492, 30.043], zoom: 11.5 }));
  await settle(page);
  await page.getByTestId('mode-add').click();
  const valley = await mapPoint(page, VALLEY);
  await page.mouse.click(valley.x, valley.y);
  await expect(page.getByTestId('proposal-list').locator('tbody tr')).toHaveCount(1);
  await terrainDone(page);
  await expect(page.getByTestId('proposal-reach')).toContainText('公里');
  const inValley = await shownProposal(page);
  await expect.poll(() => covered(page)).toBe(coreCount(inValley));
  const valleyCount = await covered(page);
  await expect.poll(async () => (await drawnCoverage(page)).pixels).toBeGreaterThan(0);
  const valleyDrawn = await drawnCoverage(page);
  expect(valleyDrawn.km2).toBeGreaterThan(1);

  // Drag it up the hill: the last exact numbers stay during the drag; the drop brings the new ones.
  await page.keyboard.press('Escape');
  await settle(page); // the details panel narrowed the map
  const from = await mapPoint(page, [inValley.lon, inValley.lat]);
  const to = await mapPoint(page, HILLTOP);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let k = 1; k <= 10; k++) await page.mouse.move(from.x + ((to.x - from.x) * k) / 10, from.y + ((to.y - from.y) * k) / 10);
  expect(await covered(page)).toBe(valleyCount);
  await page.mouse.up();
  await terrainDone(page);
  const onHill = await shownProposal(page);
  expect(Math.abs(onHill.lon - HILLTOP[0])).toBeLessThan(0.001);
  await expect.poll(() => covered(page)).toBe(coreCount(onHill));
  const hillCount = await covered(page);
  expect(hillCount).toBeGreaterThan(valleyCount + 30);
  const hillDrawn = await drawnCoverage(page);
  expect(Math.abs(hillDrawn.km2 - valleyDrawn.km2) / valleyDrawn.km2).toBeGreaterThan(0.2);
  expect(hillDrawn.pixels).not.toBe(valleyDrawn.pixels);

  // Circles again: the radius model counts its 3 km circle.
  await page.getByTestId('model-radius').click();
  const circle = createImpactTracker(demo.households, { uncovered: ['none', 'poor'] }).set([{ ...onHill, radiusM: 3000 }]).totals.newlyCoveredStudents;
  await expect.poll(() => covered(page)).toBe(circle);
  expect(await page.evaluate(() => window.__map!.getLayoutProperty('terrain-coverage', 'visibility'))).toBe('none');
  await page.getByTestId('model-terrain').click();
  await expect.poll(() => covered(page)).toBe(hillCount);
});

test('path profile from the nearest site to a household shows the core prediction', async ({ page }) => {
  await openApp(page);
  await useDemoTerrain(page);
  const home = demo.households.find((h) => h.village === '密园村' && h.cls === 'none')!;
  await clickHouseholdAt(page, [home.lon, home.lat]);
  await expect(page.getByTestId('panel-id')).toHaveText(home.id);
  const profile = page.getByTestId('path-profile');
  await expect(profile.getByTestId('terrain-profile')).toBeVisible({ timeout: 30_000 });
  // The first choice is the nearest site; the caption's RSRP is the core's to 0.1 dB.
  const nearest = [...sites].sort((a, b) => Math.hypot(a.lon - home.lon, a.lat - home.lat) - Math.hypot(b.lon - home.lon, b.lat - home.lat))[0]!;
  await expect(profile.getByTestId('path-site')).toHaveValue(`existing:${nearest.id}`);
  const rsrp = model.predict(nearest, home.lon, home.lat).rsrpDbm;
  await expect(profile.getByTestId('profile-rsrp')).toContainText(rsrp.toFixed(1));
  await expect(profile.getByTestId('profile-main-edge')).toBeVisible();
});

test('suggest over terrain adds sites whose newly covered total the plan then counts', async ({ page }) => {
  await openApp(page);
  await useDemoTerrain(page);
  await expect(page.getByTestId('suggest-over-terrain')).toBeVisible();
  await page.getByTestId('suggest-count').fill('3');
  await page.getByTestId('suggest-count').press('Enter');
  await page.getByTestId('suggest-sites').click();
  await expect(page.getByTestId('suggest-result')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('proposal-list').locator('tbody tr')).toHaveCount(3);
  await terrainDone(page);
  const text = (await page.getByTestId('suggest-result').textContent()) ?? '';
  const suggested = Number(/(\d[\d,]*) 名/.exec(text)?.[1]?.replace(/,/g, ''));
  expect(suggested).toBeGreaterThan(0);
  await expect.poll(() => covered(page)).toBe(suggested);
  // HiGHS proves the optimum over the terrain's coverage sets too.
  await expect(page.getByTestId('suggest-method')).toHaveAttribute('data-method', 'milp');
});

/** An SRTM 3″ tile (1201 × 1201 big-endian Int16) with a ridge along 108.5° E; `void` marks a hole. */
function hgtTile(): Buffer {
  const n = 1201;
  const out = Buffer.alloc(n * n * 2);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) {
    const lon = 108 + i / (n - 1);
    out.writeInt16BE(Math.round(400 + 600 * Math.exp(-(((lon - 108.5) / 0.01) ** 2))), 2 * (j * n + i));
  }
  out.writeInt16BE(-32768, 2 * (600 * n + 600));
  return out;
}

test('SRTM .hgt tiles load, a bad file is refused in words, and the DEM is still there after a reload', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('terrain-files').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not elevation') });
  await expect(page.getByTestId('terrain-panel').getByRole('alert')).toContainText('无法读取高程文件');
  await page.getByTestId('terrain-files').setInputFiles({ name: 'N29E108.hgt', mimeType: 'application/octet-stream', buffer: hgtTile() });
  await expect(page.getByTestId('terrain-dem')).toContainText('N29E108.hgt', { timeout: 30_000 });
  await expect(page.getByTestId('terrain-panel').getByRole('alert')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('terrain-dem')).toContainText('N29E108.hgt', { timeout: 30_000 });
  await expect(page.getByTestId('terrain-panel')).toHaveAttribute('data-model', 'terrain');
  await page.getByTestId('terrain-clear').click();
  await expect(page.getByTestId('terrain-dem')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('terrain-demo')).toBeVisible();
  await expect(page.getByTestId('terrain-dem')).toHaveCount(0);
});

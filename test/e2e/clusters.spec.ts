/**
 * Blind-spot clusters in the app: the demo's dead villages show up as ranked clusters that match
 * the core (and so the CLI) exactly; the list flies to a cluster; changing the clustering distance
 * re-clusters without freezing the page; the clusters export as GeoJSON; a long list (300
 * clusters) renders only the rows in view and scrolls a cluster clicked on the map into view.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { analyzeBlindspots, decodeText, DEFAULT_ANALYSIS_SETTINGS, parseHouseholds, parseSites } from '../../src/core/index.ts';
import { openApp, parseFile } from './helpers.ts';

const demo = parseFile('public/demo/households.csv');
const sites = parseSites({ name: 'sites.csv', text: decodeText(new Uint8Array(readFileSync('public/demo/sites.csv'))).text }).sites;
const expected = analyzeBlindspots(demo.households, sites, DEFAULT_ANALYSIS_SETTINGS);

async function listedClusters(page: Page) {
  return page.getByTestId('cluster-list').locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({ id: r.getAttribute('data-cluster-id'), cells: [...r.querySelectorAll('td')].map((td) => td.textContent) })),
  );
}

test('the demo shows its blind spots as ranked clusters, the same as the core computes', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('cluster-list').locator('tbody tr')).toHaveCount(expected.clusters.length);
  const listed = await listedClusters(page);
  expect(listed.map((r) => r.id)).toEqual(expected.clusters.map((c) => c.id));
  expect(listed.map((r) => Number(r.cells[3]!.replace(/\D/g, '')))).toEqual(expected.clusters.map((c) => c.uncoveredStudents));
  await expect(page.getByTestId('isolated-summary')).toContainText(String(expected.isolatedIndices.length));

  // Longchi Village (龙池村), the dead village of the story, is among the top five.
  const longchi = expected.clusters.find((c) => c.villages.includes('龙池村'));
  expect(longchi?.rank).toBeLessThanOrEqual(5);

  // The outlines are drawn.
  await page.waitForFunction(() => window.__map!.queryRenderedFeatures({ layers: ['clusters-fill'] }).length > 0);
  const drawn = await page.evaluate(() => new Set(window.__map!.querySourceFeatures('clusters').map((f) => f.id)).size);
  expect(drawn).toBe(expected.clusters.length);
});

test('a click on a listed cluster flies to it and shows its details', async ({ page }) => {
  await openApp(page);
  const longchi = expected.clusters.find((c) => c.villages.includes('龙池村'))!;
  await page.locator(`[data-cluster-id="${longchi.id}"]`).click();
  await expect(page.getByTestId('cluster-title')).toContainText(`#${longchi.rank}`);
  await expect(page.getByTestId('cluster-villages')).toContainText('龙池村');
  await expect(page.getByTestId('cluster-uncovered-students')).toHaveText(String(longchi.uncoveredStudents));
  await page.waitForFunction(() => !window.__map!.isMoving());
  const center = await page.evaluate(() => window.__map!.getCenter().toArray());
  expect(Math.abs(center[0]! - longchi.centroid[0])).toBeLessThan(0.01);
  expect(Math.abs(center[1]! - longchi.centroid[1])).toBeLessThan(0.01);
  expect(await page.evaluate(() => window.__map!.getZoom())).toBeGreaterThan(12);
});

test('changing the clustering distance re-clusters at once, and the setting is kept', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('cluster-list').locator('tbody tr')).toHaveCount(expected.clusters.length);
  const tighter = analyzeBlindspots(demo.households, sites, { ...DEFAULT_ANALYSIS_SETTINGS, epsM: 150 });
  expect(tighter.clusters.length).not.toBe(expected.clusters.length);

  await page.getByText(/聚类参数|Parameters/).click();
  await page.getByTestId('eps-m').fill('150');
  await page.getByTestId('eps-m').press('Enter');
  await expect(page.getByTestId('cluster-list').locator('tbody tr')).toHaveCount(tighter.clusters.length);

  await page.reload();
  await page.getByText(/聚类参数|Parameters/).click();
  await expect(page.getByTestId('eps-m')).toHaveValue('150');
  await expect(page.getByTestId('cluster-list').locator('tbody tr')).toHaveCount(tighter.clusters.length);
});

test('the clusters export as a GeoJSON FeatureCollection', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('cluster-list').locator('tbody tr')).toHaveCount(expected.clusters.length);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-clusters').click()]);
  expect(download.suggestedFilename()).toBe('blindspot-clusters.geojson');
  const geojson = JSON.parse(readFileSync((await download.path())!, 'utf8')) as GeoJSON.FeatureCollection;
  expect(geojson.type).toBe('FeatureCollection');
  expect(geojson.features).toHaveLength(expected.clusters.length);
  expect(geojson.features[0]!.properties).toMatchObject({ kind: 'cluster', rank: 1, id: expected.clusters[0]!.id });
});

/** 300 blind spots of three homes each, ~2 km apart: 300 clusters, a list long enough to be windowed. */
function manyBlindSpotsCsv(spots: number): string {
  const lines = ['户编号,经度,纬度,学生人数,参考信号接收功率'];
  for (let k = 0; k < spots; k++) {
    const lon = 106.3 + (k % 20) * 0.025;
    const lat = 29.3 + Math.floor(k / 20) * 0.02;
    for (let j = 0; j < 3; j++) lines.push(`W-${k}-${j},${(lon + j * 0.0005).toFixed(6)},${lat.toFixed(6)},${1 + (k % 5)},-130`);
  }
  return `${lines.join('\n')}\n`;
}

/** Where body row `id` is against the list's view below its sticky header (null: not rendered). */
function rowPlace(page: Page, id: string) {
  return page.evaluate((clusterId) => {
    const box = document.querySelector<HTMLElement>('.cluster-list')!;
    const row = box.querySelector(`tr[data-cluster-id="${clusterId}"]`);
    if (!row) return null;
    const view = box.getBoundingClientRect();
    const header = box.querySelector('th')!.getBoundingClientRect();
    const r = row.getBoundingClientRect();
    return { shows: r.top >= header.bottom - 1 && r.bottom <= view.bottom + 1, selected: row.classList.contains('selected') };
  }, id);
}

test('a long list renders only the rows in view, scrolls, and brings a cluster clicked on the map into view', async ({ page }) => {
  const csv = manyBlindSpotsCsv(300);
  const many = analyzeBlindspots(parseHouseholds({ name: 'many.csv', text: csv }).households, sites, DEFAULT_ANALYSIS_SETTINGS);
  expect(many.clusters).toHaveLength(300);
  await openApp(page);
  await page.getByTestId('import-households').setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('import-summary')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('cluster-list')).toHaveAttribute('aria-rowcount', '301');

  // A window of rows, all one line of one height, in rank order.
  const rows = page.getByTestId('cluster-list').locator('tbody tr[data-cluster-id]');
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => ({ id: tr.getAttribute('data-cluster-id'), h: tr.getBoundingClientRect().height })));
  expect(shown.length).toBeGreaterThan(5);
  expect(shown.length).toBeLessThan(40);
  expect(shown.map((r) => r.id)).toEqual(many.clusters.slice(0, shown.length).map((c) => c.id));
  expect(new Set(shown.slice(1, -1).map((r) => Math.round(r.h))).size).toBe(1);

  // Scrolled to the end: the last clusters are rendered where they belong, the first are gone.
  await page.locator('.cluster-list').evaluate((el) => { el.scrollTop = el.scrollHeight; });
  const last = many.clusters.at(-1)!;
  await expect.poll(() => rowPlace(page, last.id)).toEqual({ shows: true, selected: false });
  expect(await rowPlace(page, many.clusters[0]!.id)).toBeNull();
  expect(await rows.count()).toBeLessThan(40);

  // Back at the top, a click on the outline of cluster #250 on the map: its row scrolls into view.
  await page.locator('.cluster-list').evaluate((el) => { el.scrollTop = 0; });
  const target = many.clusters.find((c) => c.rank === 250)!;
  await expect.poll(() => rowPlace(page, target.id)).toBeNull();
  await page.evaluate((at) => window.__map!.jumpTo({ center: at, zoom: 16 }), target.centroid);
  const point = await page.waitForFunction(
    (rank) => {
      const map = window.__map!;
      if (map.isMoving() || !map.areTilesLoaded()) return null;
      const c = map.project(map.getCenter());
      for (let dy = -120; dy <= 120; dy += 4) {
        for (let dx = -120; dx <= 120; dx += 4) {
          const [x, y] = [c.x + dx, c.y + dy];
          const fill = map.queryRenderedFeatures([x, y], { layers: ['clusters-fill'] })[0];
          if (fill?.properties.rank !== rank) continue;
          if (map.queryRenderedFeatures([[x - 8, y - 8], [x + 8, y + 8]], { layers: ['households', 'sites'] }).length > 0) continue;
          const canvas = map.getCanvas().getBoundingClientRect();
          return [canvas.left + x, canvas.top + y];
        }
      }
      return null;
    },
    target.rank,
    { timeout: 20_000 },
  );
  const [x, y] = (await point.jsonValue()) as [number, number];
  await page.mouse.click(x, y);
  await expect(page.getByTestId('cluster-title')).toContainText(`#${target.rank}`);
  await expect.poll(() => rowPlace(page, target.id)).toEqual({ shows: true, selected: true });
});

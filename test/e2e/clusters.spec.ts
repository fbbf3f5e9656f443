/**
 * Blind-spot clusters in the app: the demo's dead villages show up as ranked clusters that match
 * the core (and so the CLI) exactly; the list flies to a cluster; changing the clustering distance
 * re-clusters without freezing the page; the clusters export as GeoJSON.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { analyzeBlindspots, decodeText, DEFAULT_ANALYSIS_SETTINGS, parseSites } from '../../src/core/index.ts';
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

/**
 * Importing the user's own household reports: bad rows listed by line with field and code, the
 * good rows on the map, the import kept across a reload, an unreadable file answered clearly —
 * and no request to any host but the app's own, from start to finish.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { analyzeBlindspots, DEFAULT_ANALYSIS_SETTINGS, parseSites } from '../../src/core/index.ts';
import { clickHouseholdAt, expectHouseholdCount, openApp, parseFile, waitForHouseholdsOnMap } from './helpers.ts';

const BAD_ROWS = 'test/fixtures/households-bad-rows.csv';
const expected = JSON.parse(readFileSync('test/fixtures/households-bad-rows.expected.json', 'utf8')) as {
  rows: number;
  households: number;
  issues: { line: number; field: string; code: string }[];
};

test('a CSV with bad rows: every problem listed by line, the good rows replace the demo', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('import-households').setInputFiles(BAD_ROWS);

  const summary = page.getByTestId('import-summary');
  await expect(summary).toBeVisible();
  await expect(page.getByTestId('import-rows')).toHaveText(String(expected.rows));
  await expect(page.getByTestId('import-households-count')).toHaveText(String(expected.households));

  const rows = page.getByTestId('issues-table').locator('tbody tr');
  await expect(rows).toHaveCount(expected.issues.length);
  const shown = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({ line: Number(tr.getAttribute('data-line')), code: tr.getAttribute('data-code') })),
  );
  expect(shown).toEqual(expected.issues.map(({ line, code }) => ({ line, code })));
  for (const code of new Set(expected.issues.map((i) => i.code))) {
    await expect(page.getByTestId('issues-by-code')).toContainText(code);
  }

  // The issues download as CSV, one row per issue.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-issues').click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.trim().split(/\r?\n/)).toHaveLength(expected.issues.length + 1);

  await page.keyboard.press('Escape');
  await expect(summary).toHaveCount(0);
  await expectHouseholdCount(page, expected.households);
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  await waitForHouseholdsOnMap(page);
  const onMap = await page.evaluate(() => window.__map!.querySourceFeatures('households').map((f) => f.properties.i));
  expect(new Set(onMap).size).toBe(expected.households);

  // The import survives a reload.
  await page.reload();
  await expectHouseholdCount(page, expected.households);
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
});

test('personal fields stay hidden until the user asks', async ({ page }) => {
  await openApp(page);
  const good = parseFile('test/fixtures/households-good.csv');
  const target = good.households.find((h) => Object.keys(h.personal).length > 0)!;
  await page.getByTestId('import-households').setInputFiles('test/fixtures/households-good.csv');
  await expect(page.getByTestId('import-summary')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-summary')).toHaveCount(0);
  await expectHouseholdCount(page, good.households.length);
  await waitForHouseholdsOnMap(page);
  await clickHouseholdAt(page, [target.lon, target.lat], 18);

  const panel = page.getByTestId('details-panel');
  await expect(page.getByTestId('panel-id')).toHaveText(target.id);
  const secrets = Object.values(target.personal);
  for (const secret of secrets) await expect(panel).not.toContainText(secret);
  await page.getByTestId('show-personal').click();
  for (const secret of secrets) await expect(page.getByTestId('panel-personal')).toContainText(secret);
});

test('a GeoJSON file of households imports the same way', async ({ page }) => {
  await openApp(page);
  const geojson = parseFile('test/fixtures/households.geojson');
  await page.getByTestId('import-households').setInputFiles('test/fixtures/households.geojson');
  await expectHouseholdCount(page, geojson.households.length);
});

test('a file that cannot be read at all gets one clear message and the map keeps its data', async ({ page }) => {
  await openApp(page);
  const before = await page.getByTestId('household-count').textContent();
  await page.getByTestId('import-households').setInputFiles({
    name: 'broken.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from('{"type": "FeatureCollection", "features": [', 'utf8'),
  });
  await expect(page.getByTestId('import-error')).toBeVisible();
  await expect(page.getByTestId('import-error')).toContainText('broken.geojson');
  await expect(page.getByTestId('household-count')).toHaveText(before!);
});

test('no request leaves for another host during a whole session', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  await openApp(page);
  await page.getByTestId('lang-switch').selectOption('en');
  await page.getByTestId('import-households').setInputFiles(BAD_ROWS);
  await expect(page.getByTestId('import-summary')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: /Close/ }).first().click();
  await expectHouseholdCount(page, expected.households);
  await page.evaluate(() => window.__map!.zoomTo(12, { duration: 0 }));
  await page.waitForTimeout(1000);
  expect(foreign).toEqual([]);
});

test("the operator's existing sites replace the demo's, feed the clusters' distances and survive a reload", async ({ page }) => {
  await openApp(page);
  const sites = parseSites({ name: 'sites.csv', text: readFileSync('test/fixtures/sites.csv', 'utf8') }).sites;
  await page.getByTestId('import-sites').setInputFiles('test/fixtures/sites.csv');
  await expect(page.getByTestId('sites-summary')).toContainText(`${sites.length}`);
  await page.keyboard.press('Escape');
  const onMap = () => page.evaluate(() => new Set(window.__map!.querySourceFeatures('sites').map((f) => f.id)).size);
  await expect.poll(onMap).toBe(sites.length);
  // The households stay the demo's; the clusters now measure to the imported sites.
  const demo = parseFile('public/demo/households.csv');
  await expectHouseholdCount(page, demo.households.length);
  const expected = analyzeBlindspots(demo.households, sites, DEFAULT_ANALYSIS_SETTINGS).clusters[0]!;
  const firstRow = page.getByTestId('cluster-list').locator('tbody tr').first();
  await expect(firstRow.locator('td').last()).toHaveText(((expected.nearestSiteM ?? 0) / 1000).toFixed(1));

  await page.reload();
  await expect.poll(onMap).toBe(sites.length);
});

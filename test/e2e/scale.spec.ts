/**
 * A large import in Chromium (issue 9), at 100,000 seeded rows so the test stays quick: the
 * import shows its stages and can be cancelled (the data shown stays), then it goes through with
 * the core's numbers, its progress bar rising through values between empty and full (every value
 * the page shows is recorded; none is timed);
 * the map is given bins of homes at the municipality's zoom and the homes in view once zoomed in
 * — never all 100,000 as points; the worker holds the homes as columns and they cross to the page
 * as columns, a home's reports are fetched when it is opened, and a project file still holds
 * every home whole (the worker rebuilds them from its columns) — also after another import was
 * cancelled, which ends the worker that held them (the next one parses the file again) — and
 * opens again with the same homes and reports.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parseHouseholds } from '../../src/core/index.ts';
import { seededHouseholdsCsv } from '../bench/seeded-households-csv.ts';
import { clickHouseholdAt, householdCount, openApp } from './helpers.ts';

const ROWS = 100_000;
const csv = seededHouseholdsCsv(ROWS);
const expected = parseHouseholds({ name: 'municipality.csv', text: csv });
const file = { name: 'municipality.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };

/**
 * Clicks the cancel button of the next import as soon as it shows: the file parses in well under a
 * second, quicker than a click from the test can be sure to land.
 */
async function cancelNextImport(page: Page): Promise<void> {
  await page.evaluate(() => {
    const observer = new MutationObserver(() => {
      const cancel = document.querySelector<HTMLButtonElement>('[data-testid="cancel-load"]');
      if (cancel) { observer.disconnect(); cancel.click(); }
    });
    observer.observe(document.body, { subtree: true, childList: true });
  });
}

test('a 100,000-row import can be cancelled, then imports with bins at low zoom and homes in view when zoomed in', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  const demoCount = await householdCount(page);

  await cancelNextImport(page);
  await page.getByTestId('import-households').setInputFiles(file);
  await expect(page.getByTestId('status-loading')).toHaveCount(0);
  await page.waitForTimeout(1000);
  expect(await householdCount(page)).toBe(demoCount);

  // Every value the progress bar takes, as the page renders it.
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { __progressValues: number[] }).__progressValues = seen;
    const record = () => {
      const bar = document.querySelector<HTMLProgressElement>('[data-testid="load-progress"]');
      if (bar && bar.value !== seen[seen.length - 1]) seen.push(bar.value);
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
  });
  await page.getByTestId('import-households').setInputFiles(file);
  await expect(page.getByTestId('load-progress')).toBeVisible(); // the stages: reading, checking rows, merging, drawing
  await expect.poll(() => householdCount(page), { timeout: 120_000 }).toBe(expected.households.length);
  const values = await page.evaluate(() => (window as unknown as { __progressValues: number[] }).__progressValues);
  const between = values.filter((v) => v > 0 && v < 100);
  expect(new Set(between).size, `progress values ${values.join(', ')}`).toBeGreaterThanOrEqual(3);
  for (let k = 1; k < values.length; k++) expect(values[k], `progress values ${values.join(', ')}`).toBeGreaterThanOrEqual(values[k - 1]!);
  await page.keyboard.press('Escape'); // the import summary
  await expect(page.getByTestId('cluster-list')).toBeVisible({ timeout: 60_000 });

  // The whole municipality: bins, no points.
  await page.waitForFunction(() => !window.__map!.isMoving() && window.__map!.querySourceFeatures('household-bins').length > 0, undefined, { timeout: 30_000 });
  const binned = await page.evaluate(() => window.__map!.querySourceFeatures('household-bins').map((f) => Number(f.properties.households)));
  expect(binned.length).toBeGreaterThan(20);
  expect(await page.evaluate(() => window.__map!.querySourceFeatures('households').length)).toBe(0);

  // Zoomed in on one home: the homes in view are points (not all of them).
  const home = expected.households[0]!;
  await page.evaluate((at) => window.__map!.jumpTo({ center: at, zoom: 13.5 }), [home.lon, home.lat] as [number, number]);
  await page.waitForFunction(() => window.__map!.querySourceFeatures('households').length > 0 && window.__map!.querySourceFeatures('household-bins').length === 0, undefined, { timeout: 30_000 });
  const points = await page.evaluate(() => new Set(window.__map!.querySourceFeatures('households').map((f) => Number(f.properties.i))).size);
  expect(points).toBeGreaterThan(0);
  expect(points).toBeLessThan(expected.households.length / 10);

  // Another import, cancelled: the worker that holds these homes' reports is ended with it.
  await cancelNextImport(page);
  await page.getByTestId('import-households').setInputFiles(file);
  await expect(page.getByTestId('status-loading')).toHaveCount(0);
  expect(await householdCount(page)).toBe(expected.households.length);

  // The homes crossed as columns; a home's reports come from the worker when it is opened.
  await clickHouseholdAt(page, [home.lon, home.lat]);
  const opened = await page.getByTestId('panel-id').textContent();
  const want = expected.households.find((h) => h.id === opened)!;
  await expect(page.locator('.reports li')).toHaveCount(want.reports.length);
  expect(want.reports.length).toBeGreaterThan(0);

  // A project file holds every home whole, reports included.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-project').click()]);
  const projectPath = (await download.path())!;
  const project = JSON.parse(readFileSync(projectPath, 'utf8'));
  expect(project.households.households).toHaveLength(expected.households.length);
  const saved = project.households.households.find((h: { id: string }) => h.id === want.id);
  expect(saved).toEqual(JSON.parse(JSON.stringify(want)));
  expect(project.households.households.map((h: { id: string }) => h.id)).toEqual(expected.households.map((h) => h.id));

  // The project opens again (read in the worker, like the file): the same homes, and a home's reports.
  await page.getByTestId('open-project').setInputFiles({ name: 'municipality.blindspot.json', mimeType: 'application/json', buffer: readFileSync(projectPath) });
  await expect(page.getByTestId('status-loading')).toHaveCount(0, { timeout: 60_000 });
  await expect.poll(() => householdCount(page), { timeout: 60_000 }).toBe(expected.households.length);
  await page.evaluate((at) => window.__map!.jumpTo({ center: at, zoom: 13.5 }), [home.lon, home.lat] as [number, number]);
  await page.waitForFunction(() => window.__map!.querySourceFeatures('households').length > 0, undefined, { timeout: 30_000 });
  await clickHouseholdAt(page, [home.lon, home.lat]);
  await expect(page.getByTestId('panel-id')).toHaveText(want.id);
  await expect(page.locator('.reports li')).toHaveCount(want.reports.length);
});

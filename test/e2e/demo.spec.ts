/**
 * What a network engineer sees on a fresh install: the demo county on an offline map, dots in the
 * class colours, a legend with counts, a details panel on click, two languages — and not one
 * request to another host.
 */
import { expect, test } from '@playwright/test';
import { CLASS_COLORS } from '../../src/map/palette.ts';
import { summarizeClasses } from '../../src/core/index.ts';
import { clickHouseholdAt, countMapPixels, expectHouseholdCount, openApp, parseFile } from './helpers.ts';

const demo = parseFile('public/demo/households.csv');

test('opens on the demo: the whole synthetic Shizhu scenario, drawn in the class colours', async ({ page }) => {
  await openApp(page);
  await expectHouseholdCount(page, demo.households.length);
  await expect(page.getByTestId('demo-banner')).toBeVisible();

  const summary = summarizeClasses(demo.households);
  await expect(page.getByTestId('student-count')).toHaveText(summary.students.toLocaleString('zh-CN'));
  for (const cls of ['none', 'poor', 'fair', 'good', 'unknown'] as const) {
    await expect(page.getByTestId(`count-${cls}`)).toContainText(summary.byClass[cls].households.toLocaleString('zh-CN'));
  }

  // The map really draws: pixels of each class colour on the canvas.
  const pixels = await countMapPixels(page, CLASS_COLORS);
  for (const cls of ['none', 'poor', 'fair', 'good'] as const) expect(pixels[cls], cls).toBeGreaterThan(20);

  // It is zoomed to Shizhu County.
  const center = await page.evaluate(() => window.__map!.getCenter().toArray());
  expect(center[0]).toBeGreaterThan(107.9);
  expect(center[0]).toBeLessThan(108.6);
  expect(center[1]).toBeGreaterThan(29.6);
  expect(center[1]).toBeLessThan(30.5);

  // Hiding a class in the legend removes its dots.
  await page.getByTestId('legend-none').click();
  await page.waitForTimeout(500);
  const hidden = await countMapPixels(page, { none: CLASS_COLORS.none });
  expect(hidden.none).toBeLessThan(pixels.none! / 10);
});

test('a click on a household opens its details panel', async ({ page }) => {
  await openApp(page);
  // Zoom in on one household of a dead village so its dot stands alone, then click it.
  const target = demo.households.find((h) => h.cls === 'none' && h.students > 0)!;
  await clickHouseholdAt(page, [target.lon, target.lat]);

  await expect(page.getByTestId('details-panel')).toBeVisible();
  await expect(page.getByTestId('panel-id')).toHaveText(target.id);
  await expect(page.getByTestId('panel-village')).toHaveText(target.village!);
  await expect(page.getByTestId('panel-students')).toHaveText(String(target.students));
  await expect(page.getByTestId('panel-class')).toHaveText('无法上课');
  await expect(page.getByTestId('details-panel')).toContainText(`第 ${target.reports[0]!.line} 行`);

  await page.getByTestId('details-panel').getByRole('button', { name: '关闭' }).click();
  await expect(page.getByTestId('details-panel')).toHaveCount(0);
});

test('filtering by township and village shows Longchi Village, the dead village of the story', async ({ page }) => {
  await openApp(page);
  const longchi = demo.households.filter((h) => h.township === '六塘乡' && h.village === '龙池村');
  expect(longchi.length).toBeGreaterThan(10);
  await page.getByTestId('filter-township').selectOption('六塘乡');
  await page.getByTestId('filter-village').selectOption('龙池村');
  await expect(page.getByTestId('shown-count')).toContainText(String(longchi.length));
  const none = longchi.filter((h) => h.cls === 'none');
  await expect(page.getByTestId('count-none')).toContainText(`${none.length} 户`);
  // The map hides every other village's dots.
  await page.waitForTimeout(500);
  const shownOnMap = await page.evaluate(() => {
    const map = window.__map!;
    return [...new Set(map.queryRenderedFeatures({ layers: ['households'] }).map((f) => String(f.properties.village)))];
  });
  expect(shownOnMap).toEqual(['龙池村']);
});

test('the language switch changes the interface and is remembered', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('h1')).toHaveText('信号盲区规划');
  await page.getByTestId('lang-switch').selectOption('en');
  await expect(page.locator('h1')).toHaveText('Blindspot');
  await expect(page.getByTestId('legend-none')).toContainText('Cannot attend');
  await expect(page.getByTestId('demo-banner')).toContainText('synthetic');
  await page.reload();
  await expect(page.getByTestId('legend-none')).toContainText('Cannot attend');
  await page.getByTestId('lang-switch').selectOption('zh-CN');
  await expect(page.getByTestId('legend-none')).toContainText('无法上课');
});

test('an English browser starts in English', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await openApp(page);
  await expect(page.locator('h1')).toHaveText('Blindspot');
  await context.close();
});

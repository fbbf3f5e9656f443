/**
 * Files as teachers and committees make them: an Excel workbook, a GBK CSV, coordinates from Amap
 * (GCJ-02), swapped latitude/longitude fixed on request, and headers the app does not know mapped
 * by hand — and that mapping remembered for the next file with the same header.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parseHouseholdsFile, type ImportOptions } from '../../src/core/index.ts';
import { expectHouseholdCount, openApp } from './helpers.ts';

function parse(path: string, options: ImportOptions = {}) {
  return parseHouseholdsFile({ name: path, bytes: new Uint8Array(readFileSync(path)) }, options);
}

async function importFile(page: Page, path: string) {
  await page.getByTestId('import-households').setInputFiles(path);
  await expect(page.getByTestId('import-summary')).toBeVisible();
}

test('an Excel workbook imports, and another sheet can be picked', async ({ page }) => {
  const first = await parse('test/fixtures/households.xlsx');
  expect(first.sheets!.length).toBeGreaterThan(1);
  await openApp(page);
  await importFile(page, 'test/fixtures/households.xlsx');
  await expect(page.getByTestId('import-households-count')).toHaveText(String(first.households.length));
  const other = first.sheets!.find((s) => s !== first.sheet)!;
  const second = await parse('test/fixtures/households.xlsx', { sheet: other });
  await page.getByTestId('import-sheet').selectOption(other);
  await expect(page.getByTestId('import-rows')).toHaveText(String(second.rows));
  await page.keyboard.press('Escape');
  await expectHouseholdCount(page, second.households.length);
});

test('a GBK CSV from Excel in China imports with its Chinese text intact', async ({ page }) => {
  const gbk = await parse('test/fixtures/households-gbk.csv');
  expect(gbk.encoding).toBe('gb18030');
  await openApp(page);
  await importFile(page, 'test/fixtures/households-gbk.csv');
  await expect(page.getByTestId('import-encoding')).toHaveValue('gb18030');
  await page.keyboard.press('Escape');
  await expectHouseholdCount(page, gbk.households.length);
  // The village names read as Chinese on the map.
  await expect
    .poll(() =>
      page.evaluate(() => [...new Set(window.__map!.querySourceFeatures('households').map((f) => String(f.properties.village)))].sort()),
    )
    .toEqual([...new Set(gbk.households.map((h) => h.village))].sort());
});

test('swapped coordinates are fixed only when the user agrees; GCJ-02 input is converted', async ({ page }) => {
  const before = await parse('test/fixtures/households-bad-rows.csv');
  const swapped = before.issues.filter((i) => i.code === 'swapped_lat_lon');
  expect(swapped.length).toBeGreaterThan(0);
  const fixed = await parse('test/fixtures/households-bad-rows.csv', { fixSwappedLines: swapped.map((i) => i.line) });
  expect(fixed.households.length).toBeGreaterThan(before.households.length);

  await openApp(page);
  await importFile(page, 'test/fixtures/households-bad-rows.csv');
  await expect(page.getByTestId('import-households-count')).toHaveText(String(before.households.length));
  await page.getByTestId('fix-swapped').click();
  await expect(page.getByTestId('import-households-count')).toHaveText(String(fixed.households.length));
  await expect(page.getByTestId('fix-swapped')).toHaveCount(0);

  const gcj = await parse('test/fixtures/households-bad-rows.csv', { fixSwappedLines: swapped.map((i) => i.line), crs: 'gcj02' });
  await page.getByTestId('import-crs').selectOption('gcj02');
  await page.keyboard.press('Escape');
  // Converted: a few hundred metres from where the file put it (map tiles quantise to ~1 m).
  const h = gcj.households[0]!;
  const asGiven = fixed.households[0]!;
  expect(Math.abs(h.lon - asGiven.lon) + Math.abs(h.lat - asGiven.lat)).toBeGreaterThan(0.002);
  await expect
    .poll(() => page.evaluate(() => window.__map!.querySourceFeatures('households').map((f) => (f.geometry as GeoJSON.Point).coordinates)))
    .toContainEqual([expect.closeTo(h.lon, 4), expect.closeTo(h.lat, 4)]);
  // The choices survive a reload: the same households at the same converted places.
  await page.reload();
  await expectHouseholdCount(page, gcj.households.length);
});

test('unknown headers are mapped by hand, and the mapping is remembered for the next such file', async ({ page }) => {
  const csv = '编码,东经,北纬,上网情况\nA1,108.20,30.05,无\nA2,108.21,30.06,好\nA3,108.22,30.07,差\n';
  const file = { name: 'unknown-headers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') };
  await openApp(page);
  await page.getByTestId('import-households').setInputFiles(file);
  await expect(page.getByTestId('mapping-dialog')).toBeVisible();
  await page.getByTestId('mapping-1').selectOption('lon');
  await page.getByTestId('mapping-2').selectOption('lat');
  await page.getByTestId('mapping-3').selectOption('signal');
  await page.getByTestId('apply-mapping').click();
  await expect(page.getByTestId('import-households-count')).toHaveText('3');
  await page.keyboard.press('Escape');
  await expectHouseholdCount(page, 3);
  await expect(page.getByTestId('count-none')).toContainText('1 户');

  // The next file with the same header imports at once.
  await page.getByTestId('import-households').setInputFiles({ ...file, buffer: Buffer.from(csv + 'A4,108.23,30.08,好\n', 'utf8') });
  await expect(page.getByTestId('import-households-count')).toHaveText('4');
  await expect(page.getByTestId('mapping-dialog')).toHaveCount(0);
});

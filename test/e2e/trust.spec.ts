/**
 * Trust (issue 7): a whole working session sends nothing to another host; text from a hostile
 * file never runs as code in any view or panel; the plan survives a page closed without any
 * unload handler; two tabs of the same plan follow each other instead of overwriting silently.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp, waitForHouseholdsOnMap } from './helpers.ts';

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=(window.__pwned||0)+1">',
  '<script>window.__pwned=(window.__pwned||0)+1</script>',
  '<svg onload="window.__pwned=(window.__pwned||0)+1"></svg>',
  'javascript:window.__pwned=(window.__pwned||0)+1',
];

/** 30 homes in 3 villages whose names, townships, ids and personal fields are all payloads; most cannot attend. */
function hostileGeoJson(): string {
  const features = Array.from({ length: 30 }, (_, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [108.2 + (i % 10) * 0.002, 30.0 + Math.floor(i / 10) * 0.002] },
    properties: {
      id: `${PAYLOADS[i % 4]}-${i}`,
      students: 2,
      county: PAYLOADS[(i + 1) % 4],
      township: PAYLOADS[(i + 2) % 4],
      village: `${PAYLOADS[Math.floor(i / 10)]}村`,
      signal: i % 5 === 0 ? 'good' : 'none',
      operator: PAYLOADS[(i + 3) % 4],
      姓名: PAYLOADS[i % 4],
      reported_at: i === 3 ? PAYLOADS[0] : '2020-03-05',
    },
  }));
  return JSON.stringify({ type: 'FeatureCollection', features });
}

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? 0);
}

function recordForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  return foreign;
}

test('hostile text in a file never runs, in any view or panel; and nothing leaves for another host', async ({ page, baseURL }) => {
  const foreign = recordForeignRequests(page, new URL(baseURL!).origin);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openApp(page);
  await page.getByTestId('import-households').setInputFiles({ name: 'hostile.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(hostileGeoJson()) });
  await expect(page.getByTestId('import-summary')).toBeVisible();
  await expect(page.getByTestId('household-count')).toHaveText('30');
  await page.keyboard.press('Escape');

  // Clusters (village names), the isolated list, a household's details with personal fields shown.
  await expect(page.getByTestId('cluster-list').locator('tbody tr').first()).toBeVisible();
  await page.getByTestId('cluster-list').locator('tbody tr').first().click();
  await expect(page.getByTestId('cluster-villages')).toContainText('<img');
  await waitForHouseholdsOnMap(page);
  const home = await page.evaluate(() => {
    const map = window.__map!;
    const f = map.queryRenderedFeatures({ layers: ['households'] })[0]!;
    const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
    return { x: p.x, y: p.y };
  });
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + home.x, box.y + home.y);
  await expect(page.getByTestId('panel-village')).toContainText('村');
  await page.getByTestId('show-personal').click();
  await expect(page.getByTestId('panel-personal')).toContainText('__pwned');

  // A proposal named after a hostile village; suggestions; the exports.
  await page.getByTestId('mode-add').click();
  await page.mouse.click(box.x + home.x + 30, box.y + home.y + 30);
  await expect(page.getByTestId('proposal-list').locator('tbody tr')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await page.getByTestId('suggest-count').fill('2');
  await page.getByTestId('suggest-count').press('Enter');
  await page.getByTestId('suggest-sites').click();
  await expect(page.getByTestId('suggest-result')).toBeVisible({ timeout: 30_000 });
  for (const id of ['export-proposals-geojson', 'export-proposals-kml', 'export-proposals-csv', 'export-clusters']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(id).click()]);
    expect(readFileSync((await download.path())!, 'utf8').length).toBeGreaterThan(0);
  }

  // The import summary, the committee view at every level with the printed report.
  await page.getByTestId('open-import-summary').click();
  await expect(page.getByTestId('import-summary')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByTestId('view-committee').click();
  for (const level of ['county', 'township', 'village']) {
    await page.getByTestId(`level-${level}`).click();
    await expect(page.getByTestId('area-table')).toContainText('<');
  }
  await page.getByTestId('map-hexagons').click();
  await page.getByTestId('privacy-mode').uncheck();
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByTestId('print-report').click();
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('view-engineer').click();
  await page.getByTestId('lang-switch').selectOption('en');
  await page.evaluate(() => window.__map!.zoomTo(16, { duration: 0 }));
  await page.waitForTimeout(1500);

  expect(await pwned(page)).toBe(0);
  expect(dialogs).toEqual([]);
  // The payloads are on the page as text, not as elements.
  expect(await page.locator('#root img[src="x"], #root svg[onload], #root script').count()).toBe(0);
  expect(foreign).toEqual([]);
});

test('the plan survives a page closed without any unload handler running', async ({ page, context }) => {
  await openApp(page);
  await page.getByTestId('mode-add').click();
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.click(box.x + box.width / 2 - 120, box.y + box.height / 2 + 40);
  await page.keyboard.press('Escape');
  await page.getByTestId('proposal-name').fill('山顶站 A');
  await page.getByTestId('proposal-name').press('Enter');
  await page.getByTestId('proposal-radius-m').fill('2500');
  await page.getByTestId('proposal-radius-m').press('Enter');
  await expect(page.getByTestId('proposal-list')).toContainText('山顶站 A');
  const names = await page.getByTestId('proposal-list').locator('tbody tr td:nth-child(2)').allTextContents();
  // Each committed edit is saved at once (no waiting for an unload): the "saved" line follows the last edit.
  await expect(page.getByTestId('plan-saved')).toHaveAttribute('data-rev', '4');

  await page.close({ runBeforeUnload: false });
  const again = await context.newPage();
  await openApp(again);
  await expect(again.getByTestId('proposal-list').locator('tbody tr')).toHaveCount(2);
  expect((await again.getByTestId('proposal-list').locator('tbody tr td:nth-child(2)').allTextContents()).sort()).toEqual(names.sort());
  await again.getByTestId('proposal-list').locator('tbody tr', { hasText: '山顶站 A' }).click();
  await expect(again.getByTestId('proposal-radius-m')).toHaveValue('2500');
});

test('two tabs of the same plan: an edit in one shows in the other, never a silent overwrite', async ({ page, context }) => {
  await openApp(page);
  const other = await context.newPage();
  await openApp(other);

  await page.getByTestId('mode-add').click();
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('proposal-list').locator('tbody tr')).toHaveCount(1);
  await expect(other.getByTestId('proposal-list').locator('tbody tr')).toHaveCount(1);
  await expect(other.getByTestId('storage-banner')).toBeVisible();

  // The other tab edits: the first follows, and its own next edit builds on that.
  await other.getByTestId('clear-plan').click();
  await expect(page.getByTestId('proposal-list')).toHaveCount(0);
  await page.mouse.click(box.x + box.width / 2 + 80, box.y + box.height / 2);
  await expect(page.getByTestId('proposal-list').locator('tbody tr')).toHaveCount(1);
  await expect(other.getByTestId('proposal-list').locator('tbody tr')).toHaveCount(1);
});

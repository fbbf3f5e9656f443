/**
 * Offline and installable (issue 7, item 1): after one visit the service worker holds every file
 * of the build, and with the network off a reload draws the demo again, lists its clusters and
 * suggests 3 sites with HiGHS — whose wasm was never fetched online, so it can only come from the
 * precache. The manifest parses, its icons are real PNGs of the stated sizes, and Chromium reports
 * the app installable. Prints the precache size and the first-load and offline-reload times.
 * Limits: runs against the built app (`vite preview`), never `npm run dev`, where no service worker
 * is registered; "offline" is Playwright's context.setOffline (the browser's network emulation).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { waitForHouseholdsOnMap } from './helpers.ts';

test.use({ serviceWorkers: 'allow' });

/** Every file of the build, as URL paths relative to the app, except the service worker's own. */
function builtFiles(dir = 'dist'): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.filter((f) => f !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(f) && !f.endsWith('.map')).sort();
}

/** Waits until a service worker controls the page, then lists what its precache holds. */
async function precachedFiles(page: Page): Promise<{ paths: string[]; bytes: number }> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', undefined, { timeout: 60_000 });
  return page.evaluate(async () => {
    const base = new URL('./', document.baseURI).href;
    const names = (await caches.keys()).filter((n) => n.startsWith('workbox-precache'));
    const paths: string[] = [];
    let bytes = 0;
    for (const name of names) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const url = new URL(request.url);
        url.search = '';
        paths.push(url.href.slice(base.length));
        bytes += (await (await cache.match(request))!.arrayBuffer()).byteLength;
      }
    }
    return { paths: paths.sort(), bytes };
  });
}

test('after one visit the app reopens and works with the network off', async ({ page, context }) => {
  test.setTimeout(180_000);
  const expected = builtFiles();
  expect(expected).toEqual(expect.arrayContaining([
    'index.html', 'manifest.webmanifest', 'demo/households.csv', 'demo/sites.csv', 'basemap/cq_counties_wgs84.geojson',
    'templates/household-report-template.xlsx', 'icons/icon-512.png',
  ]));
  expect(expected.some((f) => /^assets\/highs-.*\.wasm$/.test(f))).toBe(true);

  let start = Date.now();
  await page.goto('/');
  await waitForHouseholdsOnMap(page);
  const firstLoadMs = Date.now() - start;
  const drawnOnline = await page.getByTestId('household-count').textContent();

  // The worker installs only once it has every file: then it is active and controls the page.
  const precache = await precachedFiles(page);
  expect(precache.paths).toEqual(expected);

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText ?? ''}`));
  start = Date.now();
  await page.reload();
  await waitForHouseholdsOnMap(page);
  const offlineReloadMs = Date.now() - start;
  await expect(page.getByTestId('household-count')).toHaveText(drawnOnline!);
  await expect(page.getByTestId('cluster-list').locator('tbody tr').first()).toBeVisible();
  expect(await page.getByTestId('cluster-list').locator('tbody tr').count()).toBeGreaterThan(10);
  // The basemap is drawn too: the county polygons under the view are rendered.
  await page.waitForFunction(() => window.__map!.isSourceLoaded('counties') && window.__map!.queryRenderedFeatures({ layers: ['counties-fill'] }).length > 0);

  await page.getByTestId('suggest-count').fill('3');
  await page.getByTestId('suggest-count').press('Enter');
  await page.getByTestId('suggest-sites').click();
  await expect(page.getByTestId('suggest-result')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('proposal-list').locator('tbody tr')).toHaveCount(3);
  // HiGHS answered: its wasm came from the precache (it is loaded on demand, never before this).
  await expect(page.getByTestId('suggest-method')).toHaveAttribute('data-method', 'milp');

  // The templates download offline as well.
  const template = await page.evaluate(async () => {
    const r = await fetch('templates/household-report-template.csv');
    return { ok: r.ok, text: await r.text() };
  });
  expect(template.ok).toBe(true);
  expect(template.text).toContain('经度');
  expect(failed).toEqual([]);

  const summary = {
    precacheFiles: precache.paths.length,
    precacheMB: Number((precache.bytes / 1e6).toFixed(2)),
    firstLoadMs,
    offlineReloadMs,
  };
  console.log(`offline: ${JSON.stringify(summary)}`);
  test.info().annotations.push({ type: 'offline', description: JSON.stringify(summary) });
});

test('the manifest is served, parses, has its icons, and Chromium finds the app installable', async ({ playwright, baseURL, request }) => {
  const response = await request.get('manifest.webmanifest');
  expect(response.ok()).toBe(true);
  const manifest = JSON.parse(await response.text()) as {
    name: string; short_name: string; start_url: string; scope: string; display: string; theme_color: string;
    background_color: string; lang: string; icons: { src: string; sizes: string; type: string; purpose: string }[];
  };
  expect(manifest).toMatchObject({
    name: 'Blindspot · 信号盲区规划', start_url: './', scope: './', display: 'standalone', theme_color: '#1f2933',
    background_color: '#ffffff', lang: 'zh-CN',
  });
  expect(manifest.short_name.length).toBeGreaterThan(0);
  const png = manifest.icons.filter((i) => i.type === 'image/png');
  for (const [size, purpose] of [[192, 'any'], [512, 'any'], [192, 'maskable'], [512, 'maskable']] as const) {
    const icon = png.find((i) => i.sizes === `${size}x${size}` && i.purpose.split(' ').includes(purpose));
    expect(icon, `${size} ${purpose}`).toBeDefined();
    const file = await request.get(icon!.src);
    expect(file.ok()).toBe(true);
    const image = PNG.sync.read(await file.body());
    expect([image.width, image.height]).toEqual([size, size]);
  }

  // Playwright's contexts are incognito, where Chromium never offers to install: use a real profile.
  const profile = mkdtempSync(join(tmpdir(), 'blindspot-install-'));
  const persistent = await playwright.chromium.launchPersistentContext(profile, {
    ...test.info().project.use.launchOptions,
    baseURL,
    serviceWorkers: 'allow',
  });
  try {
    const page = persistent.pages()[0] ?? (await persistent.newPage());
    await page.goto('/');
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', './manifest.webmanifest');
    await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', undefined, { timeout: 60_000 });
    const cdp = await persistent.newCDPSession(page);
    const parsed = (await cdp.send('Page.getAppManifest')) as { errors: { message: string }[]; url: string };
    expect(parsed.errors).toEqual([]);
    expect(parsed.url).toMatch(/manifest\.webmanifest$/);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
  } finally {
    await persistent.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

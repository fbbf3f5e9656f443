/**
 * The README's pictures, from the built app in Debian's Chromium: the planning view with three
 * suggested sites (docs/screenshot.png) and the committee view (docs/committee.png).
 *   npm run build && npx vite preview --port 4173 &   then   npx tsx scripts/readme-pictures.ts [URL]
 */
import { chromium } from '@playwright/test';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', deviceScaleFactor: 1 });
await page.goto(url);
await page.waitForFunction(() => (window.__map?.queryRenderedFeatures({ layers: ['households'] }).length ?? 0) > 0, undefined, { timeout: 60_000 });
await page.getByTestId('suggest-count').fill('3');
await page.getByTestId('suggest-count').press('Enter');
await page.getByTestId('suggest-sites').click();
await page.getByTestId('suggest-result').waitFor({ timeout: 60_000 });
await page.locator('.plan').scrollIntoViewIfNeeded();
await page.waitForTimeout(1500);
await page.screenshot({ path: 'docs/screenshot.png' });
await page.getByTestId('view-committee').click();
await page.waitForFunction(() => (window.__map?.queryRenderedFeatures({ layers: ['areas'] }).length ?? 0) > 0, undefined, { timeout: 60_000 });
await page.waitForTimeout(1500);
await page.screenshot({ path: 'docs/committee.png' });
await browser.close();

/**
 * Opens the built app in Debian's Chromium, measures the time from navigation to the first drawn
 * households, and saves a screenshot (the README's picture).
 *   npm run build && npx vite preview --port 4173 &   then   npx tsx scripts/screenshot.ts [URL] [OUT.png] [lang]
 */
import { chromium } from '@playwright/test';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/';
const out = process.argv[3] ?? 'docs/screenshot.png';
const lang = process.argv[4] ?? 'zh-CN';

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: lang, deviceScaleFactor: 1 });
const start = Date.now();
await page.goto(url);
await page.waitForFunction(() => {
  const map = window.__map;
  return !!map && !!map.getSource('households') && map.isSourceLoaded('households') &&
    map.queryRenderedFeatures({ layers: ['households'] }).length > 0;
}, undefined, { timeout: 60_000 });
const firstMapMs = Date.now() - start;
await page.waitForTimeout(800);
await page.screenshot({ path: out });
console.log(JSON.stringify({ url, out, firstMapMs }));
await browser.close();

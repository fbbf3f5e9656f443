/**
 * Renders the app icons of the web app manifest from public/favicon.svg with Debian's Chromium:
 *   public/icons/icon-192.png, icon-512.png            ("any": the favicon as drawn, rounded corners)
 *   public/icons/icon-maskable-192.png, -512.png       ("maskable": full-bleed background, the rings
 *                                                      drawn inside the central 80 % safe zone)
 *   npx tsx scripts/build-icons.ts
 * Limits: the maskable variant is derived by removing the rounded corners of the favicon's square
 * (`rx`), which is right only while the favicon's picture stays a centred drawing on one square whose
 * content fits within 40 % of the width from the centre (today: 10.25 of 32 units, 32 %). The PNGs
 * are committed; rerun this only when the favicon changes.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const svg = readFileSync('public/favicon.svg', 'utf8');
const maskable = svg.replace(/\s+rx="[^"]*"/, '');
if (maskable === svg) throw new Error('public/favicon.svg has no rounded square (rx) to make full-bleed');

const outDir = 'public/icons';
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  for (const size of [192, 512]) {
    for (const [kind, source] of [['icon', svg], ['icon-maskable', maskable]] as const) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const sized = source.replace('<svg ', `<svg width="${size}" height="${size}" `);
      await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`);
      const path = `${outDir}/${kind}-${size}.png`;
      await page.screenshot({ path, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      console.log(path);
    }
  }
} finally {
  await browser.close();
}

/** Shared steps of the browser tests: open the app, wait for data on the map, read the canvas. */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { decodeText, parseHouseholds, type ParseResult } from '../../src/core/index.ts';

export function parseFile(path: string): ParseResult {
  const { text } = decodeText(new Uint8Array(readFileSync(path)));
  return parseHouseholds({ name: path, text });
}

/** Opens the app with an empty profile and waits until households are drawn on the map. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await waitForHouseholdsOnMap(page);
}

export async function waitForHouseholdsOnMap(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const map = window.__map;
      if (!map || !map.getSource('households') || !map.isSourceLoaded('households')) return false;
      return map.queryRenderedFeatures({ layers: ['households'] }).length > 0 && !map.isMoving();
    },
    undefined,
    { timeout: 30_000 },
  );
}

export function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Counts the map's pixels within `tolerance` of each colour. */
export async function countMapPixels(page: Page, colors: Record<string, string>, tolerance = 12): Promise<Record<string, number>> {
  const png = PNG.sync.read(await page.locator('[data-testid="map"] canvas').screenshot());
  const targets = Object.entries(colors).map(([name, hex]) => [name, hexToRgb(hex)] as const);
  const counts: Record<string, number> = Object.fromEntries(targets.map(([name]) => [name, 0]));
  for (let p = 0; p < png.data.length; p += 4) {
    const r = png.data[p]!, g = png.data[p + 1]!, b = png.data[p + 2]!;
    for (const [name, [tr, tg, tb]] of targets) {
      if (Math.abs(r - tr) <= tolerance && Math.abs(g - tg) <= tolerance && Math.abs(b - tb) <= tolerance) counts[name]!++;
    }
  }
  return counts;
}

export async function householdCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('household-count').textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}

export async function expectHouseholdCount(page: Page, expected: number): Promise<void> {
  await expect.poll(() => householdCount(page), { timeout: 30_000 }).toBe(expected);
}

/**
 * Zooms in on a household and clicks its dot, once the dot is really drawn there (after an import
 * the map may still show the previous data for a moment).
 */
export async function clickHouseholdAt(page: Page, lonLat: [number, number], zoom = 17): Promise<void> {
  await page.evaluate(([at, z]) => window.__map!.jumpTo({ center: at, zoom: z }), [lonLat, zoom] as const);
  const point = await page.waitForFunction(
    (at) => {
      const map = window.__map!;
      if (map.isMoving() || !map.areTilesLoaded()) return null;
      const p = map.project(at);
      const hit = map.queryRenderedFeatures(
        [
          [p.x - 3, p.y - 3],
          [p.x + 3, p.y + 3],
        ],
        { layers: ['households'] },
      );
      return hit.length > 0 ? { x: p.x, y: p.y } : null;
    },
    lonLat,
    { timeout: 20_000 },
  );
  const { x, y } = (await point.jsonValue())!;
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + x, box.y + y);
}

/** The page coordinates of a map position (for mouse clicks and drags). */
export async function mapPoint(page: Page, lonLat: [number, number]): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId('map').boundingBox())!;
  const p = await page.evaluate((at) => window.__map!.project(at), lonLat);
  return { x: box.x + p.x, y: box.y + p.y };
}

/** Waits until the map has stopped moving and drawn its tiles. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !window.__map!.isMoving() && window.__map!.areTilesLoaded());
}

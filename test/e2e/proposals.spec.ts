/**
 * Site proposals in the app (issue 4): an engineer adds a site by clicking near a dead demo
 * village and sees the newly covered count rise, drags it, undoes and redoes, exports the plan
 * (the GeoJSON parses, its numbers are the core's, it holds no household data), reloads and finds
 * the plan still there; "suggest" adds its sites in one undo step with a marginal-gain chart;
 * a project file saves and reopens the plan.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
  analyzeBlindspots, decodeText, DEFAULT_ANALYSIS_SETTINGS, parseProposalsGeoJson, parseSites, proposalImpact, suggestSites,
  type ProposedSite,
} from '../../src/core/index.ts';
import { openApp, parseFile, waitForHouseholdsOnMap, mapPoint, settle } from './helpers.ts';

const demo = parseFile('public/demo/households.csv');
const sites = parseSites({ name: 'sites.csv', text: decodeText(new Uint8Array(readFileSync('public/demo/sites.csv'))).text }).sites;
const analysis = analyzeBlindspots(demo.households, sites, DEFAULT_ANALYSIS_SETTINGS);
const longchi = analysis.clusters.find((c) => c.villages.includes('龙池村'))!;
const uncovered = { uncovered: DEFAULT_ANALYSIS_SETTINGS.uncovered };

const digits = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

/** The numbers of the totals line ("with these 3 sites, 61 of 208 … come online; 147 remain"): [sites, covered, before, remaining]. */
async function totals(page: Page): Promise<number[]> {
  const line = page.getByTestId('plan-totals');
  const text = (await line.textContent()) ?? '';
  const shown = ['sites', 'covered', 'before', 'remaining'].map(async (k) => Number(await line.getAttribute(`data-${k}`)));
  const numbers = await Promise.all(shown);
  for (const n of numbers) expect(text).toContain(n.toLocaleString('zh-CN'));
  return numbers;
}

async function location(page: Page): Promise<[number, number]> {
  const text = (await page.getByTestId('proposal-location').textContent()) ?? '';
  const [lon, lat] = text.split(',').map(Number);
  return [lon!, lat!];
}

async function downloadJson(page: Page, testId: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return readFileSync((await download.path())!, 'utf8');
}

test('add a site near a dead village, drag it, undo, export, reload: the plan and its numbers hold', async ({ page }) => {
  await openApp(page);
  await page.evaluate((at) => window.__map!.jumpTo({ center: at, zoom: 12.5 }), longchi.centroid);
  await settle(page);
  await page.getByTestId('mode-add').click();
  await expect(page.getByTestId('mode-add')).toHaveAttribute('aria-pressed', 'true');

  // A click at the village: a proposal appears with its coverage and "newly covered" at once.
  const at = await mapPoint(page, longchi.centroid);
  await page.mouse.click(at.x, at.y);
  await expect(page.getByTestId('proposal-list').locator('tbody tr')).toHaveCount(1);
  const [count, covered, before, remaining] = await totals(page);
  expect(count).toBe(1);
  expect(before).toBe(analysis.uncoveredStudents);
  expect(covered).toBeGreaterThanOrEqual(longchi.uncoveredStudents * 0.8); // a 3 km circle over the village
  expect(remaining).toBe(before! - covered!);
  await expect(page.getByTestId('proposal-newly')).toContainText(String(covered));
  await expect(page.locator('[data-testid="proposal-name"]')).toHaveValue(/龙池村 1$/);
  await page.waitForFunction(() => window.__map!.querySourceFeatures('proposal-coverage').length > 0);
  const placed = await location(page);

  // Drag it 200 px east: the numbers follow during the drag and the site stays where it is dropped.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('mode-add')).toHaveAttribute('aria-pressed', 'false');
  await settle(page); // the details panel narrowed the map
  const from = await mapPoint(page, placed);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let dx = 20; dx <= 200; dx += 20) await page.mouse.move(from.x + dx, from.y, { steps: 2 });
  await expect.poll(async () => (await location(page))[0]).toBeGreaterThan(placed[0] + 0.005);
  await page.mouse.up();
  const dragged = await location(page);
  expect(dragged[0]).toBeGreaterThan(placed[0] + 0.005);
  expect(Math.abs(dragged[1] - placed[1])).toBeLessThan(0.001);

  // Undo puts it back; redo (keyboard) moves it again.
  await page.getByTestId('undo').click();
  await expect.poll(() => location(page)).toEqual(placed);
  expect((await totals(page))[1]).toBe(covered);
  await page.keyboard.press('Control+Shift+Z');
  await expect.poll(() => location(page)).toEqual(dragged);
  const draggedTotals = await totals(page);

  // Export: the file parses, its numbers are the core's for the same site, and it names no home.
  const text = await downloadJson(page, 'export-proposals-geojson');
  const exported = parseProposalsGeoJson(text);
  expect(exported).toHaveLength(1);
  const props = JSON.parse(text).features[0].properties;
  const impact = proposalImpact(demo.households, exported, uncovered);
  expect(props.newlyCoveredStudents).toBe(impact.totals.newlyCoveredStudents);
  expect(props.newlyCoveredStudents).toBe(draggedTotals[1]);
  expect(props.villages.length).toBeGreaterThan(0);
  for (const h of demo.households.slice(0, 500)) expect(text).not.toContain(`"${h.id}"`);

  // Reload: the plan is still there (autosaved), with the same numbers.
  await page.reload();
  await waitForHouseholdsOnMap(page);
  await expect(page.getByTestId('proposal-list').locator('tbody tr')).toHaveCount(1);
  await expect.poll(() => totals(page)).toEqual(draggedTotals);
  await page.getByTestId('proposal-list').locator('tbody tr').first().click();
  await expect(page.locator('[data-testid="proposal-name"]')).toHaveValue(exported[0]!.name);
});

test('suggest adds the best sites in one undo step, says its method and charts the marginal gains', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('cluster-list').locator('tbody tr')).toHaveCount(analysis.clusters.length);
  await page.getByTestId('suggest-count').fill('3');
  await page.getByTestId('suggest-count').press('Enter');
  await page.getByTestId('suggest-sites').click();
  await expect(page.getByTestId('suggest-result')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('proposal-list').locator('tbody tr')).toHaveCount(3);

  const greedy = suggestSites(demo.households, {
    count: 3, radiusM: 3000, clusterCentroids: analysis.clusters.map((c) => c.centroid), exact: 'never',
  });
  const [, covered] = await totals(page);
  // The answer is at least the greedy one (the exact optimum when the solver proves it).
  expect(covered).toBeGreaterThanOrEqual(greedy.newlyCoveredStudents);
  // The demo is small enough for HiGHS (WebAssembly, served by the app itself) to prove the optimum.
  await expect(page.getByTestId('suggest-method')).toHaveAttribute('data-method', 'milp');
  const bars = await page.getByTestId('suggest-bar').evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-students'))));
  expect(bars).toHaveLength(3);
  expect(bars.reduce((a, b) => a + b, 0)).toBe(covered);
  for (let i = 1; i < bars.length; i++) expect(bars[i]).toBeLessThanOrEqual(bars[i - 1]!);

  await page.getByTestId('undo').click();
  await expect(page.getByTestId('proposal-list')).toHaveCount(0);
});

test('editing a site changes its coverage; a project file saves and reopens the plan', async ({ page }) => {
  await openApp(page);
  await page.evaluate((at) => window.__map!.jumpTo({ center: at, zoom: 12.5 }), longchi.centroid);
  await settle(page);
  await page.getByTestId('mode-add').click();
  const at = await mapPoint(page, longchi.centroid);
  await page.mouse.click(at.x, at.y);
  await expect(page.getByTestId('proposal-list').locator('tbody tr')).toHaveCount(1);
  const [, covered3km] = await totals(page);

  await page.getByTestId('proposal-radius-m').fill('500');
  await page.getByTestId('proposal-radius-m').press('Enter');
  await expect.poll(async () => (await totals(page))[1]).toBeLessThan(covered3km!);
  await page.getByTestId('proposal-name').fill('龙池村山顶站');
  await page.getByTestId('proposal-name').press('Enter');
  await expect(page.getByTestId('proposal-list')).toContainText('龙池村山顶站');
  const edited = await totals(page);

  const projectText = await downloadJson(page, 'save-project');
  const project = JSON.parse(projectText);
  expect(project.schema).toBe('blindspot.project/1');
  expect(project.proposals).toHaveLength(1);
  expect((project.proposals as ProposedSite[])[0]!.radiusM).toBe(500);

  await page.getByTestId('clear-plan').click();
  await expect(page.getByTestId('proposal-list')).toHaveCount(0);
  await page.getByTestId('open-project').setInputFiles({ name: 'plan.blindspot.json', mimeType: 'application/json', buffer: Buffer.from(projectText) });
  await expect(page.getByTestId('proposal-list')).toContainText('龙池村山顶站');
  await expect.poll(() => totals(page)).toEqual(edited);
  expect(digits(await page.getByTestId('household-count').textContent())).toBe(demo.households.length);

  // Delete (key), then undo brings it back.
  await page.getByTestId('proposal-list').locator('tbody tr').first().click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('proposal-list')).toHaveCount(0);
  await page.keyboard.press('Control+Z');
  await expect(page.getByTestId('proposal-list')).toContainText('龙池村山顶站');
});

test('an opened project is kept on this machine: a reload opens it again', async ({ page }) => {
  await openApp(page);
  const project = JSON.parse(await downloadJson(page, 'save-project'));
  project.households.households = project.households.households.slice(0, 120);
  await page.getByTestId('open-project').setInputFiles({ name: 'some.blindspot.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(project)) });
  await expect.poll(() => page.getByTestId('household-count').textContent().then(digits)).toBe(120);
  await page.reload();
  await expect.poll(() => page.getByTestId('household-count').textContent().then(digits), { timeout: 30_000 }).toBe(120);
});

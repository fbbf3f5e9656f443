/**
 * The committee view (issue 6) as an education-committee officer uses it: one click away, privacy
 * on by default, no household layer and no household id anywhere in the page; the village table
 * matches the core (and so the engineer's numbers) before and after the proposed sites; search and
 * sort; the CSV export (BOM, FORMATS §6 columns, <5); the printed A4 report holds the table.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { aggregateAreas, DEFAULT_ANALYSIS_SETTINGS, parseProposalsGeoJson } from '../../src/core/index.ts';
import { openApp, parseFile } from './helpers.ts';

const demo = parseFile('public/demo/households.csv');
const uncovered = DEFAULT_ANALYSIS_SETTINGS.uncovered;
const villages = aggregateAreas(demo.households, { level: 'village', uncovered });
const HOUSEHOLD_ID = /SZ-\d{6}/;

async function openCommittee(page: Page): Promise<void> {
  await page.getByTestId('view-committee').click();
  await expect(page.getByTestId('area-table').locator('tbody tr')).toHaveCount(villages.rows.length);
  await page.waitForFunction(() => window.__map!.queryRenderedFeatures({ layers: ['areas'] }).length > 0);
}

async function pdfText(page: Page): Promise<{ pages: number; text: string }> {
  const data = new Uint8Array(await page.pdf({ format: 'A4' }));
  const doc = await getDocument({ data, disableFontFace: true }).promise;
  let text = '';
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('') + '\n';
  }
  return { pages: doc.numPages, text };
}

const cellNumbers = (cells: string[]) => cells.slice(1).map((c) => (c === '<5' ? c : Number(c.replace(/[^\d]/g, ''))));

test('the committee view shows areas only: privacy on, no household layer, no household id in the page', async ({ page }) => {
  await openApp(page);
  await openCommittee(page);
  await expect(page.getByTestId('privacy-mode')).toBeChecked();
  const layers = await page.evaluate(() => {
    const map = window.__map!;
    return {
      households: map.getLayoutProperty('households', 'visibility'),
      clusters: map.getLayoutProperty('clusters-fill', 'visibility'),
      drawnHomes: map.queryRenderedFeatures().filter((f) => f.layer.id.startsWith('households')).length,
    };
  });
  expect(layers).toEqual({ households: 'none', clusters: 'none', drawnHomes: 0 });
  expect(await page.content()).not.toMatch(HOUSEHOLD_ID);
  // A click on the map selects an area, never a home.
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('details-panel')).toHaveCount(0);

  // The totals are the engineer's: the same uncovered students as the clusters count.
  const totals = await page.getByTestId('area-table').getByTestId('area-totals').locator('td').allTextContents();
  const t = villages.totals;
  expect(cellNumbers(['', ...totals])).toEqual([
    t.households, t.students, t.byClassStudents.none, t.byClassStudents.poor, t.uncoveredStudents, t.uncoveredStudentsAfter,
    Math.round((100 * t.uncoveredStudents) / t.students),
  ]);
  expect(villages.totals.uncoveredStudents).toBe(898);

  // Small counts read <5: the first village with 1–4 students who cannot attend.
  const small = villages.rows.find((r) => r.byClassStudents.none >= 1 && r.byClassStudents.none <= 4)!;
  const row = page.locator(`[data-area-key="${small.key}"] td`);
  await expect(row.nth(3)).toHaveText('<5');

  // Search and sort.
  await page.getByTestId('area-search').fill('龙池');
  await expect(page.getByTestId('area-table').locator('tbody tr')).toHaveCount(villages.rows.filter((r) => r.village.includes('龙池')).length);
  await expect(page.getByTestId('area-table').locator('tbody tr').first()).toContainText('龙池村');
  await page.getByTestId('area-search').fill('');
  await page.getByTestId('sort-students').click();
  const firstStudents = await page.getByTestId('area-table').locator('tbody tr').first().locator('td').nth(2).textContent();
  expect(Number(firstStudents)).toBe(Math.max(...villages.rows.map((r) => r.students)));
});

test('after suggested sites, the table says what stays uncovered; CSV and printed report carry the same numbers', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('suggest-count').fill('3');
  await page.getByTestId('suggest-count').press('Enter');
  await page.getByTestId('suggest-sites').click();
  await expect(page.getByTestId('proposal-list').locator('tbody tr')).toHaveCount(3);
  const covered = Number(await page.getByTestId('plan-totals').getAttribute('data-covered'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-proposals-geojson').click()]);
  const proposals = parseProposalsGeoJson(readFileSync((await download.path())!, 'utf8'));
  const after = aggregateAreas(demo.households, { level: 'village', uncovered, proposals });
  expect(after.totals.uncoveredStudentsAfter).toBe(898 - covered);

  await openCommittee(page);
  await expect(page.getByTestId('committee-summary')).toContainText(String(898 - covered));
  const totalAfter = await page.getByTestId('area-table').getByTestId('area-totals').getByTestId('area-uncovered-after').textContent();
  expect(Number(totalAfter!.replace(/\D/g, ''))).toBe(898 - covered);
  const villagesAfter = after.rows.filter((r) => r.uncoveredStudentsAfter > 0).length;
  await expect(page.getByTestId('committee-areas')).toContainText(String(villagesAfter));

  // CSV: BOM, the columns of FORMATS §6, one row per village, <5 for small counts, no ids.
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-area-csv').click()]);
  const csv = readFileSync((await csvDownload.path())!);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.toString('utf8').slice(1).trim().split(/\r?\n/);
  expect(lines[0]).toBe('county,township,village,households,students,none,poor,fair,good,unknown,uncovered_students,uncovered_students_after');
  expect(lines).toHaveLength(villages.rows.length + 1);
  expect(lines.some((l) => l.includes('<5'))).toBe(true);
  expect(csv.toString('utf8')).not.toMatch(HOUSEHOLD_ID);
  const longchi = after.rows.find((r) => r.village === '龙池村')!;
  const longchiLine = lines.find((l) => l.split(',')[2] === '龙池村')!;
  expect(longchiLine.split(',').slice(10)).toEqual([longchi.uncoveredStudents, longchi.uncoveredStudentsAfter].map((n) => (n >= 1 && n <= 4 ? '<5' : String(n))));

  // The printed report (A4, Chinese): the title, the summary, every village row, the proposals.
  await page.evaluate(() => {
    window.print = () => undefined; // the test prints to PDF itself
  });
  await page.getByTestId('print-report').click();
  await expect(page.getByTestId('report').locator('img.report-map')).toHaveAttribute('src', /^data:image\/png;base64,/);
  await page.emulateMedia({ media: 'print' });
  const { pages, text } = await pdfText(page);
  expect(pages).toBeGreaterThan(1);
  expect(text).toContain('学生居家上网课信号情况报告');
  expect(text).toContain('各村情况');
  expect(text).toContain('规划站址及服务的村');
  expect(text.replace(/\s/g, '')).toContain(`仍有${(898 - covered).toLocaleString('zh-CN')}名学生`);
  for (const r of villages.rows.slice(0, 20)) expect(text).toContain(r.village);
  expect(text).not.toMatch(HOUSEHOLD_ID);
});

/**
 * The demo's synthetic existing sites as a simple site CSV (FORMATS.md §3) with English headers and
 * two extra columns, `radius_m` and `synthetic`; UTF-8 without BOM, LF line endings, final newline.
 * Cost: O(sites).
 */
import { csvLine } from './csv-cell.ts';
import type { DemoSiteRow } from './demo-types.ts';

export const DEMO_SITE_HEADERS = Object.freeze([
  'id', 'name', 'lon', 'lat', 'height_m', 'band_mhz', 'eirp_dbm', 'radius_m', 'operator', 'synthetic',
]);

export function demoSitesToCsv(sites: readonly DemoSiteRow[]): string {
  const lines = [csvLine(DEMO_SITE_HEADERS)];
  for (const s of sites) {
    lines.push(csvLine([
      s.id, s.name, s.lon.toFixed(6), s.lat.toFixed(6), s.height_m, s.band_mhz, s.eirp_dbm, s.radius_m, s.operator, s.synthetic,
    ]));
  }
  return lines.join('\n') + '\n';
}

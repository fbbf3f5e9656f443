/**
 * Reads what the demo generator needs from the repository: Shizhu County's outline
 * (public/basemap/cq_counties_wgs84.geojson, adcode 500240), its label point, which is the county
 * seat (public/basemap/cq_county_labels_wgs84.geojson), and its townships and villages
 * (data/divisions/cq_streets.csv, data/divisions/shizhu_villages.csv). Paths are resolved from the
 * repository root, found from this module's own location, so the command works from any directory.
 * The division lists are plain, well-formed CSV; a tiny reader here is enough for them (the
 * household parser of src/core/io is for users' files).
 * Cost: reads ~450 kB; a few ms.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { UserInputError } from '../core/model/errors.ts';
import type { DemoScenarioInput } from '../core/demo/demo-types.ts';

/** The repository root (two folders above src/cli/). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const DEMO_COUNTY_CODE = '500240';

export function loadDemoInputs(repoRoot: string = REPO_ROOT): Omit<DemoScenarioInput, 'seed'> {
  const counties = JSON.parse(readRepoFile(repoRoot, 'public/basemap/cq_counties_wgs84.geojson')) as FeatureCollection;
  const county = counties.features.find((f) => String(f.properties?.['adcode']) === DEMO_COUNTY_CODE);
  if (!county || (county.geometry.type !== 'Polygon' && county.geometry.type !== 'MultiPolygon')) {
    throw new UserInputError('demo_input_missing', `no polygon with adcode ${DEMO_COUNTY_CODE} in public/basemap/cq_counties_wgs84.geojson`);
  }
  const townships = readSimpleCsv(readRepoFile(repoRoot, 'data/divisions/cq_streets.csv'))
    .filter((r) => r['areaCode'] === DEMO_COUNTY_CODE)
    .map((r) => ({ code: r['code'] ?? '', name: r['name'] ?? '' }));
  const villages = readSimpleCsv(readRepoFile(repoRoot, 'data/divisions/shizhu_villages.csv'))
    .filter((r) => r['areaCode'] === DEMO_COUNTY_CODE)
    .map((r) => ({ code: r['code'] ?? '', name: r['name'] ?? '', streetCode: r['streetCode'] ?? '' }));
  if (townships.length === 0 || villages.length === 0) {
    throw new UserInputError('demo_input_missing', `no townships or villages of ${DEMO_COUNTY_CODE} in data/divisions/`);
  }
  const labels = JSON.parse(readRepoFile(repoRoot, 'public/basemap/cq_county_labels_wgs84.geojson')) as FeatureCollection;
  const label = labels.features.find((f) => String(f.properties?.['adcode']) === DEMO_COUNTY_CODE);
  const seatLonLat = label?.geometry.type === 'Point'
    ? [label.geometry.coordinates[0] ?? 0, label.geometry.coordinates[1] ?? 0] as const : undefined;
  return { countyPolygon: county as Feature<Polygon | MultiPolygon>, townships, villages, ...(seatLonLat ? { seatLonLat } : {}) };
}

function readRepoFile(repoRoot: string, path: string): string {
  try {
    return readFileSync(join(repoRoot, path), 'utf8');
  } catch (err) {
    throw new UserInputError('demo_input_missing', `cannot read ${path}: ${(err as Error).message}`, { path });
  }
}

/**
 * Rows of a small, well-formed CSV (RFC 4180 quoting, LF or CRLF, header first) as header → cell
 * maps. Blank lines are skipped.
 */
export function readSimpleCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { record.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      record.push(cell); cell = '';
      if (record.length > 1 || record[0] !== '') records.push(record);
      record = [];
    } else cell += ch;
  }
  record.push(cell);
  if (record.length > 1 || record[0] !== '') records.push(record);
  const [header = [], ...rows] = records;
  return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

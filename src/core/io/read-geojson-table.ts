/**
 * Reads GeoJSON household reports into the same `RawTable` the CSV reader yields.
 *
 * Computes: from a FeatureCollection (or a single Feature) of Point features, a table whose
 * columns are the union of the features' property keys (in first-seen order) and whose rows carry
 * the Point's `[lon, lat]` in `row.point`; `row.line` is the 1-based feature index. When no
 * property maps to the id field and some feature has a top-level `id`, that id becomes an extra
 * `id` column. Property values become text (numbers and booleans as written; null as empty;
 * objects as JSON).
 * A feature that is not a Feature, or whose geometry is missing, not a Point, or has no two finite
 * coordinates, still counts as a row: its lon/lat properties are used when it has both (matched
 * through the household alias table), otherwise it is rejected with a `not_a_point` error issue
 * and left out of `table.rows` (counted in `rejected`).
 * Only own properties count (a key such as `toString` or `__proto__` is plain data).
 * Limits: the whole text is held and parsed at once (JSON.parse); no CRS other than WGS-84;
 * MultiPoint is not expanded; `INPUT_LIMITS` (features × columns, nesting of a property value).
 * Throws `UserInputError` `invalid_json`, `not_geojson`, `no_coordinate_columns` when no feature
 * has a Point and the properties hold no lon/lat, `too_many_cells` when features × property
 * columns is over `INPUT_LIMITS.maxTableCells`, and `json_too_deep` for a property value nested
 * more than `INPUT_LIMITS.maxJsonDepth` levels (written out as text it would overflow the stack).
 * Cost: O(n) in the text plus O(features × columns).
 */
import type { ImportIssue, RawRow, RawTable } from '../model/types.ts';
import { UserInputError } from '../model/errors.ts';
import { detectColumns } from './detect-columns.ts';
import { checkTableCells, INPUT_LIMITS } from './input-limits.ts';
import { jsonDepthExceeds } from './json-depth-exceeds.ts';
import { quoteValue } from './quote-value.ts';

export interface GeojsonTableResult {
  table: RawTable;
  /** `not_a_point` issues, one per rejected feature. */
  issues: ImportIssue[];
  /** Features rejected (each has an error issue); `table.rows.length + rejected` = features. */
  rejected: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A property value as cell text; `line` and `key` name it when it is nested too deep to write out. */
function cellText(value: Json | undefined, line: number, key: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (jsonDepthExceeds(value, INPUT_LIMITS.maxJsonDepth)) {
    throw new UserInputError('json_too_deep',
      `feature ${line}: property ${quoteValue(key)} is nested more than ${INPUT_LIMITS.maxJsonDepth} levels deep; `
      + 'household properties are text and numbers', { feature: line, maxDepth: INPUT_LIMITS.maxJsonDepth });
  }
  return JSON.stringify(value);
}

/** The value of an own property (never one inherited from Object.prototype, such as `toString`). */
const own = (o: Record<string, Json>, key: string): Json | undefined => (Object.hasOwn(o, key) ? o[key] : undefined);

function pointOf(geometry: Json | undefined): [number, number] | null {
  if (!isObject(geometry) || geometry.type !== 'Point' || !Array.isArray(geometry.coordinates)) return null;
  const [lon, lat] = geometry.coordinates;
  return typeof lon === 'number' && typeof lat === 'number' && Number.isFinite(lon) && Number.isFinite(lat)
    ? [lon, lat] : null;
}

function describeGeometry(feature: Json): string {
  if (!isObject(feature) || feature.type !== 'Feature') return 'not a Feature';
  const g = feature.geometry;
  if (!isObject(g)) return 'no geometry';
  if (g.type === 'Point') return 'Point without valid coordinates';
  return typeof g.type === 'string' ? g.type : 'unknown geometry';
}

export function readGeojsonTable(text: string): GeojsonTableResult {
  let doc: Json;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, '')) as Json;
  } catch (err) {
    throw new UserInputError('invalid_json',
      `the file is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  let features: Json[];
  if (isObject(doc) && doc.type === 'FeatureCollection' && Array.isArray(doc.features)) features = doc.features;
  else if (isObject(doc) && doc.type === 'Feature') features = [doc];
  else throw new UserInputError('not_geojson', 'the JSON file is not a GeoJSON FeatureCollection or Feature');

  const headers: string[] = [];
  const seen = new Set<string>();
  let anyFeatureId = false;
  for (const f of features) {
    if (!isObject(f)) continue;
    if (f.id !== undefined && f.id !== null) anyFeatureId = true;
    if (!isObject(f.properties)) continue;
    for (const key of Object.keys(f.properties)) {
      if (!seen.has(key)) { seen.add(key); headers.push(key); }
    }
  }
  const propertyColumns = headers.length;
  const fields = detectColumns(headers).fields;
  const useFeatureId = anyFeatureId && !fields.includes('id');
  if (useFeatureId) headers.push('id');
  const lonCol = fields.indexOf('lon');
  const latCol = fields.indexOf('lat');
  checkTableCells(features.length * headers.length);

  const rows: RawRow[] = [];
  const issues: ImportIssue[] = [];
  features.forEach((f, index) => {
    const line = index + 1;
    const props = isObject(f) && isObject(f.properties) ? f.properties : {};
    const cells = headers.slice(0, propertyColumns).map((h) => cellText(own(props, h), line, h));
    if (useFeatureId) cells.push(isObject(f) ? cellText(f.id, line, 'id') : '');
    const point = isObject(f) && f.type === 'Feature' ? pointOf(f.geometry) : null;
    if (point) { rows.push({ line, cells, point }); return; }
    const hasLonLat = lonCol >= 0 && latCol >= 0 && cells[lonCol] !== '' && cells[latCol] !== '';
    if (hasLonLat && isObject(f)) { rows.push({ line, cells }); return; }
    const what = describeGeometry(f);
    issues.push({
      line, field: 'geometry', code: 'not_a_point', severity: 'error', value: what,
      message: `feature ${line}: geometry is ${what}; a Point (or lon/lat properties) is needed`,
    });
  });
  if (features.length > 0 && rows.length === 0 && (lonCol < 0 || latCol < 0)) {
    throw new UserInputError('no_coordinate_columns',
      'no feature has a Point geometry and the properties have no longitude/latitude columns');
  }
  return { table: { headers, rows }, issues, rejected: issues.length };
}

/**
 * Rebuilds public/basemap/ and data/divisions/ from the team's shared folder (../shared), applying
 * exactly the changes data/README.md lists, and nothing else:
 *   - coordinates rounded to 5 decimals (≈ 1 m; the sources already are, so this is a no-op today);
 *   - stale division codes fixed in properties (500228 梁平县 → 500155 梁平区,
 *     500232 武隆县 → 500156 武隆区; the shared files already carry the new codes today);
 *   - a label point for 开州区 (500154), which the source has none of: its polygon's centre of mass
 *     when that lies inside the polygon, otherwise turf's pointOnFeature; rounded to 5 decimals.
 * Every change it makes is printed. Run from the repository root:
 *   node data/build-basemap.js [SHARED_DIR]     (default ../shared)
 * Cost: under a second.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { centerOfMass, pointOnFeature, booleanPointInPolygon } from '@turf/turf';

const shared = resolve(process.argv[2] ?? '../shared');
const basemapOut = 'public/basemap';
const divisionsOut = 'data/divisions';
mkdirSync(basemapOut, { recursive: true });
mkdirSync(divisionsOut, { recursive: true });

const STALE = {
  '500228': { adcode: '500155', name: '梁平区' },
  '500232': { adcode: '500156', name: '武隆区' },
};
const changes = [];
let rounded = 0;

function roundCoords(value) {
  if (typeof value === 'number') {
    const r = Math.round(value * 1e5) / 1e5;
    if (r !== value) rounded++;
    return r;
  }
  return Array.isArray(value) ? value.map(roundCoords) : value;
}

function fixStaleCodes(feature, file) {
  const p = feature.properties ?? {};
  const fix = STALE[p.adcode];
  if (fix) {
    changes.push(`${file}: adcode ${p.adcode} ${p.name} → ${fix.adcode} ${fix.name}`);
    p.adcode = fix.adcode;
    p.name = fix.name;
  }
}

const files = ['cq_counties_wgs84.geojson', 'cq_county_labels_wgs84.geojson', 'rivers.geojson', 'dcw_provinces.geojson'];
const parsed = {};
for (const file of files) {
  const fc = JSON.parse(readFileSync(join(shared, 'basemap', file), 'utf8'));
  rounded = 0;
  for (const f of fc.features) {
    f.geometry.coordinates = roundCoords(f.geometry.coordinates);
    if (file.startsWith('cq_count')) fixStaleCodes(f, file);
  }
  if (rounded) changes.push(`${file}: ${rounded} coordinates rounded to 5 decimals`);
  parsed[file] = fc;
}

const counties = parsed['cq_counties_wgs84.geojson'];
const labels = parsed['cq_county_labels_wgs84.geojson'];
const labelled = new Set(labels.features.map((f) => f.properties.adcode));
for (const county of counties.features) {
  const { adcode, name } = county.properties;
  if (labelled.has(adcode)) continue;
  let point = centerOfMass(county);
  if (!booleanPointInPolygon(point, county)) point = pointOnFeature(county);
  const coordinates = roundCoords(point.geometry.coordinates);
  labels.features.push({ type: 'Feature', properties: { adcode, name }, geometry: { type: 'Point', coordinates } });
  changes.push(`cq_county_labels_wgs84.geojson: added label point for ${adcode} ${name} at [${coordinates.join(', ')}] (centre of mass of its polygon)`);
}

for (const file of files) writeFileSync(join(basemapOut, file), JSON.stringify(parsed[file]));

for (const file of ['shizhu_villages.csv', 'cq_streets.csv', 'cq_areas.csv']) {
  // Copied byte for byte (read and written, so the copy is writable even if the source is not).
  writeFileSync(join(divisionsOut, file), readFileSync(join(shared, 'divisions', file)));
}

process.stdout.write(changes.length ? changes.join('\n') + '\n' : 'no changes\n');

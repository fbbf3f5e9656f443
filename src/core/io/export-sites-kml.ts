/**
 * Site proposals as a KML 2.2 document (Google Earth, 奥维互动地图 / Ovi, GIS tools): one
 * `Document` named `options.name` (default "Blindspot site proposals") with a `Style` for the site
 * icons (`#site`) and one for coverage areas (`#coverage`); then, in list order, one `Placemark`
 * per proposal: its `name`, `ExtendedData` with the properties `proposalsToGeoJson` writes
 * (`kind` = site, `id`, `status`, `origin`, `antennaHeightM`, `bandMHz`, `eirpDbm`, `radiusM`,
 * `costCny`, `newlyCoveredHouseholds`, `newlyCoveredStudents`, `rank`, `villages`, `clusterIds`,
 * `notes`, and `operator`, `radio`, `synthetic` when the site has them; lists joined with ";"),
 * and a `Point` at `lon,lat` rounded to 6 decimals. With `includeCoverage`, each site is followed
 * by a `Placemark` (same name, `kind` = coverage, `siteId`) whose `Polygon` is the coverage
 * model's outline (default the radius model) around the written point: outer ring, then any inner
 * rings, each closed, 6 decimals.
 * Text is XML-escaped (& < > " ', CR as &#13;) after dropping characters XML 1.0 does not allow
 * (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). Rank: see `rankByStudents`.
 * Icons are styled by colour only (no icon URL: the file refers to no other host).
 * Never writes household-level data (ids, positions, classes of homes): only counts and names of
 * villages. Cost: O(proposals × outline vertices).
 */
import type { CoverageModel, ProposedSite } from '../model/proposal.ts';
import { radiusCoverageModel } from '../coverage/radius-coverage-model.ts';
import { round6, type SiteImpactSummary } from './export-sites-geojson.ts';
import { rankByStudents } from './rank-by-students.ts';

export interface SitesKmlOptions {
  includeCoverage?: boolean;
  /** Name of the KML Document; default "Blindspot site proposals". */
  name?: string;
  coverageModel?: CoverageModel;
}

export const DEFAULT_KML_DOCUMENT_NAME = 'Blindspot site proposals';

// Not allowed in XML 1.0 (§2.2 Char): with the `u` flag a lone surrogate is one code point.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };

/** Text as XML character data or attribute value: illegal characters dropped, markup escaped. */
function xmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"'\r]/g, (c) => ENTITY[c]!);
}

const lonLat = (lon: number, lat: number): string => `${round6(lon)},${round6(lat)}`;

function ringText(ring: readonly (readonly number[])[]): string {
  const pts = ring.map((q) => lonLat(q[0]!, q[1]!));
  if (pts.length > 0 && pts[0] !== pts[pts.length - 1]) pts.push(pts[0]!);
  return pts.join(' ');
}

function dataList(entries: readonly (readonly [string, string | number | boolean])[]): string {
  const items = entries.map(([k, v]) => `<Data name="${xmlText(k)}"><value>${xmlText(String(v))}</value></Data>`);
  return `<ExtendedData>${items.join('')}</ExtendedData>`;
}

export function proposalsToKml(
  proposals: readonly ProposedSite[], impacts: readonly SiteImpactSummary[] = [], options: SitesKmlOptions = {},
): string {
  const model = options.coverageModel ?? radiusCoverageModel;
  const byId = new Map(impacts.map((m) => [m.siteId, m]));
  const rank = rankByStudents(proposals, impacts);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2">',
    '<Document>',
    `<name>${xmlText(options.name ?? DEFAULT_KML_DOCUMENT_NAME)}</name>`,
    '<Style id="site"><IconStyle><color>ff1a6cf0</color><scale>1.2</scale></IconStyle><LabelStyle><scale>0.9</scale></LabelStyle></Style>',
    '<Style id="coverage"><LineStyle><color>ffd08a2f</color><width>2</width></LineStyle><PolyStyle><color>40d08a2f</color></PolyStyle></Style>',
  ];
  proposals.forEach((p, i) => {
    const m = byId.get(p.id);
    const entries: [string, string | number | boolean][] = [
      ['kind', 'site'], ['id', p.id], ['status', p.status], ['origin', p.origin],
      ['antennaHeightM', p.antennaHeightM], ['bandMHz', p.bandMHz], ['eirpDbm', p.eirpDbm], ['radiusM', p.radiusM],
      ['costCny', p.costCny], ['newlyCoveredHouseholds', m?.newlyCoveredHouseholds ?? 0],
      ['newlyCoveredStudents', m?.newlyCoveredStudents ?? 0], ['rank', rank[i]!],
      ['villages', (m?.villages ?? []).join(';')], ['clusterIds', (m?.clusterIds ?? []).join(';')], ['notes', p.notes],
    ];
    if (p.operator !== undefined) entries.push(['operator', p.operator]);
    if (p.radio !== undefined) entries.push(['radio', p.radio]);
    if (p.synthetic !== undefined) entries.push(['synthetic', p.synthetic]);
    const name = `<name>${xmlText(p.name)}</name>`;
    const lon = round6(p.lon), lat = round6(p.lat);
    out.push(`<Placemark>${name}<styleUrl>#site</styleUrl>${dataList(entries)}<Point><coordinates>${lonLat(lon, lat)}</coordinates></Point></Placemark>`);
    if (options.includeCoverage === true) {
      // Drawn around the written (rounded) point, like the GeoJSON export.
      const [outer = [], ...holes] = model.outline({ ...p, lon, lat }).coordinates;
      const inner = holes.map((r) => `<innerBoundaryIs><LinearRing><coordinates>${ringText(r)}</coordinates></LinearRing></innerBoundaryIs>`);
      out.push(`<Placemark>${name}<styleUrl>#coverage</styleUrl>${dataList([['kind', 'coverage'], ['siteId', p.id]])}`
        + `<Polygon><outerBoundaryIs><LinearRing><coordinates>${ringText(outer)}</coordinates></LinearRing></outerBoundaryIs>${inner.join('')}</Polygon></Placemark>`);
    }
  });
  out.push('</Document>', '</kml>');
  return out.join('\n') + '\n';
}

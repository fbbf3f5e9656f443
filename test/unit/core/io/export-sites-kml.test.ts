// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import {
  DEFAULT_KML_DOCUMENT_NAME, proposalImpact, proposalsToGeoJson, proposalsToKml, radiusCoverageModel, round6, type CoverageModel,
} from '../../../../src/core/index.ts';
import { at, home, proposal } from '../coverage/fixtures.ts';

const KML_NS = 'http://www.opengis.net/kml/2.2';
const HOMES = [home('SECRET-1', at(37, 11), 'none', 2, '龙池村'), home('SECRET-2', at(100, 23), 'poor', 1, '龙池村'), home('SECRET-3', at(5013, 7), 'none', 4)];

function parseXml(text: string): Document {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}
const kids = (el: Element | Document, tag: string): Element[] => [...el.getElementsByTagNameNS(KML_NS, tag)];
const dataOf = (pm: Element): Record<string, string> =>
  Object.fromEntries(kids(pm, 'Data').map((d) => [d.getAttribute('name')!, kids(d, 'value')[0]!.textContent]));
const direct = (pm: Element, tag: string): string | null => [...pm.children].find((c) => c.localName === tag)?.textContent ?? null;

describe('proposalsToKml', () => {
  const P = proposal('site-3f2a', [108.12345678, 29.98765432], 3000, { name: '龙池村 <1> & "A"', notes: "山顶 'x'\nline 2" });
  const Q = proposal('site-b', at(5000, 0), 1000, { origin: 'suggested', operator: '中国移动' });
  const impacts = proposalImpact(HOMES, [P, Q], { uncovered: ['none', 'poor'] }).proposals;
  const summaries = [{ ...impacts[0]!, clusterIds: ['c-12', 'c-3'], villages: ['龙池村', '六塘村'] }, impacts[1]!];
  const text = proposalsToKml([P, Q], summaries, { includeCoverage: true, name: 'Plan <A&B>' });
  const doc = parseXml(text);
  const placemarks = kids(doc, 'Placemark');

  it('is well-formed KML 2.2 with a named Document, a site style and a coverage style', () => {
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">')).toBe(true);
    expect(doc.documentElement.localName).toBe('kml');
    expect(doc.documentElement.namespaceURI).toBe(KML_NS);
    const document = kids(doc, 'Document')[0]!;
    expect(direct(document, 'name')).toBe('Plan <A&B>');
    expect(kids(doc, 'Style').map((s) => s.getAttribute('id'))).toEqual(['site', 'coverage']);
    expect(placemarks.map((pm) => direct(pm, 'styleUrl'))).toEqual(['#site', '#coverage', '#site', '#coverage']);
  });
  it('escapes the name and notes and keeps them exactly', () => {
    expect(text).toContain('<name>龙池村 &lt;1&gt; &amp; &quot;A&quot;</name>');
    expect(direct(placemarks[0]!, 'name')).toBe('龙池村 <1> & "A"');
    expect(dataOf(placemarks[0]!).notes).toBe("山顶 'x'\nline 2");
  });
  it('writes the GeoJSON export\'s properties as ExtendedData, point at 6 decimals', () => {
    const geo = proposalsToGeoJson([P, Q], summaries).features.map((f) => f.properties);
    expect(geo.map((g) => g.kind === 'site' && g.rank)).toEqual([2, 1]);
    expect(dataOf(placemarks[0]!)).toEqual({
      kind: 'site', id: 'site-3f2a', status: 'proposed', origin: 'manual', antennaHeightM: '30', bandMHz: '900', eirpDbm: '58',
      radiusM: '3000', costCny: '250000', newlyCoveredHouseholds: String(impacts[0]!.newlyCoveredHouseholds),
      newlyCoveredStudents: String(impacts[0]!.newlyCoveredStudents), rank: '2',
      villages: '龙池村;六塘村', clusterIds: 'c-12;c-3', notes: "山顶 'x'\nline 2",
    });
    expect(dataOf(placemarks[2]!)).toMatchObject({ id: 'site-b', origin: 'suggested', rank: '1', newlyCoveredStudents: '4', operator: '中国移动', villages: '', clusterIds: '' });
    expect(kids(placemarks[0]!, 'coordinates')[0]!.textContent).toBe('108.123457,29.987654');
    expect(kids(placemarks[2]!, 'coordinates')[0]!.textContent).toBe(`${round6(Q.lon)},${round6(Q.lat)}`);
  });
  it('draws each coverage as a closed outer ring from the model around the written point', () => {
    const cov = placemarks[1]!;
    expect(dataOf(cov)).toEqual({ kind: 'coverage', siteId: 'site-3f2a' });
    expect(kids(cov, 'Polygon')).toHaveLength(1);
    const ring = kids(kids(cov, 'outerBoundaryIs')[0]!, 'coordinates')[0]!.textContent.split(' ');
    const expected = radiusCoverageModel.outline({ ...P, lon: 108.123457, lat: 29.987654 }).coordinates[0]!;
    expect(ring).toHaveLength(expected.length);
    expect(ring[0]).toBe(ring[ring.length - 1]);
    expect(ring.map((c) => c.split(',').map(Number))).toEqual(expected.map((q) => [round6(q[0]!), round6(q[1]!)]));
  });
  it('closes an open ring from another model and writes its holes', () => {
    const square: CoverageModel = {
      id: 'square', covers: () => false,
      outline: (s): Polygon => ({ type: 'Polygon', coordinates: [
        [[s.lon - 1, s.lat - 1], [s.lon + 1, s.lat - 1], [s.lon + 1, s.lat + 1]],
        [[s.lon, s.lat], [s.lon + 0.1, s.lat], [s.lon, s.lat + 0.1], [s.lon, s.lat]],
      ] }),
    };
    const d = parseXml(proposalsToKml([proposal('s', [108, 30], 10)], [], { includeCoverage: true, coverageModel: square }));
    expect(kids(kids(d, 'outerBoundaryIs')[0]!, 'coordinates')[0]!.textContent).toBe('107,29 109,29 109,31 107,29');
    expect(kids(kids(d, 'innerBoundaryIs')[0]!, 'coordinates')[0]!.textContent).toBe('108,30 108.1,30 108,30.1 108,30');
  });
  it('drops characters XML 1.0 forbids, so any text stays well-formed', () => {
    const odd = proposal('id\u0001<x>', [108, 30], 100, { name: 'a\u0000b\u0008c\uFFFEd\uD800e😀', notes: 'cr\r\nlf' });
    const d = parseXml(proposalsToKml([odd], []));
    const pm = kids(d, 'Placemark')[0]!;
    expect(direct(pm, 'name')).toBe('abcde😀');
    expect(dataOf(pm).id).toBe('id<x>');
    expect(dataOf(pm).notes).toBe('cr\r\nlf');
  });
  it('writes no household data and no coverage unless asked', () => {
    expect(text).not.toContain('SECRET');
    for (const h of HOMES) for (const x of [h.lon, h.lat]) expect(text).not.toContain(String(round6(x)));
    const plain = parseXml(proposalsToKml([P, Q], summaries));
    expect(kids(plain, 'Placemark')).toHaveLength(2);
    expect(kids(plain, 'Polygon')).toHaveLength(0);
    expect(direct(kids(plain, 'Document')[0]!, 'name')).toBe(DEFAULT_KML_DOCUMENT_NAME);
  });
  it('writes an empty Document for no proposals', () => {
    const d = parseXml(proposalsToKml([], []));
    expect(kids(d, 'Placemark')).toHaveLength(0);
    expect(kids(d, 'Document')).toHaveLength(1);
  });
});

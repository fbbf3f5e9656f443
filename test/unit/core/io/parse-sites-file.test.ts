import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  OPENCELLID_DEFAULTS, UserInputError, groupNearbyPoints, haversineM, parseSites, parseSitesFile, toWgs84,
} from '../../../../src/core/index.ts';
import { buildXlsx, sheetDataOf } from './helpers/build-xlsx.ts';

const FIXTURES = new URL('../../../fixtures/', import.meta.url);
const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, FIXTURES))) });
const text = (name: string, body: string) => ({ name, bytes: new TextEncoder().encode(body) });

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try { await promise; } catch (err) { return err instanceof UserInputError ? err.code : `not a UserInputError: ${String(err)}`; }
  return undefined;
}

describe('parseSitesFile: OpenCelliD cell exports', () => {
  it.each([['cells-opencellid.csv', 8], ['cells-opencellid-noheader.csv', 7]])(
    '%s: cells within 50 m of one operator are one site; other operators are their own sites; MCC 310 skipped',
    async (name, mccLine) => {
      const r = await parseSitesFile(file(name));
      expect(r).toMatchObject({ kind: 'opencellid', format: 'csv', rows: 7, cells: 6 });
      expect(r.issues.map(({ line, field, code, severity }) => [line, field, code, severity])).toEqual(
        [[mccLine, 'mcc', 'other_country', 'warning']]);
      expect(r.sites.map((s) => [s.id, s.name, s.operator, s.radio, s.radiusM])).toEqual([
        ['LTE-460-00-29011-110521601', 'LTE 460-00 cell 110521601 (+2)', '中国移动', 'LTE', 2200],
        ['LTE-460-01-30022-220330001', 'LTE 460-01 cell 220330001', '中国联通', 'LTE', 1000],
        ['NR-460-15-40011-880001', 'NR 460-15 cell 880001', '中国广电', 'NR', 800],
        ['LTE-460-11-50033-330010001', 'LTE 460-11 cell 330010001', '中国电信', 'LTE', OPENCELLID_DEFAULTS.maxRadiusM],
      ]);
      const mobile = r.sites[0]!;
      expect(mobile.lon).toBeCloseTo((108.3124 + 108.31262 + 108.31255) / 3, 10);
      expect(mobile.lat).toBeCloseTo((30.1203 + 30.12041 + 30.12005) / 3, 10);
      expect(mobile).toMatchObject({ status: 'existing', bandMHz: 900, antennaHeightM: 30, eirpDbm: 58 });
    });

  it('maps every MNC of FORMATS §3 to its operator; unknown MNCs have none', async () => {
    const rows = [0, 1, 9, 3, 11, 15, 99].map((net, i) => `LTE,460,${net},1,${i + 1},0,${(108.2 + i * 0.01).toFixed(2)},30.1,1000,1,1,0,0,0`);
    const r = await parseSitesFile(text('c.csv', rows.join('\n')));
    expect(r.sites.map((s) => s.operator)).toEqual(['中国移动', '中国联通', '中国联通', '中国电信', '中国电信', '中国广电', undefined]);
  });

  it('defaults the radius to 3000 m when no cell of a site has a range, clamps tiny ones, warns on unreadable ones', async () => {
    const r = await parseSitesFile(text('c.csv', [
      'radio,mcc,net,area,cell,lon,lat,range',
      'GSM,460,0,1,1,108.20,30.10,0',
      'GSM,460,0,1,2,108.30,30.10,',
      'GSM,460,0,1,3,108.40,30.10,5',
      'GSM,460,0,1,4,108.50,30.10,far',
      'GSM,460,0,1,5,108.60,30.10,-3',
      'GSM,4x0,0,1,6,108.70,30.10,100',
      'GSM,460,0,1,7,,30.10,100',
    ].join('\n')));
    expect(r.sites.map((s) => s.radiusM)).toEqual([3000, 3000, OPENCELLID_DEFAULTS.minRadiusM, 3000, 3000]);
    expect(r.issues.map(({ line, field, code, severity }) => [line, field, code, severity])).toEqual([
      [5, 'range', 'not_a_number', 'warning'], [6, 'range', 'out_of_range', 'warning'],
      [7, 'mcc', 'not_a_number', 'error'], [8, 'lon', 'missing_coordinate', 'error']]);
  });

  it('single linkage: a chain of cells each within 50 m of the next is one site', () => {
    const step = 40 / 111_195; // 40 m north each
    const points = [0, 1, 2, 3].map((i) => ({ lon: 108.2, lat: 30.1 + i * step, group: 'A' }));
    points.push({ lon: 108.2, lat: 30.1 + 5 * step, group: 'A' }); // 80 m from the last: apart
    points.push({ lon: 108.2, lat: 30.1, group: 'B' }); // same place, other operator: apart
    points.push({ lon: 108.2, lat: 30.1, group: 'A' }); // exact duplicate
    expect(groupNearbyPoints(points, 50)).toEqual([0, 0, 0, 0, 1, 2, 0]);
    expect(haversineM([108.2, 30.1], [108.2, 30.1 + 3 * step])).toBeGreaterThan(100);
  });

  it('does not apply --crs to cell exports (they are GPS positions)', async () => {
    const a = await parseSitesFile(file('cells-opencellid.csv'), { crs: 'gcj02' });
    const b = await parseSitesFile(file('cells-opencellid.csv'));
    expect(a.sites).toEqual(b.sites);
  });
});

describe('parseSitesFile: simple site lists', () => {
  it('reads the CSV fixture exactly as parseSites does', async () => {
    const r = await parseSitesFile(file('sites.csv'));
    const old = parseSites({ name: 'sites.csv', text: readFileSync(new URL('sites.csv', FIXTURES), 'utf8') });
    expect(r).toMatchObject({ kind: 'site-list', format: 'csv', encoding: 'utf-8' });
    expect({ sites: r.sites, issues: r.issues, rows: r.rows }).toEqual(old);
  });
  it('reads a site list from .xlsx, with title rows, messages by row', async () => {
    const bytes = buildXlsx({ sheets: [{ name: '基站', sheetData: sheetDataOf([
      ['六塘乡基站清单'], [], ['站名', '经度', '纬度', '高度', '运营商'], ['龙池站', 108.3, 30.1, 25, '中国电信'], ['坏站', 'x', 30.1, 25, ''],
    ]) }] });
    const r = await parseSitesFile({ name: 'sites.xlsx', bytes });
    expect(r).toMatchObject({ kind: 'site-list', format: 'xlsx', sheet: '基站', sheets: ['基站'], rows: 2 });
    expect(r.sites).toEqual([{ id: '4', name: '龙池站', lon: 108.3, lat: 30.1, status: 'existing', antennaHeightM: 25,
      bandMHz: 900, eirpDbm: 58, radiusM: 3000, operator: '中国电信' }]);
    expect(r.issues.map((i) => [i.line, i.code, i.message.slice(0, 6)])).toEqual([[5, 'not_a_number', 'row 5:']]);
  });
  it('converts a GCJ-02 site list to WGS-84', async () => {
    const r = await parseSitesFile(file('sites.csv'), { crs: 'gcj02' });
    expect([r.sites[0]?.lon, r.sites[0]?.lat]).toEqual(toWgs84(108.1702, 30.012, 'gcj02'));
  });
  it('refuses GeoJSON and empty files', async () => {
    expect(await codeOf(parseSitesFile(text('s.geojson', '{"type":"FeatureCollection","features":[]}')))).toBe('unsupported_format');
    expect(await codeOf(parseSitesFile(text('s.csv', '')))).toBe('empty_file');
    expect(await codeOf(parseSitesFile(text('s.csv', '108.1,30.1\n')))).toBe('no_header');
  });
});

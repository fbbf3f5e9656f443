import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SITE_DEFAULTS, UserInputError, parseSites } from '../../../../src/core/index.ts';

const sitesCsv = readFileSync(new URL('../../../fixtures/sites.csv', import.meta.url), 'utf8');

describe('parseSites', () => {
  it('reads the fixture, with defaults for empty cells', () => {
    const r = parseSites({ name: 'sites.csv', text: sitesCsv });
    expect(r.issues).toEqual([]);
    expect(r.rows).toBe(4);
    expect(r.sites[0]).toEqual({ id: 'S01', name: '中益乡站', lon: 108.1702, lat: 30.012, status: 'existing',
      antennaHeightM: 35, bandMHz: 900, eirpDbm: 58, radiusM: 3000, operator: '中国移动', synthetic: true });
    expect(r.sites[3]).toMatchObject({ id: 'S04', antennaHeightM: 30, bandMHz: 900, eirpDbm: 58, radiusM: 3000 });
  });
  it('reads the Chinese aliases and fills absent columns with the defaults', () => {
    const r = parseSites({ name: 's.csv', text: '站名,经度,纬度,高度,频段,运营商,覆盖半径\n龙池站,108.3,30.1,25,1800,中国电信,2500\n' });
    expect(r.sites).toEqual([{ id: '2', name: '龙池站', lon: 108.3, lat: 30.1, status: 'existing', antennaHeightM: 25,
      bandMHz: 1800, eirpDbm: SITE_DEFAULTS.eirpDbm, radiusM: 2500, operator: '中国电信' }]);
  });
  it('reports issues with the household codes and lines', () => {
    const r = parseSites({ name: 's.csv', text: [
      'id;name;lon;lat;height_m;band_mhz;eirp_dbm;radius_m;synthetic',
      'A;a;108.1;30.1;tall;;;;',
      'B;b;;30.1;;;;;',
      'C;c;30.1;108.1;;;;;',
      'D;d;108.2;30.2;;50;;0;maybe',
      'A;a2;108.1;30.1;;;;;',
      ';e;108.3;30.3;;;200;;no',
    ].join('\r\n') });
    expect(r.rows).toBe(6);
    expect(r.issues.map(({ line, field, code, severity }) => [line, field, code, severity])).toEqual([
      [2, 'height_m', 'not_a_number', 'warning'],
      [3, 'lon', 'missing_coordinate', 'error'],
      [4, 'row', 'swapped_lat_lon', 'error'],
      [5, 'band_mhz', 'out_of_range', 'warning'],
      [5, 'radius_m', 'out_of_range', 'warning'],
      [5, 'synthetic', 'out_of_range', 'warning'],
      [6, 'id', 'duplicate_id_conflict', 'error'],
      [7, 'eirp_dbm', 'out_of_range', 'warning'],
    ]);
    expect(r.sites.map((s) => [s.id, s.antennaHeightM, s.bandMHz, s.radiusM, s.eirpDbm, s.synthetic])).toEqual([
      ['A', 30, 900, 3000, 58, undefined], ['D', 30, 900, 3000, 58, undefined], ['7', 30, 900, 3000, 58, false]]);
  });
  it('throws UserInputError for unusable files', () => {
    const code = (text: string, name = 's.csv') => {
      try { parseSites({ name, text }); } catch (err) { return (err as UserInputError).code; }
      return undefined;
    };
    expect(code('')).toBe('empty_file');
    expect(code('id,name\nA,a\n')).toBe('no_coordinate_columns');
    expect(code('108.1,30.1\n')).toBe('no_header');
    expect(code('id,lon,lat\n')).toBe('no_data_rows');
    expect(code('{"type":"FeatureCollection","features":[]}', 's.geojson')).toBe('unsupported_format');
  });
});

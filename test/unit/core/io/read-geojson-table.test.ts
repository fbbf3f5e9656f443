import { describe, expect, it } from 'vitest';
import { readGeojsonTable } from '../../../../src/core/index.ts';

const fc = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const pt = (lon: number, lat: number, properties: unknown = {}, extra: object = {}) =>
  ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties, ...extra });

describe('readGeojsonTable', () => {
  it('makes columns from the union of property keys, first-seen order, values as text', () => {
    const { table, issues, rejected } = readGeojsonTable(fc(
      pt(108.1, 30.1, { signal: 'good', students: 2 }),
      pt(108.2, 30.2, { village: '龙池村', signal: null, ok: true, extra: { a: 1 } }),
    ));
    expect(issues).toEqual([]);
    expect(rejected).toBe(0);
    expect(table.headers).toEqual(['signal', 'students', 'village', 'ok', 'extra']);
    expect(table.rows).toEqual([
      { line: 1, cells: ['good', '2', '', '', ''], point: [108.1, 30.1] },
      { line: 2, cells: ['', '', '龙池村', 'true', '{"a":1}'], point: [108.2, 30.2] },
    ]);
  });
  it('adds the features\' own ids as an id column when no property is an id', () => {
    const { table } = readGeojsonTable(fc(pt(108.1, 30.1, { s: 1 }, { id: 7 }), pt(108.2, 30.2, null)));
    expect(table.headers).toEqual(['s', 'id']);
    expect(table.rows.map((r) => r.cells)).toEqual([['1', '7'], ['', '']]);
    const withIdProperty = readGeojsonTable(fc(pt(108.1, 30.1, { 户编号: 'P' }, { id: 7 })));
    expect(withIdProperty.table.headers).toEqual(['户编号']);
  });
  it('rejects features without a usable point, each with one not_a_point error naming the geometry', () => {
    const { table, issues, rejected } = readGeojsonTable(fc(
      pt(108.1, 30.1),
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [] }, properties: {} },
      { type: 'Feature', geometry: null, properties: {} },
      { type: 'Point', coordinates: [108, 30] },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [108] }, properties: {} },
    ));
    expect(table.rows.map((r) => r.line)).toEqual([1]);
    expect(rejected).toBe(4);
    expect(issues.map((i) => [i.line, i.code, i.severity, i.value])).toEqual([
      [2, 'not_a_point', 'error', 'Polygon'],
      [3, 'not_a_point', 'error', 'no geometry'],
      [4, 'not_a_point', 'error', 'not a Feature'],
      [5, 'not_a_point', 'error', 'Point without valid coordinates'],
    ]);
  });
  it('keeps a feature without a point when its properties carry lon and lat', () => {
    const { table, rejected } = readGeojsonTable(fc(
      { type: 'Feature', geometry: null, properties: { 经度: 108.3, 纬度: 30.1 } },
      { type: 'Feature', geometry: null, properties: { 经度: 108.3 } },
    ));
    expect(table.rows).toEqual([{ line: 1, cells: ['108.3', '30.1'] }]);
    expect(rejected).toBe(1);
  });
});

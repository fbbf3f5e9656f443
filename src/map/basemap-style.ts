/**
 * The offline basemap: a MapLibre style built only from the app's own GeoJSON files
 * (public/basemap). No `glyphs` URL — MapLibre draws the Chinese labels with local fonts — and no
 * request to any other host.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { BASEMAP_COLORS as C } from './palette.ts';

/** The county the demo is about; its outline is drawn stronger. */
export const FOCUS_COUNTY_ADCODE = '500240';

/** Shizhu County's extent [west, south, east, north], the first view. */
export const SHIZHU_BOUNDS: [number, number, number, number] = [107.98, 29.65, 108.57, 30.52];

export function basemapStyle(baseUrl: string): StyleSpecification {
  const data = (file: string) => new URL(`basemap/${file}`, baseUrl).href;
  return {
    version: 8,
    name: 'Blindspot offline basemap',
    sources: {
      provinces: { type: 'geojson', data: data('dcw_provinces.geojson') },
      counties: { type: 'geojson', data: data('cq_counties_wgs84.geojson') },
      rivers: { type: 'geojson', data: data('rivers.geojson') },
      countyLabels: { type: 'geojson', data: data('cq_county_labels_wgs84.geojson') },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': C.background } },
      {
        id: 'provinces-fill',
        type: 'fill',
        source: 'provinces',
        paint: { 'fill-color': ['case', ['==', ['get', 'code'], 'CNCQ'], C.chongqingFill, C.neighbourFill] },
      },
      { id: 'counties-fill', type: 'fill', source: 'counties', paint: { 'fill-color': C.chongqingFill } },
      {
        id: 'rivers',
        type: 'line',
        source: 'rivers',
        paint: {
          'line-color': C.river,
          'line-width': ['interpolate', ['linear'], ['zoom'], 6, ['match', ['get', 'level'], 1, 1.6, 0.6], 12, ['match', ['get', 'level'], 1, 5, 2]],
        },
      },
      { id: 'counties-line', type: 'line', source: 'counties', paint: { 'line-color': C.countyLine, 'line-width': 0.8 } },
      { id: 'provinces-line', type: 'line', source: 'provinces', paint: { 'line-color': C.provinceLine, 'line-width': 1.2 } },
      {
        id: 'focus-county-line',
        type: 'line',
        source: 'counties',
        filter: ['==', ['get', 'adcode'], FOCUS_COUNTY_ADCODE],
        paint: { 'line-color': C.focusCountyLine, 'line-width': 2 },
      },
      {
        id: 'county-labels',
        type: 'symbol',
        source: 'countyLabels',
        layout: { 'text-field': ['get', 'name'], 'text-size': 13, 'text-allow-overlap': false },
        paint: { 'text-color': C.labelText, 'text-halo-color': C.labelHalo, 'text-halo-width': 1.5 },
      },
    ],
  };
}

/**
 * The data layers over the basemap — households and existing sites — as plain style data.
 * Class colours come from palette.ts; the core only says `none`, the map decides it is vermillion.
 */
import type { CircleLayerSpecification, ExpressionSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { ATTENDANCE_CLASSES } from '../core/index.ts';
import { CLASS_COLORS, HOUSEHOLD_STROKE, SELECTION_COLOR, SITE_COLORS } from './palette.ts';

export const HOUSEHOLDS_SOURCE = 'households';
export const SITES_SOURCE = 'sites';
export const HOUSEHOLDS_LAYER = 'households';
export const SITES_LAYER = 'sites';

const classColor = [
  'match',
  ['get', 'cls'],
  ...ATTENDANCE_CLASSES.flatMap((cls) => [cls, CLASS_COLORS[cls]]),
  CLASS_COLORS.unknown,
] as unknown as ExpressionSpecification;

/** Small dots when zoomed out; sized by students (0–3+) when zoomed in; `extraPx` for halos. */
function householdRadius(extraPx = 0): ExpressionSpecification {
  return [
    'interpolate', ['linear'], ['zoom'],
    8, 2.2 + extraPx,
    11, 3.5 + extraPx,
    14, ['+', 4 + extraPx, ['*', 1.6, ['min', ['get', 'students'], 6]]],
  ];
}

export const householdsLayer: CircleLayerSpecification = {
  id: HOUSEHOLDS_LAYER,
  type: 'circle',
  source: HOUSEHOLDS_SOURCE,
  paint: {
    'circle-color': classColor,
    'circle-radius': householdRadius(),
    'circle-stroke-color': HOUSEHOLD_STROKE,
    'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 9, 0, 12, 1],
    // The worst classes on top: sort keys are not available for circles, so the source is ordered.
  },
};

export const selectedHouseholdLayer: CircleLayerSpecification = {
  id: 'households-selected',
  type: 'circle',
  source: HOUSEHOLDS_SOURCE,
  filter: ['==', ['get', 'i'], -1],
  paint: {
    'circle-color': 'rgba(0,0,0,0)',
    'circle-radius': householdRadius(4),
    'circle-stroke-color': SELECTION_COLOR,
    'circle-stroke-width': 2.5,
  },
};

export const sitesLayer: CircleLayerSpecification = {
  id: SITES_LAYER,
  type: 'circle',
  source: SITES_SOURCE,
  paint: {
    'circle-color': SITE_COLORS.fill,
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 3.5, 13, 7],
    'circle-stroke-color': ['case', ['boolean', ['feature-state', 'selected'], false], SITE_COLORS.selected, SITE_COLORS.stroke],
    'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 8, 2, 13, 3.5],
  },
};

export const siteLabelsLayer: SymbolLayerSpecification = {
  id: 'site-labels',
  type: 'symbol',
  source: SITES_SOURCE,
  minzoom: 11,
  layout: { 'text-field': ['get', 'name'], 'text-size': 11, 'text-offset': [0, 1.2], 'text-anchor': 'top' },
  paint: { 'text-color': SITE_COLORS.stroke, 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
};

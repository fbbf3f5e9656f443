/**
 * The data layers over the basemap — households and existing sites — as plain style data.
 * Class colours come from palette.ts; the core only says `none`, the map decides it is vermillion.
 */
import type {
  CircleLayerSpecification,
  FilterSpecification,
  ExpressionSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import { ATTENDANCE_CLASSES } from '../core/index.ts';
import { AREA_COLORS, CLASS_COLORS, CLUSTER_COLORS, HOUSEHOLD_STROKE, PROPOSAL_COLORS, SELECTION_COLOR, SHARE_COLOR_STOPS, SITE_COLORS, UNREPORTED_RING } from './palette.ts';

export const HOUSEHOLDS_SOURCE = 'households';
export const SITES_SOURCE = 'sites';
export const HOUSEHOLDS_LAYER = 'households';
export const SITES_LAYER = 'sites';
export const SITE_COVERAGE_SOURCE = 'site-coverage';
export const CLUSTERS_SOURCE = 'clusters';
export const CLUSTER_LABELS_SOURCE = 'cluster-labels';
export const CLUSTERS_FILL_LAYER = 'clusters-fill';
export const PROPOSALS_SOURCE = 'proposals';
export const PROPOSALS_LAYER = 'proposals';
export const PROPOSAL_COVERAGE_SOURCE = 'proposal-coverage';
export const PINNED_SOURCE = 'pinned';
export const AREAS_SOURCE = 'areas';
export const AREAS_LAYER = 'areas';
export const HEXAGONS_SOURCE = 'hexagons';
export const HEXAGONS_LAYER = 'hexagons';

/** Household-level layers: hidden in privacy mode and in the committee view. */
export const HOUSEHOLD_BINS_SOURCE = 'household-bins';
export const HOUSEHOLD_BINS_LAYER = 'household-bins';
export const HOUSEHOLD_LAYER_IDS = [
  'households', 'households-isolated', 'households-newly-covered', 'households-unreported', 'households-selected', HOUSEHOLD_BINS_LAYER,
] as const;
/** The engineer's working layers — cluster outlines (they follow homes), existing sites' circles: engineer view without privacy only. */
export const ENGINEER_LAYER_IDS = [
  'clusters-fill', 'clusters-line', 'cluster-labels', 'cluster-labels-top', 'site-coverage-fill', 'site-coverage-line',
] as const;

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

/**
 * Homes per bin when there are too many to draw one by one (`household-view.ts`): a circle whose
 * area grows with the homes in it, coloured by the share of students uncovered (as the committee
 * map); a click zooms in.
 */
export const householdBinsLayer: CircleLayerSpecification = {
  id: HOUSEHOLD_BINS_LAYER,
  type: 'circle',
  source: HOUSEHOLD_BINS_SOURCE,
  paint: {
    'circle-color': ['case', ['<', ['get', 'share'], 0], AREA_COLORS.noStudents,
      ['interpolate', ['linear'], ['get', 'share'], ...SHARE_COLOR_STOPS.flat()]] as ExpressionSpecification,
    'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'households']], 1, 3, 10, 8, 40, 16, 100, 24],
    'circle-opacity': 0.85,
    'circle-stroke-color': AREA_COLORS.stroke,
    'circle-stroke-width': 1,
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

export const siteCoverageFillLayer: FillLayerSpecification = {
  id: 'site-coverage-fill',
  type: 'fill',
  source: SITE_COVERAGE_SOURCE,
  paint: { 'fill-color': SITE_COLORS.coverageFill, 'fill-opacity': SITE_COLORS.coverageFillOpacity },
};

export const siteCoverageLineLayer: LineLayerSpecification = {
  id: 'site-coverage-line',
  type: 'line',
  source: SITE_COVERAGE_SOURCE,
  paint: { 'line-color': SITE_COLORS.coverageLine, 'line-opacity': 0.35, 'line-width': 1, 'line-dasharray': [3, 2] },
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

export const clustersFillLayer: FillLayerSpecification = {
  id: CLUSTERS_FILL_LAYER,
  type: 'fill',
  source: CLUSTERS_SOURCE,
  paint: { 'fill-color': CLUSTER_COLORS.fill, 'fill-opacity': CLUSTER_COLORS.fillOpacity },
};

export const clustersLineLayer: LineLayerSpecification = {
  id: 'clusters-line',
  type: 'line',
  source: CLUSTERS_SOURCE,
  paint: {
    'line-color': ['case', ['boolean', ['feature-state', 'selected'], false], CLUSTER_COLORS.selectedLine, CLUSTER_COLORS.line],
    'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, 1.5],
  },
};

/** Zoomed out, only the top clusters are labelled; from this zoom on, all of them. */
const ALL_LABELS_MIN_ZOOM = 11.5;
const TOP_LABELLED_RANKS = 10;

/** "#rank · students" at each cluster's centroid; the text is made by the controller's caller. */
export const clusterLabelsLayer: SymbolLayerSpecification = {
  id: 'cluster-labels',
  type: 'symbol',
  source: CLUSTER_LABELS_SOURCE,
  minzoom: ALL_LABELS_MIN_ZOOM,
  layout: {
    'text-field': ['get', 'label'],
    'text-size': 12,
    'text-anchor': 'bottom',
    'text-offset': [0, -0.6],
    'symbol-sort-key': ['get', 'rank'],
  },
  paint: { 'text-color': CLUSTER_COLORS.labelText, 'text-halo-color': CLUSTER_COLORS.labelHalo, 'text-halo-width': 1.6 },
};

export const topClusterLabelsLayer: SymbolLayerSpecification = {
  ...clusterLabelsLayer,
  id: 'cluster-labels-top',
  minzoom: 0,
  maxzoom: ALL_LABELS_MIN_ZOOM,
  filter: ['<=', ['get', 'rank'], TOP_LABELLED_RANKS],
  layout: { ...clusterLabelsLayer.layout, 'text-size': 13 },
};

/** A ring around uncovered households that belong to no cluster (they need another remedy). */
export const isolatedHouseholdsLayer: CircleLayerSpecification = {
  id: 'households-isolated',
  type: 'circle',
  source: HOUSEHOLDS_SOURCE,
  filter: ['==', ['get', 'i'], -1],
  paint: {
    'circle-color': 'rgba(0,0,0,0)',
    'circle-radius': householdRadius(3),
    'circle-stroke-color': CLUSTER_COLORS.isolatedRing,
    'circle-stroke-width': 1.5,
  },
};

/** A rejected proposal's coverage is not drawn: it covers nothing in the plan. */
const NOT_REJECTED: FilterSpecification = ['!=', ['get', 'status'], 'rejected'];

/** Households a proposal newly covers: a ring in the proposals' colour (filtered by index). */
export const newlyCoveredHouseholdsLayer: CircleLayerSpecification = {
  id: 'households-newly-covered',
  type: 'circle',
  source: HOUSEHOLDS_SOURCE,
  filter: ['==', ['get', 'i'], -1],
  paint: {
    'circle-color': 'rgba(0,0,0,0)',
    'circle-radius': householdRadius(2),
    'circle-stroke-color': PROPOSAL_COLORS.newlyCoveredRing,
    'circle-stroke-width': 1.5,
  },
};

/** Homes without a report that no existing site is predicted to cover (terrain): a dark ring (filtered by index). */
export const unreportedHouseholdsLayer: CircleLayerSpecification = {
  id: 'households-unreported',
  type: 'circle',
  source: HOUSEHOLDS_SOURCE,
  filter: ['==', ['get', 'i'], -1],
  paint: {
    'circle-color': 'rgba(0,0,0,0)',
    'circle-radius': householdRadius(2.5),
    'circle-stroke-color': UNREPORTED_RING,
    'circle-stroke-width': 1.5,
  },
};

export const proposalCoverageFillLayer: FillLayerSpecification = {
  id: 'proposal-coverage-fill',
  type: 'fill',
  source: PROPOSAL_COVERAGE_SOURCE,
  filter: NOT_REJECTED,
  paint: { 'fill-color': PROPOSAL_COLORS.coverageFill, 'fill-opacity': PROPOSAL_COLORS.coverageFillOpacity },
};

export const proposalCoverageLineLayer: LineLayerSpecification = {
  id: 'proposal-coverage-line',
  type: 'line',
  source: PROPOSAL_COVERAGE_SOURCE,
  filter: NOT_REJECTED,
  paint: {
    'line-color': PROPOSAL_COLORS.coverageLine,
    'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 2.5, 1.5],
  },
};

export const proposalsLayer: CircleLayerSpecification = {
  id: PROPOSALS_LAYER,
  type: 'circle',
  source: PROPOSALS_SOURCE,
  paint: {
    'circle-color': PROPOSAL_COLORS.fill,
    'circle-opacity': ['case', ['==', ['get', 'status'], 'rejected'], 0.35, 1],
    'circle-stroke-opacity': ['case', ['==', ['get', 'status'], 'rejected'], 0.5, 1],
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 5, 13, 9],
    'circle-stroke-color': ['case', ['boolean', ['feature-state', 'selected'], false], PROPOSAL_COLORS.selected, PROPOSAL_COLORS.stroke],
    'circle-stroke-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3.5, 2],
  },
};

export const proposalLabelsLayer: SymbolLayerSpecification = {
  id: 'proposal-labels',
  type: 'symbol',
  source: PROPOSALS_SOURCE,
  minzoom: 10,
  layout: { 'text-field': ['get', 'name'], 'text-size': 12, 'text-offset': [0, 1.3], 'text-anchor': 'top' },
  paint: { 'text-color': PROPOSAL_COLORS.labelText, 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 },
};

/** Candidate points the user pinned for suggestions. */
export const pinnedLayer: CircleLayerSpecification = {
  id: 'pinned',
  type: 'circle',
  source: PINNED_SOURCE,
  paint: {
    'circle-color': PROPOSAL_COLORS.pinFill,
    'circle-radius': 5,
    'circle-stroke-color': PROPOSAL_COLORS.pinStroke,
    'circle-stroke-width': 1.5,
  },
};

/** Fill colour by `share` (uncovered students / students; -1 = no students). */
const shareColor = [
  'case', ['<', ['get', 'share'], 0], AREA_COLORS.noStudents,
  ['interpolate', ['linear'], ['get', 'share'], ...SHARE_COLOR_STOPS.flat()],
] as unknown as ExpressionSpecification;

/** Areas as proportional circles at their homes' centre: area ∝ students, colour by share uncovered. */
export const areasLayer: CircleLayerSpecification = {
  id: AREAS_LAYER,
  type: 'circle',
  source: AREAS_SOURCE,
  layout: { 'circle-sort-key': ['-', 0, ['get', 'students']] },
  paint: {
    'circle-color': shareColor,
    'circle-opacity': 0.85,
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, ['*', 0.5, ['sqrt', ['get', 'students']]], 12, ['*', 1.6, ['sqrt', ['get', 'students']]]],
    'circle-stroke-color': ['case', ['boolean', ['feature-state', 'selected'], false], AREA_COLORS.selected, AREA_COLORS.stroke],
    'circle-stroke-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, 1],
  },
};

export const areaLabelsLayer: SymbolLayerSpecification = {
  id: 'area-labels',
  type: 'symbol',
  source: AREAS_SOURCE,
  minzoom: 10.5,
  layout: { 'text-field': ['get', 'label'], 'text-size': 11, 'text-offset': [0, 1.1], 'text-anchor': 'top', 'symbol-sort-key': ['-', 0, ['get', 'students']] },
  paint: { 'text-color': AREA_COLORS.labelText, 'text-halo-color': AREA_COLORS.labelHalo, 'text-halo-width': 1.4 },
};

export const hexagonsLayer: FillLayerSpecification = {
  id: HEXAGONS_LAYER,
  type: 'fill',
  source: HEXAGONS_SOURCE,
  paint: { 'fill-color': shareColor, 'fill-opacity': 0.75, 'fill-outline-color': AREA_COLORS.hexLine },
};

/**
 * Every colour the map draws, in one place. The class colours are the Okabe–Ito palette, which
 * stays distinguishable for the common forms of colour blindness; the legend reads them from here.
 */
import type { AttendanceClass } from '../core/index.ts';

export const CLASS_COLORS: Readonly<Record<AttendanceClass, string>> = Object.freeze({
  none: '#D55E00', // vermillion — cannot attend
  poor: '#E69F00', // orange — audio only
  fair: '#56B4E9', // sky blue — video works
  good: '#009E73', // bluish green — reliable
  unknown: '#8F8F8F', // grey — no usable report
});

export const BASEMAP_COLORS = Object.freeze({
  background: '#eceae4',
  neighbourFill: '#eceae4',
  chongqingFill: '#f8f7f3',
  countyLine: '#a7b0ba',
  focusCountyLine: '#3d4852',
  provinceLine: '#7b8590',
  river: '#6fa8d6',
  labelText: '#4a5663',
  labelHalo: '#ffffff',
});

export const SITE_COLORS = Object.freeze({
  fill: '#ffffff',
  stroke: '#1f2933',
  selected: '#000000',
  coverageFill: '#0072B2',
  coverageFillOpacity: 0.05,
  coverageLine: '#0072B2',
});

export const HOUSEHOLD_STROKE = '#ffffff';
export const SELECTION_COLOR = '#111111';

/** Blind-spot clusters: outlines in a darker vermillion over a light fill. */
export const CLUSTER_COLORS = Object.freeze({
  fill: '#D55E00',
  fillOpacity: 0.14,
  line: '#A14400',
  selectedLine: '#111111',
  labelText: '#7A3300',
  labelHalo: '#ffffff',
  isolatedRing: '#7A3300',
});

/** Proposed sites (Okabe–Ito reddish purple), their coverage, the homes they newly cover, pins. */
export const PROPOSAL_COLORS = Object.freeze({
  fill: '#CC79A7',
  stroke: '#4D1F3A',
  selected: '#000000',
  coverageFill: '#CC79A7',
  coverageFillOpacity: 0.1,
  coverageLine: '#8E3B6B',
  newlyCoveredRing: '#8E3B6B',
  labelText: '#4D1F3A',
  pinFill: '#F0E442',
  pinStroke: '#1f2933',
});

/**
 * Share of students uncovered in an area (committee view), 0 → 1: ColorBrewer OrRd (sequential,
 * readable for the common colour-vision deficiencies), as [share, colour] stops.
 */
export const SHARE_COLOR_STOPS: readonly (readonly [number, string])[] = Object.freeze([
  [0, '#fef0d9'],
  [0.1, '#fdcc8a'],
  [0.25, '#fc8d59'],
  [0.5, '#e34a33'],
  [0.75, '#b30000'],
] as const);

export const AREA_COLORS = Object.freeze({
  noStudents: '#cccccc',
  stroke: '#ffffff',
  selected: '#111111',
  hexLine: '#ffffff',
  labelText: '#3d2a1f',
  labelHalo: '#ffffff',
});

/**
 * Predicted RSRP of the terrain coverage map: ColorBrewer YlGnBu (sequential), from the coverage
 * threshold (light) to 20 dB above it (dark), as [dB above the threshold, colour] bands; below the
 * threshold nothing is drawn. The raster is drawn at `TERRAIN_COVERAGE_OPACITY`.
 */
export const RSRP_BANDS: readonly (readonly [number, string])[] = Object.freeze([
  [20, '#225ea8'],
  [10, '#41b6c4'],
  [5, '#a1dab4'],
  [0, '#ffffcc'],
] as const);
export const TERRAIN_COVERAGE_OPACITY = 0.6;

/** Homes without a report that no existing site is predicted to cover: a dark ring. */
export const UNREPORTED_RING = '#1f2933';

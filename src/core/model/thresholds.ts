/**
 * Defaults for classification, in one object (FORMATS.md §2). Every field is editable in the app
 * and on the CLI; code reads thresholds from a `ClassThresholds` value, never from literals.
 */
import type { AttendanceClass } from './types.ts';

export interface ClassThresholds {
  /** RSRP below this is `none` (cannot attend). dBm. */
  rsrpNoneBelowDbm: number;
  /** RSRP below this (and not none) is `poor` (audio only). dBm. */
  rsrpPoorBelowDbm: number;
  /** RSRP below this (and not poor) is `fair`; at or above it `good`. dBm. */
  rsrpFairBelowDbm: number;
  /** Downlink below this is `none`. Mbit/s. */
  downNoneBelowMbps: number;
  /** Downlink below this is `poor`. Mbit/s. */
  downPoorBelowMbps: number;
  /** Downlink below this is `fair`; at or above it `good`. Mbit/s. */
  downFairBelowMbps: number;
}

/** How several reports of one household combine: the worst class, or the latest report's. */
export type MergeRule = 'worst' | 'latest';

export interface ClassifySettings {
  thresholds: ClassThresholds;
  merge: MergeRule;
  /** Classes that count as "uncovered" (cannot attend class). */
  uncovered: AttendanceClass[];
}

export const DEFAULT_THRESHOLDS: Readonly<ClassThresholds> = Object.freeze({
  rsrpNoneBelowDbm: -115, // "critical / no service" edge in common LTE practice
  rsrpPoorBelowDbm: -105,
  rsrpFairBelowDbm: -95,
  downNoneBelowMbps: 0.15, // below an audio-only stream
  downPoorBelowMbps: 1.0, // video class 0.6–1.5 Mbit/s (Zoom's published requirements)
  downFairBelowMbps: 5, // FCC 4G challenge threshold; Opensignal's consistent-quality floor
});

export const DEFAULT_CLASSIFY_SETTINGS: Readonly<ClassifySettings> = Object.freeze({
  thresholds: DEFAULT_THRESHOLDS,
  merge: 'worst' as MergeRule,
  uncovered: ['none', 'poor'] as AttendanceClass[],
});

/** Limits of plausible values; outside them a field is `out_of_range`. */
export const VALUE_LIMITS = Object.freeze({
  rsrpMinDbm: -140,
  rsrpMaxDbm: -44,
  downMinMbps: 0,
  downMaxMbps: 10000,
  studentsMax: 20,
  /** A later row with the same id further than this is `duplicate_id_conflict`. */
  duplicateMaxDistanceM: 500,
  /** A household row is `outside_area` further than this from the file's median point — or 3× its rows' median distance from there, if larger (`flagOutlyingRows`; issue 5: 100 km). */
  outsideAreaM: 100_000,
  /** The same rule's floor for a site of a simple site list. */
  siteOutsideAreaM: 400_000,
});

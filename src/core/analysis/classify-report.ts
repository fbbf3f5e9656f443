/**
 * The attendance class of one report (FORMATS.md §2): the worst of the classes its measures give.
 * - signal category: taken as is;
 * - RSRP: below `rsrpNoneBelowDbm` none; below `rsrpPoorBelowDbm` poor; below `rsrpFairBelowDbm`
 *   fair; otherwise good (each boundary value belongs to the better class: -115 is poor);
 * - downlink: the same with the `down…BelowMbps` thresholds (1.0 Mbit/s is fair).
 * `unknown` when the report has no measure. Non-finite measures are treated as absent.
 * Cost: O(1).
 */
import type { AttendanceClass, KnownClass } from '../model/types.ts';
import type { ClassThresholds } from '../model/thresholds.ts';

export interface ReportMeasures {
  signal?: KnownClass;
  rsrpDbm?: number;
  downMbps?: number;
}

function byThresholds(value: number, noneBelow: number, poorBelow: number, fairBelow: number): KnownClass {
  if (value < noneBelow) return 'none';
  if (value < poorBelow) return 'poor';
  if (value < fairBelow) return 'fair';
  return 'good';
}

export function classifyReport(report: ReportMeasures, thresholds: ClassThresholds): AttendanceClass {
  // `worstClass` of the measures' classes, step by step, without building their list (once per row).
  let worst: AttendanceClass = 'unknown';
  if (report.signal !== undefined) worst = worstClass2(worst, report.signal);
  if (report.rsrpDbm !== undefined && Number.isFinite(report.rsrpDbm)) {
    worst = worstClass2(worst, byThresholds(report.rsrpDbm, thresholds.rsrpNoneBelowDbm, thresholds.rsrpPoorBelowDbm,
      thresholds.rsrpFairBelowDbm));
  }
  if (report.downMbps !== undefined && Number.isFinite(report.downMbps)) {
    worst = worstClass2(worst, byThresholds(report.downMbps, thresholds.downNoneBelowMbps, thresholds.downPoorBelowMbps,
      thresholds.downFairBelowMbps));
  }
  return worst;
}

/** Rank of a class as `worstClass` orders them (lower is worse). */
const RANK: Readonly<Record<AttendanceClass, number>> = { none: 0, poor: 1, fair: 2, good: 3, unknown: 4 };

/** One step of `worstClass`: `next` replaces `worst` when it ranks lower. */
const worstClass2 = (worst: AttendanceClass, next: AttendanceClass): AttendanceClass => (RANK[next] < RANK[worst] ? next : worst);

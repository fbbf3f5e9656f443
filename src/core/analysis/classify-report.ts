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
import { worstClass } from './worst-class.ts';

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
  const classes: AttendanceClass[] = [];
  if (report.signal !== undefined) classes.push(report.signal);
  if (report.rsrpDbm !== undefined && Number.isFinite(report.rsrpDbm)) {
    classes.push(byThresholds(report.rsrpDbm, thresholds.rsrpNoneBelowDbm, thresholds.rsrpPoorBelowDbm,
      thresholds.rsrpFairBelowDbm));
  }
  if (report.downMbps !== undefined && Number.isFinite(report.downMbps)) {
    classes.push(byThresholds(report.downMbps, thresholds.downNoneBelowMbps, thresholds.downPoorBelowMbps,
      thresholds.downFairBelowMbps));
  }
  return worstClass(classes);
}

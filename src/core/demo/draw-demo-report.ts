/**
 * Turns a home's "true" RSRP into what a report row says, the way teachers' forms mix things:
 * a category in Chinese (无/差/一般/好), signal bars (0–3), a measured RSRP, a measured downlink, or
 * a few of these together; or nothing at all (the home is then `unknown`). Every measure in one row
 * agrees on the attendance class (FORMATS.md §2 default thresholds), so the class a reader derives
 * does not depend on which measure it looks at. Downlink rises with RSRP inside each class's band.
 * Cost: O(1) per row.
 */
import { DEFAULT_THRESHOLDS, VALUE_LIMITS, type ClassThresholds } from '../model/thresholds.ts';
import type { KnownClass } from '../model/types.ts';
import type { DemoHouseholdRow } from './demo-types.ts';
import type { SeededRandom } from './seeded-random.ts';

export type DemoReportStyle = 'category' | 'bars' | 'rsrp' | 'down' | 'rsrp+down' | 'category+rsrp+down' | 'category+down';

/** How often each style of form is used (weights, normalised by the draw). */
export const DEMO_REPORT_STYLE_WEIGHTS: Readonly<Record<DemoReportStyle, number>> = Object.freeze({
  category: 36,
  bars: 8,
  rsrp: 14,
  down: 10,
  'rsrp+down': 10,
  'category+rsrp+down': 16,
  'category+down': 6,
});

const CATEGORY_ZH: Record<KnownClass, string> = { none: '无', poor: '差', fair: '一般', good: '好' };
const BARS: Record<KnownClass, string> = { none: '0', poor: '1', fair: '2', good: '3' };

/** The class of an (integer) RSRP under the given thresholds. */
export function classOfRsrp(rsrpDbm: number, t: ClassThresholds = DEFAULT_THRESHOLDS): KnownClass {
  if (rsrpDbm < t.rsrpNoneBelowDbm) return 'none';
  if (rsrpDbm < t.rsrpPoorBelowDbm) return 'poor';
  if (rsrpDbm < t.rsrpFairBelowDbm) return 'fair';
  return 'good';
}

/** The row's measures for a home whose (noisy) RSRP is `rsrpDbm`. */
export function drawDemoReport(
  rsrpDbm: number,
  style: DemoReportStyle,
  random: SeededRandom,
  t: ClassThresholds = DEFAULT_THRESHOLDS,
): Pick<DemoHouseholdRow, 'signal' | 'rsrp_dbm' | 'down_mbps'> {
  const rsrp = Math.round(Math.min(VALUE_LIMITS.rsrpMaxDbm, Math.max(VALUE_LIMITS.rsrpMinDbm, rsrpDbm)));
  const cls = classOfRsrp(rsrp, t);
  const out: Pick<DemoHouseholdRow, 'signal' | 'rsrp_dbm' | 'down_mbps'> = {};
  if (style.startsWith('category')) out.signal = CATEGORY_ZH[cls];
  if (style === 'bars') out.signal = BARS[cls];
  if (style.includes('rsrp')) out.rsrp_dbm = rsrp;
  if (style.includes('down')) out.down_mbps = downlinkFor(rsrp, cls, random, t);
  return out;
}

/** A downlink in the same class's band, rising with RSRP, 2 decimals. */
function downlinkFor(rsrp: number, cls: KnownClass, random: SeededRandom, t: ClassThresholds): number {
  // RSRP band and downlink band of the class (the good band is capped for the story: 50 Mbit/s).
  const bands: Record<KnownClass, { r: [number, number]; d: [number, number] }> = {
    none: { r: [VALUE_LIMITS.rsrpMinDbm, t.rsrpNoneBelowDbm], d: [0, t.downNoneBelowMbps] },
    poor: { r: [t.rsrpNoneBelowDbm, t.rsrpPoorBelowDbm], d: [t.downNoneBelowMbps, t.downPoorBelowMbps] },
    fair: { r: [t.rsrpPoorBelowDbm, t.rsrpFairBelowDbm], d: [t.downPoorBelowMbps, t.downFairBelowMbps] },
    good: { r: [t.rsrpFairBelowDbm, -65], d: [t.downFairBelowMbps, 50] },
  };
  const { r, d } = bands[cls];
  const position = Math.min(0.999, Math.max(0, (rsrp - r[0]) / (r[1] - r[0]) + random.normal(0, 0.15)));
  const value = cls === 'none' ? d[0] + position * (d[1] - d[0]) : d[0] * Math.pow(d[1] / d[0], position);
  // Floor to 2 decimals and keep inside the band, so rounding never changes the class.
  const floored = Math.floor(value * 100 + 1e-9) / 100;
  return Math.min((Math.round(d[1] * 100) - 1) / 100, Math.max(d[0], floored));
}

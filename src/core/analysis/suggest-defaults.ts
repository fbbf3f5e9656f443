/**
 * Defaults of the site suggestions (`suggestSites`, `suggestSitesOverTerrain`), one object with a
 * comment per field.
 */
import { DEFAULT_SITE_COST_CNY } from '../model/proposal.ts';
import type { AttendanceClass } from '../model/types.ts';

export const SUGGEST_DEFAULTS = Object.freeze({
  /** Coverage radius of a suggested site over circles, m (over terrain the model's reach). */
  radiusM: 3000,
  /** Classes that count as uncovered today. */
  uncovered: ['none', 'poor'] as readonly AttendanceClass[],
  /** Radio fields of a suggested site: antenna height above ground, m; band, MHz; EIRP, dBm. */
  antennaHeightM: 30,
  bandMHz: 900,
  eirpDbm: 58,
  /** Cost of a suggested site, CNY. */
  costCny: DEFAULT_SITE_COST_CNY,
  /** Ids `suggested-1`, `suggested-2`, … (ids already in use are skipped). */
  idPrefix: 'suggested-',
  /** Most sites one request may ask for (K). */
  maxCount: 1000,
});

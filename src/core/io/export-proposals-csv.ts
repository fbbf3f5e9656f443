/**
 * Site proposals as a CSV table for a spreadsheet (the planner's budget sheet): header
 * `rank,id,name,lon,lat,status,origin,antenna_height_m,band_mhz,eirp_dbm,radius_m,cost_cny,
 * newly_covered_households,newly_covered_students,cost_per_student_cny,villages,cluster_ids,notes`,
 * one row per proposal sorted by rank (`rankByStudents`: most students newly covered first, ties
 * in list order). Impacts are matched by `siteId` (0 newly covered without one);
 * `cost_per_student_cny` = cost / newly covered students rounded to whole CNY, empty when no
 * student is newly covered; lon/lat rounded to 6 decimals; villages and cluster ids joined with ";".
 * Written like `issuesToCsv`: a UTF-8 BOM first (so Excel in China opens it as UTF-8), CRLF line
 * ends, RFC 4180 quoting (a cell holding a comma, quote or line break), and a cell Excel would
 * run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR, and not a plain number like -5)
 * prefixed with `'` (`csvCell`). Never writes household-level data. With `privacy` (privacy mode,
 * issue 6) newly covered counts from 1 to 4 are written `<5` and their cost per student is left
 * empty (it would give the count away); ranks still follow the true counts.
 * Cost: O(n log n + total text).
 */
import type { ProposedSite } from '../model/proposal.ts';
import { round6, type SiteImpactSummary } from './export-sites-geojson.ts';
import { rankByStudents } from './rank-by-students.ts';
import { csvCell } from './csv-cell.ts';
import { suppressSmallCount } from '../analysis/suppress-small-count.ts';

export const PROPOSALS_CSV_HEADER = [
  'rank', 'id', 'name', 'lon', 'lat', 'status', 'origin', 'antenna_height_m', 'band_mhz', 'eirp_dbm', 'radius_m', 'cost_cny',
  'newly_covered_households', 'newly_covered_students', 'cost_per_student_cny', 'villages', 'cluster_ids', 'notes',
] as const;

export function proposalsToCsv(
  proposals: readonly ProposedSite[], impacts: readonly SiteImpactSummary[] = [], options: { privacy?: boolean } = {},
): string {
  const count = (n: number) => (options.privacy ? suppressSmallCount(n) : n);
  const byId = new Map(impacts.map((m) => [m.siteId, m]));
  const rank = rankByStudents(proposals, impacts);
  const order = proposals.map((_, i) => i).sort((a, b) => rank[a]! - rank[b]!);
  const lines = [PROPOSALS_CSV_HEADER.join(',')];
  for (const i of order) {
    const p = proposals[i]!;
    const m = byId.get(p.id);
    const students = m?.newlyCoveredStudents ?? 0;
    const shownStudents = count(students);
    const cells: (string | number)[] = [
      rank[i]!, p.id, p.name, round6(p.lon), round6(p.lat), p.status, p.origin, p.antennaHeightM, p.bandMHz, p.eirpDbm,
      p.radiusM, p.costCny, count(m?.newlyCoveredHouseholds ?? 0), shownStudents,
      students > 0 && typeof shownStudents === 'number' ? Math.round(p.costCny / students) : '',
      (m?.villages ?? []).join(';'), (m?.clusterIds ?? []).join(';'), p.notes,
    ];
    lines.push(cells.map((c) => csvCell(String(c))).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

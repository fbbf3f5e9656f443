/**
 * Blind-spot clusters (FORMATS.md §5): where uncovered homes lie together, so one new site could
 * reach many of them.
 *
 * 1. Uncovered = households whose class is in `settings.uncovered`. All of them take part, in
 *    input order, whatever their number of students (0 included).
 * 2. DBSCAN over them (`clusterDbscan`: haversine metres, eps = `epsM`, minPoints =
 *    `minHouseholds`), membership identical to `@turf/clusters-dbscan` on the same order.
 *    Cluster `c-<n>` is Turf's cluster number n − 1; uncovered homes left as noise are
 *    `isolatedIndices` (they need another remedy than a shared site).
 * 3. Per cluster: members (ascending household indices), their homes and students, centroid
 *    (mean lon/lat), outline (`clusterOutline`: convex hull buffered by max(eps/2, 100 m)), every
 *    household of any class inside the outline (members always counted), villages and townships
 *    of the members by member count, and the haversine distance from the centroid to the nearest
 *    of `sites` (all sites passed count; null without sites).
 * 4. Rank (`rankClusters`): uncovered students desc, uncovered households desc, DBSCAN order.
 *
 * Pure: the inputs are not changed; the result shares nothing mutable with them.
 * Throws `UserInputError` `invalid_analysis_settings` for settings `checkAnalysisSettings` refuses
 * (epsM outside 0.001 m … 1,000 km, minHouseholds not a whole number ≥ 1, no or unknown class).
 * Limits: a household inside two overlapping outlines counts in both clusters' `households`;
 * centroids and outlines do not handle the antimeridian or the poles.
 * Input: the households as an array or as a `HouseholdTable`; either way the columns are read
 * (`asHouseholdTable`: an array's table is built once, 0.31–0.34 s at 959,825 homes, and
 * cached by the array's identity), never an object per home; the answer is the same for both.
 * Cost: O(n) over the `cls` column (`homesOfClasses`) to select u uncovered homes; DBSCAN
 * (`clusterDbscan`'s grid, ~O(u · neighbours)); per cluster of m homes a hull and its buffer
 * (`clusterOutline`, O(m log m), ~30 µs); one grid (`indexHouseholdsForOutlines`) of only the
 * homes in the cells under the outlines' bounding boxes, then per cluster the cells under its box
 * and a cross-product test per edge for the homes in the box; villages and townships by counting
 * name codes (`namesByCountOfCodes`, each table name trimmed once); O(clusters × sites)
 * haversines for the nearest site.
 * Measured (Node 20, 2 shared cores at load 2.5–5, min–median of 9 in one process; the seeded
 * municipality /tmp/blindspot-households-1000000.csv, 959,825 homes, 77,928 uncovered → 3,243
 * clusters, eps 500 m, 3 homes): over its `HouseholdTable` with no object per home in the heap
 * 248–319 ms (selection ~6 ms, DBSCAN 21–60, outlines 70–100, grid of the 716,238 homes under the
 * boxes 30–45, homes inside 70–130, ids and names ~25); over the array (its table cached, the
 * million objects in the heap, so more GC) 330–494 ms; 380–568 ms for the code before issue 9's
 * columns in the same conditions (which read every home as an object and gridded all of them).
 * The demo, 5,894 homes → 66 clusters: 2–8 ms once compiled (the first calls 40–90 ms, as before).
 * See also `npm run bench -- --only=classify`.
 */
import { bbox } from '@turf/bbox';
import { DEFAULT_ANALYSIS_SETTINGS, type AnalysisSettings, type BlindspotAnalysis, type BlindspotCluster } from '../model/analysis.ts';
import { invariant } from '../model/errors.ts';
import { householdIdAt, type HouseholdTable } from '../model/household-table.ts';
import { homesOfClasses } from './homes-of-classes.ts';
import type { Household, Site } from '../model/types.ts';
import { asHouseholdTable } from '../io/household-table-of.ts';
import { checkAnalysisSettings } from './check-analysis-settings.ts';
import { clusterDbscan } from './cluster-dbscan.ts';
import { clusterOutline } from './cluster-outline.ts';
import { householdsInOutlineInto, indexHouseholdsForOutlines, type OutlineBox } from './households-in-outline.ts';
import { namesByCountOfCodes } from './names-by-count.ts';
import { nearestSiteM } from './nearest-site-m.ts';
import { rankClusters } from './rank-clusters.ts';

export function analyzeBlindspots(
  households: readonly Household[] | HouseholdTable, sites: readonly Site[], settings: AnalysisSettings = DEFAULT_ANALYSIS_SETTINGS,
): BlindspotAnalysis {
  checkAnalysisSettings(settings);
  const table = asHouseholdTable(households);
  const { count: n, students } = table;
  const { index: uncovered, lon, lat } = homesOfClasses(table, settings.uncovered);
  const u = uncovered.length;
  let uncoveredStudents = 0;
  for (let k = 0; k < u; k++) uncoveredStudents += students[uncovered[k]!]!;
  const { clusterOf, clusterCount } = u > 0
    ? clusterDbscan(lon, lat, { epsM: settings.epsM, minPoints: settings.minHouseholds })
    : { clusterOf: new Int32Array(0), clusterCount: 0 };
  invariant(clusterOf.length === u, 'clusterDbscan returned one label per point');

  const members: number[][] = Array.from({ length: clusterCount }, () => []);
  const isolatedIndices: number[] = [];
  /** Per home, 1 + its cluster (0: none). */
  const memberOf = new Int32Array(clusterCount > 0 ? n : 0);
  for (let k = 0; k < u; k++) {
    const i = uncovered[k]!;
    const c = clusterOf[k]!;
    if (c < 0) isolatedIndices.push(i);
    else {
      invariant(c < clusterCount, `cluster number ${c} out of range`);
      members[c]!.push(i);
      memberOf[i] = c + 1;
    }
  }

  const clusters = members.map((memberIndices, c) => {
    invariant(memberIndices.length > 0, `cluster ${c} has no member`);
    const points = memberIndices.map((i): [number, number] => [table.lon[i]!, table.lat[i]!]);
    const outline = clusterOutline(points, settings.epsM);
    return { memberIndices, points, outline, box: bbox(outline) as OutlineBox };
  });
  // Only the homes under the outlines' boxes are indexed (issue 9: ~40 % of a municipality's).
  const index = clusterCount > 0 ? indexHouseholdsForOutlines(table, undefined, clusters.map((k) => k.box)) : undefined;
  const found = new Int32Array(index ? index.order.length : 0);
  const names = namesByCountOfCodes(table.names);
  const drafts = clusters.map(({ memberIndices, points, outline, box }, c): BlindspotCluster => {
    const m = memberIndices.length;
    let sumLon = 0, sumLat = 0, memberStudents = 0;
    for (let k = 0; k < m; k++) {
      sumLon += points[k]![0];
      sumLat += points[k]![1];
      memberStudents += students[memberIndices[k]!]!;
    }
    const centroid: [number, number] = [sumLon / m, sumLat / m];
    let householdsInside = m;
    let studentsInside = memberStudents;
    const inside = householdsInOutlineInto(index!, outline, found, box);
    for (let k = 0; k < inside.length; k++) {
      const i = inside[k]!;
      if (memberOf[i] === c + 1) continue;
      householdsInside++;
      studentsInside += students[i]!;
    }
    return {
      id: `c-${c + 1}`,
      rank: 0,
      memberIndices,
      householdIds: memberIndices.map((i) => householdIdAt(table, i)),
      uncoveredHouseholds: m,
      uncoveredStudents: memberStudents,
      households: householdsInside,
      students: studentsInside,
      villages: names(table.village, memberIndices),
      townships: names(table.township, memberIndices),
      centroid,
      outline,
      nearestSiteM: nearestSiteM(centroid, sites),
    };
  });

  return {
    settings: { epsM: settings.epsM, minHouseholds: settings.minHouseholds, uncovered: [...settings.uncovered] },
    clusters: rankClusters(drafts),
    isolatedIndices,
    isolatedHouseholdIds: isolatedIndices.map((i) => householdIdAt(table, i)),
    uncoveredHouseholds: u,
    uncoveredStudents,
  };
}

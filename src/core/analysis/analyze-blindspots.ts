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
 * Cost: O(n) to select u uncovered homes; DBSCAN (`clusterDbscan`'s grid, ~O(u · neighbours));
 * per cluster of m homes a hull and its buffer (`clusterOutline`, O(m log m), ~30 µs); O(n) once
 * to sort all homes into a grid (`indexHouseholdsForOutlines`), then per cluster the grid cells
 * under its bounding box and a point-in-polygon test for the homes in the box; O(clusters ×
 * sites) haversines for the nearest site. Measured (Node 20, 2 shared cores, load ~7, min–median
 * of 9–11 runs): the demo, 5,894 homes → 66 clusters, 3–12 ms (189–295 ms with Turf's buffer); a
 * seeded municipality, 959,825 homes → 3,243 clusters, 0.66–1.1 s (profile: outlines ~0.1 s, the
 * grid ~0.15 s, the homes inside the outlines ~0.17 s; with Turf's buffer 3.7–8 s), see also
 * `npm run bench -- --only=classify`.
 */
import { DEFAULT_ANALYSIS_SETTINGS, type AnalysisSettings, type BlindspotAnalysis, type BlindspotCluster } from '../model/analysis.ts';
import { invariant } from '../model/errors.ts';
import type { Household, Site } from '../model/types.ts';
import { checkAnalysisSettings } from './check-analysis-settings.ts';
import { clusterDbscan } from './cluster-dbscan.ts';
import { clusterOutline } from './cluster-outline.ts';
import { householdsInOutline, indexHouseholdsForOutlines } from './households-in-outline.ts';
import { namesByCount } from './names-by-count.ts';
import { nearestSiteM } from './nearest-site-m.ts';
import { rankClusters } from './rank-clusters.ts';

export function analyzeBlindspots(
  households: readonly Household[], sites: readonly Site[], settings: AnalysisSettings = DEFAULT_ANALYSIS_SETTINGS,
): BlindspotAnalysis {
  checkAnalysisSettings(settings);
  const uncoveredClasses = new Set(settings.uncovered);
  const uncovered: number[] = [];
  let uncoveredStudents = 0;
  for (let i = 0; i < households.length; i++) {
    const h = households[i]!;
    if (!uncoveredClasses.has(h.cls)) continue;
    uncovered.push(i);
    uncoveredStudents += h.students;
  }

  const lon = new Float64Array(uncovered.length);
  const lat = new Float64Array(uncovered.length);
  for (let k = 0; k < uncovered.length; k++) {
    const h = households[uncovered[k]!]!;
    lon[k] = h.lon;
    lat[k] = h.lat;
  }
  const { clusterOf, clusterCount } = uncovered.length > 0
    ? clusterDbscan(lon, lat, { epsM: settings.epsM, minPoints: settings.minHouseholds })
    : { clusterOf: new Int32Array(0), clusterCount: 0 };
  invariant(clusterOf.length === uncovered.length, 'clusterDbscan returned one label per point');

  const members: number[][] = Array.from({ length: clusterCount }, () => []);
  const isolatedIndices: number[] = [];
  for (let k = 0; k < uncovered.length; k++) {
    const i = uncovered[k]!;
    const c = clusterOf[k]!;
    if (c < 0) isolatedIndices.push(i);
    else {
      invariant(c < clusterCount, `cluster number ${c} out of range`);
      members[c]!.push(i);
    }
  }

  const index = clusterCount > 0 ? indexHouseholdsForOutlines(households) : undefined;
  const drafts = members.map((memberIndices, c): BlindspotCluster => {
    invariant(memberIndices.length > 0, `cluster ${c} has no member`);
    const homes = memberIndices.map((i) => households[i]!);
    const points = homes.map((h): [number, number] => [h.lon, h.lat]);
    const centroid: [number, number] = [
      points.reduce((s, p) => s + p[0], 0) / points.length,
      points.reduce((s, p) => s + p[1], 0) / points.length,
    ];
    const outline = clusterOutline(points, settings.epsM);
    const memberSet = new Set(memberIndices);
    let householdsInside = memberIndices.length;
    let studentsInside = homes.reduce((s, h) => s + h.students, 0);
    for (const i of householdsInOutline(index!, outline)) {
      if (memberSet.has(i)) continue;
      householdsInside++;
      studentsInside += households[i]!.students;
    }
    return {
      id: `c-${c + 1}`,
      rank: 0,
      memberIndices,
      householdIds: homes.map((h) => h.id),
      uncoveredHouseholds: homes.length,
      uncoveredStudents: homes.reduce((s, h) => s + h.students, 0),
      households: householdsInside,
      students: studentsInside,
      villages: namesByCount(homes.map((h) => h.village)),
      townships: namesByCount(homes.map((h) => h.township)),
      centroid,
      outline,
      nearestSiteM: nearestSiteM(centroid, sites),
    };
  });

  return {
    settings: { epsM: settings.epsM, minHouseholds: settings.minHouseholds, uncovered: [...settings.uncovered] },
    clusters: rankClusters(drafts),
    isolatedIndices,
    isolatedHouseholdIds: isolatedIndices.map((i) => households[i]!.id),
    uncoveredHouseholds: uncovered.length,
    uncoveredStudents,
  };
}

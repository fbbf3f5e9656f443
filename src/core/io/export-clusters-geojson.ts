/**
 * Blind-spot clusters as an RFC 7946 FeatureCollection (FORMATS.md §5): one Polygon/MultiPolygon
 * feature per cluster, in rank order, `id` = the cluster id; WGS-84, coordinates rounded to 6
 * decimals (~0.1 m), exterior rings counter-clockwise and holes clockwise. Properties: `kind:
 * "cluster"`, `id`, `rank`, `households`, `students` (every home inside the outline),
 * `uncoveredHouseholds`, `uncoveredStudents` (members), `villages`, `townships`, `nearestSiteM`
 * (whole metres or null), `centroid` ([lon, lat]) and — unless `privacy` — `householdIds`.
 * A foreign member `blindspot` carries the schema (`blindspot.clusters/1`), `generatedAt`, the
 * analysis settings, the isolated (unclustered) uncovered homes' count and — unless `privacy` —
 * their ids, and the totals of uncovered homes and students.
 * Never writes a personal field, a class, a coordinate of a single home or a signal reading.
 * `generatedAt` defaults to now (whole seconds, UTC); pass it for reproducible output.
 * Pure apart from that default clock read. Cost: O(total outline vertices + member ids).
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { AnalysisSettings, BlindspotAnalysis, BlindspotCluster } from '../model/analysis.ts';
import { invariant } from '../model/errors.ts';

export const CLUSTERS_SCHEMA = 'blindspot.clusters/1';

export interface ClustersGeoJsonOptions {
  /** Leave out household ids (members and isolated homes). */
  privacy?: boolean;
  /** ISO date-time written as `blindspot.generatedAt`; defaults to now. */
  generatedAt?: string;
}

export interface ClusterFeatureProperties {
  kind: 'cluster';
  id: string;
  rank: number;
  households: number;
  students: number;
  uncoveredHouseholds: number;
  uncoveredStudents: number;
  villages: string[];
  townships: string[];
  nearestSiteM: number | null;
  centroid: [number, number];
  householdIds?: string[];
}

export interface ClustersMetadata {
  schema: typeof CLUSTERS_SCHEMA;
  generatedAt: string;
  settings: AnalysisSettings;
  isolatedHouseholds: number;
  isolatedHouseholdIds?: string[];
  uncoveredHouseholds: number;
  uncoveredStudents: number;
}

export type ClustersFeatureCollection = FeatureCollection<Polygon | MultiPolygon, ClusterFeatureProperties> & {
  blindspot: ClustersMetadata;
};

export function clustersToGeoJson(analysis: BlindspotAnalysis, options: ClustersGeoJsonOptions = {}): ClustersFeatureCollection {
  const privacy = options.privacy === true;
  const generatedAt = options.generatedAt ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const { epsM, minHouseholds, uncovered } = analysis.settings;
  const blindspot: ClustersMetadata = {
    schema: CLUSTERS_SCHEMA,
    generatedAt,
    settings: { epsM, minHouseholds, uncovered: [...uncovered] },
    isolatedHouseholds: analysis.isolatedIndices.length,
    ...(!privacy && analysis.isolatedHouseholdIds ? { isolatedHouseholdIds: [...analysis.isolatedHouseholdIds] } : {}),
    uncoveredHouseholds: analysis.uncoveredHouseholds,
    uncoveredStudents: analysis.uncoveredStudents,
  };
  const features = [...analysis.clusters].sort((a, b) => a.rank - b.rank).map((c) => clusterFeature(c, privacy));
  return { type: 'FeatureCollection', blindspot, features };
}

function clusterFeature(c: BlindspotCluster, privacy: boolean): Feature<Polygon | MultiPolygon, ClusterFeatureProperties> {
  const properties: ClusterFeatureProperties = {
    kind: 'cluster',
    id: c.id,
    rank: c.rank,
    households: c.households,
    students: c.students,
    uncoveredHouseholds: c.uncoveredHouseholds,
    uncoveredStudents: c.uncoveredStudents,
    villages: [...c.villages],
    townships: [...c.townships],
    nearestSiteM: c.nearestSiteM === null ? null : Math.round(c.nearestSiteM),
    centroid: [round6(c.centroid[0]), round6(c.centroid[1])],
    ...(privacy ? {} : { householdIds: [...c.householdIds] }),
  };
  const geometry: Polygon | MultiPolygon = c.outline.type === 'Polygon'
    ? { type: 'Polygon', coordinates: roundPolygon(c.outline.coordinates) }
    : { type: 'MultiPolygon', coordinates: c.outline.coordinates.map(roundPolygon) };
  return { type: 'Feature', id: c.id, geometry, properties };
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6 + 0; // + 0 turns -0 into 0

/** Rounds a polygon's rings, drops repeats rounding made, and winds them RFC 7946 way. */
function roundPolygon(rings: Position[][]): Position[][] {
  return rings.map((ring, r) => {
    const out: Position[] = [];
    for (const p of ring) {
      const q = [round6(p[0]!), round6(p[1]!)];
      const last = out[out.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
    }
    invariant(out.length >= 4, 'an outline ring has at least 4 positions after rounding');
    const ccw = signedArea(out) > 0;
    return (r === 0) === ccw ? out : out.reverse();
  });
}

/** Twice the signed planar area of a closed ring (positive = counter-clockwise). */
function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  }
  return sum;
}

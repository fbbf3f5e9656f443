/**
 * Site proposals as an RFC 7946 FeatureCollection (FORMATS.md §4, schema `blindspot.sites/1`):
 * one Point feature per proposal in list order (the order "newly covered" was counted in),
 * `id` = the site id, coordinates `[lon, lat]` rounded to 6 decimals (~0.1 m). Properties, as
 * FORMATS lists them: `kind: "site"`, `id`, `name`, `status`, `origin`, `antennaHeightM`,
 * `bandMHz`, `eirpDbm`, `radiusM`, `costCny`, `newlyCoveredHouseholds`, `newlyCoveredStudents`
 * (from the impact with the same `siteId`; 0 without one), `rank` (1 = most students newly
 * covered; ties keep list order), `clusterIds`, `villages` (from the impact when it has them, else
 * []), `notes`; and — an extension, only when the site has them — `operator`, `radio`,
 * `synthetic`, so that `parseProposalsGeoJson` restores every field.
 * With `includeCoverage`, each site feature is followed by a `kind: "coverage"` feature
 * (`siteId`, the model's outline around the written point, 6 decimals, exterior ring
 * counter-clockwise).
 * A foreign member `blindspot` carries `schema`, `generatedAt` (defaults to now, whole seconds
 * UTC), `classThresholds` (default `DEFAULT_THRESHOLDS`) and `coverageModel` (the model id).
 * Never writes household-level data (ids, positions, classes of homes): only counts and names of
 * villages. Cost: O(proposals × outline vertices).
 */
import type { Feature, FeatureCollection, Point, Polygon, Position } from 'geojson';
import { DEFAULT_THRESHOLDS, type ClassThresholds } from '../model/thresholds.ts';
import type { CoverageModel, ProposalStatus, ProposedSite } from '../model/proposal.ts';
import { radiusCoverageModel } from '../coverage/radius-coverage-model.ts';
import { rankByStudents } from './rank-by-students.ts';

export const SITES_SCHEMA = 'blindspot.sites/1';

/** What the export needs of an impact (a `ProposalImpact`, optionally with names). */
export interface SiteImpactSummary {
  siteId: string;
  newlyCoveredHouseholds: number;
  newlyCoveredStudents: number;
  clusterIds?: readonly string[];
  villages?: readonly string[];
}

export interface SitesGeoJsonOptions {
  includeCoverage?: boolean;
  generatedAt?: string;
  classThresholds?: ClassThresholds;
  coverageModel?: CoverageModel;
}

export interface SiteFeatureProperties {
  kind: 'site';
  id: string;
  name: string;
  status: ProposalStatus;
  origin: 'manual' | 'suggested';
  antennaHeightM: number;
  bandMHz: number;
  eirpDbm: number;
  radiusM: number;
  costCny: number;
  newlyCoveredHouseholds: number;
  newlyCoveredStudents: number;
  rank: number;
  clusterIds: string[];
  villages: string[];
  notes: string;
  operator?: string;
  radio?: string;
  synthetic?: boolean;
}

export interface CoverageFeatureProperties { kind: 'coverage'; siteId: string }

export interface SitesMetadata {
  schema: typeof SITES_SCHEMA;
  generatedAt: string;
  classThresholds: ClassThresholds;
  coverageModel: string;
}

export type SitesFeatureCollection = FeatureCollection<Point | Polygon, SiteFeatureProperties | CoverageFeatureProperties> & {
  blindspot: SitesMetadata;
};

/** Rounds to 6 decimals; never returns -0. */
export function round6(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  return r === 0 ? 0 : r;
}

export function proposalsToGeoJson(
  proposals: readonly ProposedSite[], impacts: readonly SiteImpactSummary[] = [], options: SitesGeoJsonOptions = {},
): SitesFeatureCollection {
  const model = options.coverageModel ?? radiusCoverageModel;
  const byId = new Map(impacts.map((m) => [m.siteId, m]));
  const rank = rankByStudents(proposals, impacts);
  const features: Feature<Point | Polygon, SiteFeatureProperties | CoverageFeatureProperties>[] = [];
  proposals.forEach((p, i) => {
    const m = byId.get(p.id);
    const properties: SiteFeatureProperties = {
      kind: 'site', id: p.id, name: p.name, status: p.status, origin: p.origin,
      antennaHeightM: p.antennaHeightM, bandMHz: p.bandMHz, eirpDbm: p.eirpDbm, radiusM: p.radiusM, costCny: p.costCny,
      newlyCoveredHouseholds: m?.newlyCoveredHouseholds ?? 0, newlyCoveredStudents: m?.newlyCoveredStudents ?? 0,
      rank: rank[i]!, clusterIds: [...(m?.clusterIds ?? [])], villages: [...(m?.villages ?? [])], notes: p.notes,
      ...(p.operator !== undefined ? { operator: p.operator } : {}),
      ...(p.radio !== undefined ? { radio: p.radio } : {}),
      ...(p.synthetic !== undefined ? { synthetic: p.synthetic } : {}),
    };
    const lon = round6(p.lon), lat = round6(p.lat);
    features.push({ type: 'Feature', id: p.id, geometry: { type: 'Point', coordinates: [lon, lat] }, properties });
    if (options.includeCoverage === true) {
      // Drawn around the written (rounded) point, so a re-export of the parsed file is identical.
      const outline = model.outline({ ...p, lon, lat });
      features.push({
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: outline.coordinates.map((ring) => ring.map((q): Position => [round6(q[0]!), round6(q[1]!)])) },
        properties: { kind: 'coverage', siteId: p.id },
      });
    }
  });
  return {
    type: 'FeatureCollection',
    blindspot: {
      schema: SITES_SCHEMA,
      generatedAt: options.generatedAt ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      classThresholds: { ...(options.classThresholds ?? DEFAULT_THRESHOLDS) },
      coverageModel: model.id,
    },
    features,
  };
}

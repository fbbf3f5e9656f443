/**
 * The one public surface of the pure core: worker/, cli/, state/ and tests import from here.
 */
export * from './model/types.ts';
export * from './model/thresholds.ts';
export * from './model/errors.ts';
export { decodeText } from './io/decode-text.ts';
export { parseHouseholds } from './io/parse-households.ts';
export { parseSites } from './io/parse-sites.ts';
export { issuesToCsv } from './io/issues-to-csv.ts';
export { classifyReport } from './analysis/classify-report.ts';
export { mergeClasses } from './analysis/merge-classes.ts';
export { reclassifyHouseholds } from './analysis/reclassify-households.ts';
export { summarizeClasses, type ClassSummary } from './analysis/summarize-classes.ts';

// Import pipeline pieces (for Excel readers, a column-mapping dialog, tests).
export { readCsvTable, detectDelimiter, type CsvTable, type CsvDelimiter } from './io/read-csv-table.ts';
export { readGeojsonTable, type GeojsonTableResult } from './io/read-geojson-table.ts';
export { detectColumns, HOUSEHOLD_COLUMN_ALIASES } from './io/detect-columns.ts';
export { headerKey } from './io/map-headers.ts';
export { validateRows, type ValidRow, type ValidateRowsResult } from './io/validate-rows.ts';
export { mergeHouseholds, type MergeHouseholdsResult } from './io/merge-households.ts';
export {
  CLASS_CODE, householdIdAt, householdClassAt, areaNameOf, classMask, isHouseholdTable, nameCodeFlags, type HouseholdTable,
} from './model/household-table.ts';
export { householdTableOf, asHouseholdTable } from './io/household-table-of.ts';
export { householdRowAt, type HouseholdRow } from './io/household-row-at.ts';
export { householdIndexById, IdIndex } from './io/id-index.ts';
export { parseHouseholdTable, type ParseHouseholdTableOptions, type TableParseResult } from './io/parse-household-table.ts';
export type { HouseholdDetailsTable } from './model/household-details-table.ts';
export { householdAt, householdsOfColumns } from './io/households-of-columns.ts';
export { householdsJsonPiece, householdsJsonPieces } from './io/households-json-pieces.ts';
export { householdDetailsOf } from './io/household-details-of.ts';
export { projectJsonParts } from './io/project-json-parts.ts';
export { classifyHouseholdColumns } from './analysis/classify-household-columns.ts';
export { areaTriplesOf, type AreaTriples } from './analysis/area-triples-of.ts';
export { looksLikeGeojson } from './io/looks-like-geojson.ts';
export { parseNumber } from './io/parse-number.ts';
export { parseSignalCategory, SIGNAL_CATEGORY_VALUES } from './io/parse-signal-category.ts';
export { parseReportDate } from './io/parse-report-date.ts';
export { checkCoordinates, CHINA_BOUNDS, type CoordinateCheck } from './io/check-coordinates.ts';
export { SITE_COLUMN_ALIASES, SITE_DEFAULTS, SITE_LIMITS, type SiteField } from './io/parse-sites.ts';
export { type ReportMeasures } from './analysis/classify-report.ts';
export { worstClass } from './analysis/worst-class.ts';
export { haversineM, EARTH_RADIUS_M } from './analysis/haversine-m.ts';
export { type ClassCount } from './analysis/summarize-classes.ts';
export * from './model/analysis.ts';
export { analyzeBlindspots } from './analysis/analyze-blindspots.ts';
export { clusterOutline, OUTLINE_MIN_BUFFER_M } from './analysis/cluster-outline.ts';
export { nearestSiteM } from './analysis/nearest-site-m.ts';
export { rankClusters } from './analysis/rank-clusters.ts';
export {
  clustersToGeoJson, CLUSTERS_SCHEMA, type ClustersGeoJsonOptions, type ClusterFeatureProperties, type ClustersMetadata,
  type ClustersFeatureCollection,
} from './io/export-clusters-geojson.ts';
export { checkAnalysisSettings } from './analysis/check-analysis-settings.ts';
export { clusterDbscan, DBSCAN_EPS_RANGE_M, type DbscanOptions, type DbscanResult } from './analysis/cluster-dbscan.ts';

// Real-world inputs (issue 5): bytes in (CSV in any encoding, GeoJSON, .xlsx), a user's column
// mapping, GCJ-02/BD-09 coordinates, swapped-row fixes, OpenCelliD cell exports.
export * from './model/import-options.ts';
export { type DetectedEncoding } from './io/decode-text.ts';
export {
  parseHouseholdsFile, inspectHouseholdsFile, IMPORT_STAGES, type HouseholdsFileResult, type HouseholdsFileDescription, type ImportStage,
} from './io/parse-households-file.ts';
export { parseSitesFile, type SitesFileResult, type SitesFileOptions } from './io/parse-sites-file.ts';
export { readXlsxTable, type XlsxTable } from './io/read-xlsx-table.ts';
export { listWorkbookSheets } from './io/list-workbook-sheets.ts';
export { WORKBOOK_LIMITS } from './io/unzip-workbook-parts.ts';
export { readInputTable, type InputTable, type ReadInputTableOptions } from './io/read-input-table.ts';
export { sniffFileFormat, type SniffedFormat } from './io/sniff-file-format.ts';
export { describeColumns, MASKED_SAMPLE, type ColumnDescription } from './io/describe-columns.ts';
export { headerSignature } from './io/header-signature.ts';
export { resolveColumnMapping } from './io/resolve-column-mapping.ts';
export { promoteHeaderRow } from './io/promote-header-row.ts';
export { looksLikeHouseholdHeader } from './io/detect-columns.ts';
export { parseCoordinate } from './io/parse-coordinate.ts';
export { toWgs84 } from './io/to-wgs84.ts';
export { type ValidateRowsOptions } from './io/validate-rows.ts';
export { parseSiteTable, type SitesParseResult, type ParseSiteTableOptions } from './io/parse-site-table.ts';
export { looksLikeSiteHeader } from './io/site-columns.ts';
export { parseOpencellidTable, OPENCELLID_DEFAULTS, type OpencellidParseResult } from './io/parse-opencellid-table.ts';
export {
  OPENCELLID_COLUMN_ALIASES, OPENCELLID_STANDARD_ORDER, OPERATOR_BY_MNC, CHINA_MCC, detectOpencellidHeader,
  looksLikeOpencellidRow, type OpencellidField,
} from './io/opencellid-columns.ts';
export { groupNearbyPoints, type GroupablePoint } from './io/group-nearby-points.ts';

// Site proposals (issue 4): coverage model, spatial index, impact, suggestions, GeoJSON.
export * from './model/proposal.ts';
export { haversineLonLatM } from './analysis/haversine-lon-lat-m.ts';
export { defaultRadiusM, DEFAULT_RADIUS_TABLE_M, REFERENCE_ANTENNA_HEIGHT_M } from './coverage/default-radius-m.ts';
export { radiusCoverageModel, RADIUS_OUTLINE_STEPS } from './coverage/radius-coverage-model.ts';
export { precomputedCoverageModel, positionKey } from './coverage/precomputed-coverage-model.ts';
export { createPointGridIndex, type PointGridIndex } from './coverage/create-point-grid-index.ts';
export {
  createImpactTracker, type ImpactTracker, type ImpactResult, type ImpactTotals, type ProposalImpact, type ImpactSettings,
} from './analysis/create-impact-tracker.ts';
export { proposalImpact } from './analysis/proposal-impact.ts';
export { greedyMaxCover, type MaxCoverInstance, type MaxCoverSets, type MaxCoverPick, type MaxCoverResult } from './analysis/greedy-max-cover.ts';
export { bruteForceMaxCover, binomial, MAX_EXACT_SUBSETS } from './analysis/brute-force-max-cover.ts';
export { circleCoverageSets } from './analysis/circle-coverage-sets.ts';
export {
  exactOrGreedyMaxCover, EXACT_AUTO_MAX_WORK, type ExactOrGreedyOptions, type ExactOrGreedySummary, type ExactOrGreedyResult,
} from './analysis/exact-or-greedy-max-cover.ts';
export { SUGGEST_DEFAULTS } from './analysis/suggest-defaults.ts';
export {
  suggestSites, type SuggestSitesOptions, type SuggestedSite, type SuggestResult, type CandidateSource,
} from './analysis/suggest-sites.ts';
export {
  proposalsToGeoJson, round6, SITES_SCHEMA, type SiteImpactSummary, type SitesGeoJsonOptions, type SiteFeatureProperties,
  type CoverageFeatureProperties, type SitesMetadata, type SitesFeatureCollection,
} from './io/export-sites-geojson.ts';
export { parseProposalsGeoJson } from './io/parse-proposals-geojson.ts';
export { describeProposalReach, type ProposalReach } from './analysis/describe-proposal-reach.ts';

// Exports for planners (KML, CSV) and the project file (FORMATS.md §7).
export { rankByStudents } from './io/rank-by-students.ts';
export { proposalsToKml, DEFAULT_KML_DOCUMENT_NAME, type SitesKmlOptions } from './io/export-sites-kml.ts';
export { proposalsToCsv, PROPOSALS_CSV_HEADER } from './io/export-proposals-csv.ts';
export * from './model/project.ts';
export {
  projectToJson, parseProjectFile, PROJECT_SCHEMA, PROJECT_MIGRATIONS, type ProjectMigration,
} from './io/project-file.ts';
export {
  milpMaxCover, MILP_MAX_NONZEROS, MILP_TIME_LIMIT_S, type HighsLike, type HighsSolveOptions, type HighsSolveResult,
  type MilpMaxCoverOptions, type MilpMaxCoverResult, type MilpModelSize,
} from './analysis/milp-max-cover.ts';

// Committee view (issue 6): area and hexagon aggregates, small-count suppression, area report CSV.
export * from './model/area.ts';
export {
  aggregateAreas, householdsAfterCovered, emptyAreaCounts, addToAreaCounts, areaParts, areaKey, type AggregateAreasOptions,
} from './analysis/aggregate-areas.ts';
export { suppressSmallCount, PRIVACY_MIN_COUNT } from './analysis/suppress-small-count.ts';
export {
  aggregateHexagons, hexResolutionForZoom, HEX_RESOLUTION_BY_ZOOM, HEX_MAX_RESOLUTION, type HexCell, type AggregateHexagonsOptions,
} from './analysis/aggregate-hexagons.ts';
export { areaReportToCsv, AREA_REPORT_CSV_HEADER, type AreaReportCsvOptions } from './io/export-area-report-csv.ts';
export { csvCell } from './io/csv-cell.ts';

// Terrain-aware coverage (issue 8): propagation core — Hata, knife edge, profile, Deygout, RSRP, raster, model.
export type { Dem } from './model/dem.ts';
export {
  PROPAGATION_DEFAULTS, EFFECTIVE_EARTH_RADIUS_M, SPEED_OF_LIGHT_M_PER_S, wavelengthM,
} from './propagation/propagation-defaults.ts';
export {
  okumuraHataLossDb, hataTerms, HATA_ENVIRONMENTS, HATA_VALIDITY, HATA_MIN_DISTANCE_KM, HATA_MIN_BASE_HEIGHT_M,
  type HataEnvironment, type HataWarning, type HataInput, type HataLoss, type HataTerms,
} from './propagation/okumura-hata.ts';
export { knifeEdgeLossDb, fresnelParameterV, KNIFE_EDGE_MIN_V } from './propagation/knife-edge.ts';
export { demStepM } from './propagation/dem-step-m.ts';
export { terrainProfile, type TerrainProfile, type TerrainProfileOptions } from './propagation/terrain-profile.ts';
export { deygoutDiffraction, DEYGOUT_SECONDARY_MIN_V, type DeygoutResult, type DiffractionEdge } from './propagation/deygout-diffraction.ts';
export { resourceBlocks, referenceSignalPowerDbm } from './propagation/reference-signal-power.ts';
export {
  predictRsrp, hataRangeKm, resolveRadio, type RadioSite, type PropagationOptions, type RsrpPrediction, type HataRangeOptions,
} from './propagation/predict-rsrp.ts';
export {
  coverageRaster, DEFAULT_RADIALS, DEFAULT_RASTER_CELL_DEG, type CoverageRaster, type CoverageRasterOptions,
} from './propagation/coverage-raster.ts';
export { coverageOutline } from './propagation/coverage-outline.ts';
export { largestPolygon } from './propagation/largest-polygon.ts';
export { sampleCoverageRaster } from './propagation/sample-coverage-raster.ts';
export {
  terrainCoverageModel, type TerrainCoverageModel, type TerrainCoverageOptions,
} from './propagation/terrain-coverage-model.ts';

// Terrain input (issue 8): grid DEMs, SRTM .hgt and GeoTIFF readers, mosaics, the synthetic demo terrain.
export { createGridDem, type DemGrid, type DemSamples, type GridDem } from './terrain/grid-dem.ts';
export { mosaicDems } from './terrain/mosaic-dems.ts';
export { readHgt, hgtTileCorner, HGT_VOID, HGT_SIDES } from './terrain/read-hgt.ts';
export { readGeotiffDem, MAX_GEOTIFF_DEM_SAMPLES, type ReadGeotiffDemOptions } from './terrain/read-geotiff-dem.ts';
export { readDemFiles, MAX_DEM_SAMPLES, type DemFile } from './terrain/read-dem-files.ts';
export {
  demoTerrainInput, DEMO_TERRAIN_INPUT_RULES, type DemoTerrainInput, type DemoTerrainPlace, type DemoTerrainSite,
} from './terrain/demo-terrain-input.ts';
export {
  generateDemoTerrain, DEMO_TERRAIN_LABEL, DEMO_TERRAIN_DEFAULTS, type DemoTerrain, type DemoTerrainStats,
} from './terrain/demo-terrain.ts';
export { createHouseholdsCoverage, type HouseholdsCoverage } from './terrain/households-covered-by-sites.ts';

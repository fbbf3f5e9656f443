/**
 * What the worker does with an elevation model, kept apart from the message wiring so it can run
 * (and be tested) in-process: one DEM at a time, its terrain coverage model (rasters cached), and
 * the index of the households asked about (rebuilt when the households or the classes change).
 * Households come as an array or as a `HouseholdTable`; the index is kept by the table's identity
 * (an array's table is built once and cached), so an array and its table share it.
 * The DEM never leaves; answers carry copies of what the main thread draws and counts.
 */
import {
  asHouseholdTable, createHouseholdsCoverage, terrainCoverageModel, UserInputError,
  type AttendanceClass, type Dem, type Household, type HouseholdsCoverage, type HouseholdTable, type RadioSite, type RsrpPrediction, type Site,
  type TerrainCoverageModel,
} from '../core/index.ts';
import { predictUnreportedUncovered, type UnreportedUncovered } from '../core/terrain/predict-unreported-uncovered.ts';
import { suggestSitesOverTerrain, type SuggestOverTerrainOptions, type SuggestOverTerrainResult } from '../core/terrain/suggest-sites-over-terrain.ts';
import type { DemInfo, TerrainSiteCoverage, TerrainSuggestOptions } from './protocol.ts';

export class TerrainSession {
  private model: TerrainCoverageModel | null = null;
  private index: { table: HouseholdTable; classes: string; index: HouseholdsCoverage } | null = null;

  /** Uses this DEM from now on (null: none); `samples` is what it holds, for the app to show. */
  setDem(dem: (Dem & { grids?: readonly { samples: ArrayLike<number> }[] }) | null): DemInfo | null {
    this.model = dem ? terrainCoverageModel(dem) : null;
    this.index = null;
    if (!dem) return null;
    return {
      label: dem.label,
      bounds: [...dem.bounds],
      cellSizeDeg: [...dem.cellSizeDeg],
      synthetic: dem.synthetic === true,
      samples: dem.grids?.reduce((n, g) => n + g.samples.length, 0) ?? 0,
    };
  }

  private terrain(): TerrainCoverageModel {
    if (!this.model) throw new UserInputError('no_dem', 'no elevation model is loaded');
    return this.model;
  }

  /** Each site's raster (a copy), outline and the households of `classes` it covers; `onSite` after each. */
  coverage(households: readonly Household[] | HouseholdTable, sites: readonly Site[], classes: readonly AttendanceClass[], onSite?: (done: number) => void): TerrainSiteCoverage[] {
    const model = this.terrain();
    const key = classes.join(',');
    const table = asHouseholdTable(households);
    if (this.index?.table !== table || this.index.classes !== key) {
      this.index = { table, classes: key, index: createHouseholdsCoverage(table, classes, model) };
    }
    const { index } = this.index;
    return sites.map((site, k) => {
      const raster = model.raster(site);
      onSite?.(k + 1);
      return {
        siteId: site.id,
        reachM: model.reachM(site),
        raster: { rsrpDbm: raster.rsrpDbm.slice(), width: raster.width, height: raster.height, bounds: raster.bounds, cellSizeDeg: raster.cellSizeDeg },
        outline: model.outlineGeometry(site),
        covered: index.coveredBy(site),
      };
    });
  }

  /** Suggestions over the terrain; `milp` (a loaded HiGHS) gives the exact optimum when the model is small enough. */
  suggest(
    households: readonly Household[] | HouseholdTable, options: TerrainSuggestOptions, onProgress?: (done: number, total: number) => void, milp?: SuggestOverTerrainOptions['milp'],
  ): SuggestOverTerrainResult {
    return suggestSitesOverTerrain(households, { ...options, model: this.terrain(), onProgress, milp });
  }

  unreported(households: readonly Household[] | HouseholdTable, sites: readonly Site[]): UnreportedUncovered {
    return predictUnreportedUncovered(households, sites, this.terrain());
  }

  predict(site: RadioSite, lon: number, lat: number): RsrpPrediction {
    return this.terrain().predict(site, lon, lat);
  }
}

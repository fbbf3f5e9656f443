/**
 * The household layers of the map, fed from the controller: the homes (every home up to
 * `ALL_POINTS_MAX`, else the homes in view or bins of them — `household-view.ts`), the class and
 * area filter, and the rings drawn over them by index (isolated homes, homes the plan newly
 * covers, unreported homes predicted uncovered, the selected home). Remembers what it was given
 * before the map loaded and hands it over in `attach`.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { AttendanceClass, HouseholdTable } from '../core/index.ts';
import {
  HOUSEHOLD_BINS_SOURCE, HOUSEHOLDS_LAYER, HOUSEHOLDS_SOURCE, isolatedHouseholdsLayer, newlyCoveredHouseholdsLayer, selectedHouseholdLayer,
  unreportedHouseholdsLayer,
} from './data-layers.ts';
import { householdFilter, householdsGeoJson, indicesFilter, type HouseholdFilter } from './data-sources.ts';
import { ALL_POINTS_MAX, householdBins, householdsInView, POINTS_MIN_ZOOM, withMargin } from './household-view.ts';

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
type Rings = 'isolated' | 'newlyCovered' | 'unreported';
const RING_LAYERS: Record<Rings, string> = {
  isolated: isolatedHouseholdsLayer.id, newlyCovered: newlyCoveredHouseholdsLayer.id, unreported: unreportedHouseholdsLayer.id,
};

export class HouseholdLayers {
  private map: MapLibreMap | null = null;
  private households: HouseholdTable | null = null;
  private filter: HouseholdFilter = { hiddenClasses: [], township: null, village: null };
  private rings: Record<Rings, readonly number[]> = { isolated: [], newlyCovered: [], unreported: [] };
  private selected = -1;
  /** Classes counted as uncovered (the bins' colour). */
  private uncovered: readonly AttendanceClass[] = ['none', 'poor'];
  /** Large datasets: the bins last handed over (per zoom level, filter and uncovered classes). */
  private binsKey: string | null = null;

  /** The map is ready: everything given so far goes to it; large datasets follow the view from now on. */
  attach(map: MapLibreMap): void {
    this.map = map;
    map.on('moveend', () => this.showLarge());
    this.showAll();
    this.applyFilters();
    this.setSelected(this.selected);
  }

  private setData(source: string, data: GeoJSON.FeatureCollection): void {
    this.map?.getSource<GeoJSONSource>(source)?.setData(data);
  }

  /** New households: true when they differ from the ones shown (the caller fits the view to them). */
  setHouseholds(households: HouseholdTable): boolean {
    if (households === this.households) return false;
    this.households = households;
    this.binsKey = null;
    this.showAll();
    return true;
  }

  setUncovered(uncovered: readonly AttendanceClass[]): void {
    if (uncovered === this.uncovered) return;
    this.uncovered = uncovered;
    this.showLarge();
  }

  setFilter(filter: HouseholdFilter): void {
    this.filter = filter;
    this.applyFilters();
    this.showLarge();
  }

  /** Rings some homes (indices into the households). */
  setRings(kind: Rings, indices: readonly number[]): void {
    if (indices === this.rings[kind]) return;
    this.rings[kind] = indices;
    this.map?.setFilter(RING_LAYERS[kind], indicesFilter(indices, this.filter));
  }

  setSelected(index: number): void {
    this.selected = index;
    this.map?.setFilter(selectedHouseholdLayer.id, ['==', ['get', 'i'], index]);
  }

  private applyFilters(): void {
    if (!this.map) return;
    this.map.setFilter(HOUSEHOLDS_LAYER, householdFilter(this.filter));
    for (const kind of Object.keys(RING_LAYERS) as Rings[]) this.map.setFilter(RING_LAYERS[kind], indicesFilter(this.rings[kind], this.filter));
  }

  /** A small dataset: every home, once. */
  private showAll(): void {
    if (!this.map || !this.households || this.households.count > ALL_POINTS_MAX) return;
    this.setData(HOUSEHOLDS_SOURCE, householdsGeoJson(this.households));
    this.setData(HOUSEHOLD_BINS_SOURCE, EMPTY);
  }

  /** A large dataset: the homes in view, or bins of them. */
  private showLarge(): void {
    const { map, households } = this;
    if (!map || !households || households.count <= ALL_POINTS_MAX) return;
    const zoom = map.getZoom();
    const b = map.getBounds();
    const inView = zoom >= POINTS_MIN_ZOOM ? householdsInView(households, withMargin([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]), this.filter) : null;
    if (inView) {
      this.binsKey = null;
      this.setData(HOUSEHOLDS_SOURCE, householdsGeoJson(households, inView));
      this.setData(HOUSEHOLD_BINS_SOURCE, EMPTY);
      return;
    }
    const key = `${Math.floor(zoom)}|${JSON.stringify(this.filter)}|${this.uncovered.join(',')}`;
    if (this.binsKey === key) return;
    this.binsKey = key;
    this.setData(HOUSEHOLD_BINS_SOURCE, householdBins(households, zoom, this.filter, this.uncovered));
    this.setData(HOUSEHOLDS_SOURCE, EMPTY);
  }
}

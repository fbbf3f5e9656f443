/**
 * The imperative owner of the MapLibre map, fed from the store (placemark's PMap pattern).
 * It keeps no domain state of its own: it remembers only what it last handed to MapLibre so it
 * can skip redundant `setData` calls, and reports clicks through `onSelect`.
 */
import { AttributionControl, Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import type { GeoJSONSource, MapMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Household, Site } from '../core/index.ts';
import { basemapStyle, SHIZHU_BOUNDS } from './basemap-style.ts';
import {
  HOUSEHOLDS_LAYER,
  HOUSEHOLDS_SOURCE,
  householdsLayer,
  selectedHouseholdLayer,
  siteLabelsLayer,
  SITES_LAYER,
  SITES_SOURCE,
  sitesLayer,
} from './data-layers.ts';
import { householdBounds, householdFilter, householdsGeoJson, sitesGeoJson, type HouseholdFilter } from './data-sources.ts';

setWorkerUrl(workerUrl);

export type MapSelection = { kind: 'household'; index: number } | { kind: 'site'; index: number } | null;

export interface MapControllerOptions {
  container: HTMLElement;
  attribution: string;
  onSelect: (selection: MapSelection) => void;
}

export class MapController {
  readonly map: MapLibreMap;
  private loaded = false;
  private households: readonly Household[] | null = null;
  private sites: readonly Site[] | null = null;
  private filter: HouseholdFilter = { hiddenClasses: [], township: null, village: null };
  private selection: MapSelection = null;
  private attribution: AttributionControl;
  private selectedSite: number | null = null;

  constructor(private readonly options: MapControllerOptions) {
    this.map = new MapLibreMap({
      container: options.container,
      style: basemapStyle(document.baseURI),
      bounds: SHIZHU_BOUNDS,
      fitBoundsOptions: { padding: 24 },
      attributionControl: false,
      localIdeographFontFamily: "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif",
      maxZoom: 18,
    });
    this.attribution = new AttributionControl({ compact: false, customAttribution: options.attribution });
    this.map.addControl(this.attribution, 'bottom-right');
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.on('load', () => this.onLoad());
  }

  private onLoad(): void {
    const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
    this.map.addSource(HOUSEHOLDS_SOURCE, { type: 'geojson', data: empty });
    this.map.addSource(SITES_SOURCE, { type: 'geojson', data: empty });
    this.map.addLayer(householdsLayer);
    this.map.addLayer(selectedHouseholdLayer);
    this.map.addLayer(sitesLayer);
    this.map.addLayer(siteLabelsLayer);
    this.map.on('click', (e) => this.onClick(e));
    for (const layer of [HOUSEHOLDS_LAYER, SITES_LAYER]) {
      this.map.on('mouseenter', layer, () => (this.map.getCanvas().style.cursor = 'pointer'));
      this.map.on('mouseleave', layer, () => (this.map.getCanvas().style.cursor = ''));
    }
    this.loaded = true;
    const households = this.households;
    const sites = this.sites;
    this.households = null;
    this.sites = null;
    if (households) this.setHouseholds(households);
    if (sites) this.setSites(sites);
    this.setFilter(this.filter);
    this.setSelection(this.selection);
  }

  private onClick(e: MapMouseEvent): void {
    const pad = 6;
    const box: [[number, number], [number, number]] = [
      [e.point.x - pad, e.point.y - pad],
      [e.point.x + pad, e.point.y + pad],
    ];
    const site = this.map.queryRenderedFeatures(box, { layers: [SITES_LAYER] })[0];
    if (site) return this.options.onSelect({ kind: 'site', index: Number(site.properties.i) });
    const households = this.map.queryRenderedFeatures(box, { layers: [HOUSEHOLDS_LAYER] });
    if (households.length === 0) return this.options.onSelect(null);
    // The nearest of the dots under the pointer.
    let best = households[0]!;
    let bestD = Infinity;
    for (const f of households) {
      const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates as [number, number];
      const p = this.map.project([lon, lat]);
      const d = (p.x - e.point.x) ** 2 + (p.y - e.point.y) ** 2;
      if (d < bestD) {
        best = f;
        bestD = d;
      }
    }
    this.options.onSelect({ kind: 'household', index: Number(best.properties.i) });
  }

  setHouseholds(households: readonly Household[]): void {
    if (households === this.households) return;
    this.households = households;
    if (!this.loaded) return;
    (this.map.getSource(HOUSEHOLDS_SOURCE) as GeoJSONSource).setData(householdsGeoJson(households));
    if (households.length > 0) this.fitTo(households);
  }

  setSites(sites: readonly Site[]): void {
    if (sites === this.sites) return;
    this.sites = sites;
    if (!this.loaded) return;
    (this.map.getSource(SITES_SOURCE) as GeoJSONSource).setData(sitesGeoJson(sites));
  }

  setFilter(filter: HouseholdFilter): void {
    this.filter = filter;
    if (!this.loaded) return;
    this.map.setFilter(HOUSEHOLDS_LAYER, householdFilter(filter));
  }

  setSelection(selection: MapSelection): void {
    this.selection = selection;
    if (!this.loaded) return;
    const index = selection?.kind === 'household' ? selection.index : -1;
    this.map.setFilter(selectedHouseholdLayer.id, ['==', ['get', 'i'], index]);
    if (this.selectedSite !== null) this.map.setFeatureState({ source: SITES_SOURCE, id: this.selectedSite }, { selected: false });
    this.selectedSite = selection?.kind === 'site' ? selection.index : null;
    if (this.selectedSite !== null) this.map.setFeatureState({ source: SITES_SOURCE, id: this.selectedSite }, { selected: true });
  }

  setAttribution(text: string): void {
    if (text === this.options.attribution) return;
    this.options.attribution = text;
    this.map.removeControl(this.attribution);
    this.attribution = new AttributionControl({ compact: false, customAttribution: text });
    this.map.addControl(this.attribution, 'bottom-right');
  }

  fitTo(households: readonly Household[]): void {
    const bounds = householdBounds(households) ?? SHIZHU_BOUNDS;
    this.map.fitBounds(bounds, { padding: 40, maxZoom: 14, duration: 0 });
  }

  destroy(): void {
    this.map.remove();
  }
}

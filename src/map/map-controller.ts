/**
 * The imperative owner of the MapLibre map, fed from the store (placemark's PMap pattern).
 * It keeps no domain state of its own: it remembers only what it last handed to MapLibre so it
 * can skip redundant `setData` calls, and reports clicks through `onSelect`.
 */
import { AttributionControl, Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import type { GeoJSONSource, MapMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { BlindspotCluster, Household, Site } from '../core/index.ts';
import { basemapStyle, SHIZHU_BOUNDS } from './basemap-style.ts';
import {
  CLUSTER_LABELS_SOURCE,
  clusterLabelsLayer,
  topClusterLabelsLayer,
  CLUSTERS_FILL_LAYER,
  CLUSTERS_SOURCE,
  clustersFillLayer,
  clustersLineLayer,
  HOUSEHOLDS_LAYER,
  HOUSEHOLDS_SOURCE,
  householdsLayer,
  isolatedHouseholdsLayer,
  selectedHouseholdLayer,
  siteCoverageFillLayer,
  siteCoverageLineLayer,
  SITE_COVERAGE_SOURCE,
  siteLabelsLayer,
  SITES_LAYER,
  SITES_SOURCE,
  sitesLayer,
} from './data-layers.ts';
import {
  clusterLabelsGeoJson,
  clustersGeoJson,
  householdBounds,
  householdFilter,
  householdsGeoJson,
  isolatedFilter,
  siteCoverageGeoJson,
  sitesGeoJson,
  type Bounds,
  type HouseholdFilter,
} from './data-sources.ts';

setWorkerUrl(workerUrl);

/** What a click picked, by index into the arrays last handed to the controller. */
export type MapSelection =
  | { kind: 'household'; index: number }
  | { kind: 'site'; index: number }
  | { kind: 'cluster'; index: number }
  | null;

export interface MapControllerOptions {
  container: HTMLElement;
  attribution: string;
  onSelect: (selection: MapSelection) => void;
}

interface ClusterData {
  clusters: readonly BlindspotCluster[];
  label: (cluster: BlindspotCluster) => string;
}

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

export class MapController {
  readonly map: MapLibreMap;
  private loaded = false;
  private households: readonly Household[] | null = null;
  private sites: readonly Site[] | null = null;
  private clusterData: ClusterData | null = null;
  private isolated: readonly number[] = [];
  private filter: HouseholdFilter = { hiddenClasses: [], township: null, village: null };
  private selection: MapSelection = null;
  private attributionText: string;
  private attribution: AttributionControl;
  /** Feature-state `selected` currently set, per source. */
  private selectedFeature: { source: string; id: number } | null = null;

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
    this.attributionText = options.attribution;
    this.attribution = new AttributionControl({ compact: false, customAttribution: options.attribution });
    this.map.addControl(this.attribution, 'bottom-right');
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.on('load', () => this.onLoad());
  }

  private onLoad(): void {
    for (const source of [SITE_COVERAGE_SOURCE, CLUSTERS_SOURCE, HOUSEHOLDS_SOURCE, SITES_SOURCE, CLUSTER_LABELS_SOURCE]) {
      this.map.addSource(source, { type: 'geojson', data: EMPTY });
    }
    for (const layer of [
      siteCoverageFillLayer,
      siteCoverageLineLayer,
      clustersFillLayer,
      clustersLineLayer,
      householdsLayer,
      isolatedHouseholdsLayer,
      selectedHouseholdLayer,
      sitesLayer,
      siteLabelsLayer,
      clusterLabelsLayer,
      topClusterLabelsLayer,
    ]) {
      this.map.addLayer(layer);
    }
    this.map.on('click', (e) => this.onClick(e));
    for (const layer of [HOUSEHOLDS_LAYER, SITES_LAYER, CLUSTERS_FILL_LAYER]) {
      this.map.on('mouseenter', layer, () => (this.map.getCanvas().style.cursor = 'pointer'));
      this.map.on('mouseleave', layer, () => (this.map.getCanvas().style.cursor = ''));
    }
    this.loaded = true;
    // Hand MapLibre everything that arrived before the style was ready.
    const { households, sites, clusterData } = this;
    this.households = this.sites = this.clusterData = null;
    if (households) this.setHouseholds(households);
    if (sites) this.setSites(sites);
    if (clusterData) this.setClusters(clusterData.clusters, clusterData.label);
    this.setFilter(this.filter);
    this.setIsolated(this.isolated);
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
    if (households.length > 0) {
      // The nearest of the dots under the pointer.
      let best = households[0]!;
      let bestD = Infinity;
      for (const f of households) {
        const p = this.map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
        const d = (p.x - e.point.x) ** 2 + (p.y - e.point.y) ** 2;
        if (d < bestD) {
          best = f;
          bestD = d;
        }
      }
      return this.options.onSelect({ kind: 'household', index: Number(best.properties.i) });
    }
    const cluster = this.map.queryRenderedFeatures(e.point, { layers: [CLUSTERS_FILL_LAYER] })[0];
    if (cluster) return this.options.onSelect({ kind: 'cluster', index: Number(cluster.properties.i) });
    this.options.onSelect(null);
  }

  private setData(source: string, data: GeoJSON.FeatureCollection): void {
    (this.map.getSource(source) as GeoJSONSource).setData(data);
  }

  setHouseholds(households: readonly Household[]): void {
    if (households === this.households) return;
    this.households = households;
    if (!this.loaded) return;
    this.setData(HOUSEHOLDS_SOURCE, householdsGeoJson(households));
    if (households.length > 0) this.fitTo(households);
  }

  setSites(sites: readonly Site[]): void {
    if (sites === this.sites) return;
    this.sites = sites;
    if (!this.loaded) return;
    this.setData(SITES_SOURCE, sitesGeoJson(sites));
    this.setData(SITE_COVERAGE_SOURCE, siteCoverageGeoJson(sites));
  }

  /** Cluster outlines and their labels; `label` is called again only when it changes (language). */
  setClusters(clusters: readonly BlindspotCluster[], label: (cluster: BlindspotCluster) => string): void {
    if (clusters === this.clusterData?.clusters && label === this.clusterData.label) return;
    const outlinesChanged = clusters !== this.clusterData?.clusters;
    this.clusterData = { clusters, label };
    if (!this.loaded) return;
    if (outlinesChanged) this.setData(CLUSTERS_SOURCE, clustersGeoJson(clusters));
    this.setData(CLUSTER_LABELS_SOURCE, clusterLabelsGeoJson(clusters, label));
  }

  setIsolated(isolated: readonly number[]): void {
    this.isolated = isolated;
    if (!this.loaded) return;
    this.map.setFilter(isolatedHouseholdsLayer.id, isolatedFilter(isolated, this.filter));
  }

  setFilter(filter: HouseholdFilter): void {
    this.filter = filter;
    if (!this.loaded) return;
    this.map.setFilter(HOUSEHOLDS_LAYER, householdFilter(filter));
    this.map.setFilter(isolatedHouseholdsLayer.id, isolatedFilter(this.isolated, filter));
  }

  setSelection(selection: MapSelection): void {
    this.selection = selection;
    if (!this.loaded) return;
    const index = selection?.kind === 'household' ? selection.index : -1;
    this.map.setFilter(selectedHouseholdLayer.id, ['==', ['get', 'i'], index]);
    if (this.selectedFeature) this.map.setFeatureState(this.selectedFeature, { selected: false });
    this.selectedFeature = null;
    if (selection?.kind === 'site') this.selectedFeature = { source: SITES_SOURCE, id: selection.index };
    if (selection?.kind === 'cluster') this.selectedFeature = { source: CLUSTERS_SOURCE, id: selection.index };
    if (this.selectedFeature) this.map.setFeatureState(this.selectedFeature, { selected: true });
  }

  setAttribution(text: string): void {
    if (text === this.attributionText) return;
    this.attributionText = text;
    this.map.removeControl(this.attribution);
    this.attribution = new AttributionControl({ compact: false, customAttribution: text });
    this.map.addControl(this.attribution, 'bottom-right');
  }

  fitTo(households: readonly Household[]): void {
    this.flyTo(householdBounds(households) ?? SHIZHU_BOUNDS, 0);
  }

  flyTo(bounds: Bounds, durationMs = 600): void {
    this.map.fitBounds(bounds, { padding: 60, maxZoom: 15, duration: durationMs });
  }

  destroy(): void {
    this.map.remove();
  }
}

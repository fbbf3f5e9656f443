/**
 * The imperative owner of the MapLibre map, fed from the store (placemark's PMap pattern).
 * It keeps no domain state of its own: it remembers only what it last handed to MapLibre so it
 * can skip redundant `setData` calls, and reports clicks through `onSelect`.
 */
import { AttributionControl, Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import type { GeoJSONSource, MapMouseEvent, MapTouchEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { AreaRow, AttendanceClass, BlindspotCluster, HexCell, HouseholdTable, ProposedSite, Site } from '../core/index.ts';
import { basemapStyle, SHIZHU_BOUNDS } from './basemap-style.ts';
import {
  areaLabelsLayer,
  AREAS_LAYER,
  AREAS_SOURCE,
  areasLayer,
  ENGINEER_LAYER_IDS,
  hexagonsLayer,
  HEXAGONS_LAYER,
  HEXAGONS_SOURCE,
  HOUSEHOLD_LAYER_IDS,
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
  HOUSEHOLD_BINS_LAYER,
  HOUSEHOLD_BINS_SOURCE,
  householdBinsLayer,
  isolatedHouseholdsLayer,
  newlyCoveredHouseholdsLayer,
  unreportedHouseholdsLayer,
  pinnedLayer,
  PINNED_SOURCE,
  proposalCoverageFillLayer,
  proposalCoverageLineLayer,
  PROPOSAL_COVERAGE_SOURCE,
  proposalLabelsLayer,
  PROPOSALS_LAYER,
  PROPOSALS_SOURCE,
  proposalsLayer,
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
  areasGeoJson,
  hexagonsGeoJson,
  clusterLabelsGeoJson,
  clustersGeoJson,
  householdBounds,
  pinnedGeoJson,
  proposalCoverageGeoJson,
  proposalsGeoJson,
  siteCoverageGeoJson,
  sitesGeoJson,
  type Bounds,
  type HouseholdFilter,
  type OutlineOf,
} from './data-sources.ts';
import type { CoverageImage } from './coverage-image.ts';
import { POINTS_MIN_ZOOM } from './household-view.ts';
import { HouseholdLayers } from './household-layers.ts';
import { TerrainCoverageLayer } from './terrain-coverage-layer.ts';

setWorkerUrl(workerUrl);

/** What a click picked, by index into the arrays last handed to the controller. */
export type MapSelection =
  | { kind: 'household'; index: number }
  | { kind: 'site'; index: number }
  | { kind: 'cluster'; index: number }
  | { kind: 'proposal'; index: number }
  | null;

/** What a click on the map does (the plan's mode). */
export type ClickMode = 'select' | 'add' | 'pin';

export interface MapControllerOptions {
  container: HTMLElement;
  attribution: string;
  onSelect: (selection: MapSelection) => void;
  /** A click in add mode: a new proposal here. */
  onAdd: (lon: number, lat: number) => void;
  /** A click in pin mode: a candidate point here. */
  onPin: (lon: number, lat: number) => void;
  /** Every frame of a proposal's drag, then once at the end. */
  onDrag: (index: number, lon: number, lat: number) => void;
  onDragEnd: () => void;
  /** A click on an area symbol or hexagon of the aggregate map (the area's key; hexagons: null). */
  onSelectArea: (key: string | null) => void;
  /** After every zoom (the hexagon resolution follows it). */
  onZoomEnd: (zoom: number) => void;
}

/** What the map shows of the data: homes and clusters, or aggregates only (privacy, committee view). */
export interface LayerMode {
  households: boolean;
  clusters: boolean;
  aggregates: 'none' | 'symbols' | 'hexagons';
  /** Proposals can be dragged (the engineer view). */
  editable: boolean;
}

interface AreaData {
  rows: readonly AreaRow[];
  after: boolean;
  label: (row: AreaRow) => string;
  minHouseholds: number;
}

interface ClusterData {
  clusters: readonly BlindspotCluster[];
  label: (cluster: BlindspotCluster) => string;
}

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

export class MapController {
  readonly map: MapLibreMap;
  private loaded = false;
  private sites: readonly Site[] | null = null;
  private clusterData: ClusterData | null = null;
  private proposals: readonly ProposedSite[] | null = null;
  private outlineOf: OutlineOf = () => null;
  private readonly terrainLayer = new TerrainCoverageLayer();
  private readonly householdLayers = new HouseholdLayers();
  private pinned: readonly (readonly [number, number])[] | null = null;
  private mode: ClickMode = 'select';
  /** The proposal being dragged (its index), or -1. */
  private dragging = -1;
  private layerMode: LayerMode = { households: true, clusters: true, aggregates: 'none', editable: true };
  private areaData: AreaData | null = null;
  private hexData: { cells: readonly HexCell[]; after: boolean } | null = null;
  private selectedArea: string | null = null;
  private selection: MapSelection = null;
  private attributionText: string;
  private attribution: AttributionControl;
  /** Features whose state `selected` is set. */
  private selectedFeatures: { source: string; id: number }[] = [];

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
    for (const source of [
      SITE_COVERAGE_SOURCE, CLUSTERS_SOURCE, HOUSEHOLDS_SOURCE, HOUSEHOLD_BINS_SOURCE, SITES_SOURCE, CLUSTER_LABELS_SOURCE,
      PROPOSAL_COVERAGE_SOURCE, PROPOSALS_SOURCE, PINNED_SOURCE, AREAS_SOURCE, HEXAGONS_SOURCE,
    ]) {
      this.map.addSource(source, { type: 'geojson', data: EMPTY });
    }
    for (const layer of [
      siteCoverageFillLayer,
      siteCoverageLineLayer,
      clustersFillLayer,
      clustersLineLayer,
      hexagonsLayer,
      householdBinsLayer,
      householdsLayer,
      isolatedHouseholdsLayer,
      proposalCoverageFillLayer,
      proposalCoverageLineLayer,
      newlyCoveredHouseholdsLayer,
      unreportedHouseholdsLayer,
      selectedHouseholdLayer,
      sitesLayer,
      siteLabelsLayer,
      clusterLabelsLayer,
      topClusterLabelsLayer,
      areasLayer,
      areaLabelsLayer,
      pinnedLayer,
      proposalsLayer,
      proposalLabelsLayer,
    ]) {
      this.map.addLayer(layer);
    }
    this.terrainLayer.addTo(this.map, proposalCoverageFillLayer.id);
    this.map.on('click', (e) => this.onClick(e));
    for (const layer of [HOUSEHOLDS_LAYER, SITES_LAYER, CLUSTERS_FILL_LAYER]) {
      this.map.on('mouseenter', layer, () => this.setCursor('pointer'));
      this.map.on('mouseleave', layer, () => this.setCursor(''));
    }
    this.map.on('mouseenter', PROPOSALS_LAYER, () => this.setCursor('grab'));
    this.map.on('mouseleave', PROPOSALS_LAYER, () => this.setCursor(''));
    this.map.on('mousedown', PROPOSALS_LAYER, (e) => this.startDrag(e));
    this.map.on('touchstart', PROPOSALS_LAYER, (e) => this.startDrag(e));
    this.map.on('mousemove', (e) => this.moveDrag(e));
    this.map.on('touchmove', (e) => this.moveDrag(e));
    this.map.on('mouseup', () => this.endDrag());
    this.map.on('touchend', () => this.endDrag());
    for (const layer of [AREAS_LAYER, HEXAGONS_LAYER]) {
      this.map.on('mouseenter', layer, () => this.setCursor('pointer'));
      this.map.on('mouseleave', layer, () => this.setCursor(''));
    }
    this.map.on('zoomend', () => this.options.onZoomEnd(this.map.getZoom()));
    this.map.on('mouseenter', HOUSEHOLD_BINS_LAYER, () => this.setCursor('pointer'));
    this.map.on('mouseleave', HOUSEHOLD_BINS_LAYER, () => this.setCursor(''));
    this.loaded = true;
    // Hand MapLibre everything that arrived before the style was ready.
    this.householdLayers.attach(this.map);
    const { sites, clusterData, proposals, pinned } = this;
    this.sites = this.clusterData = this.proposals = this.pinned = null;
    if (sites) this.setSites(sites);
    if (clusterData) this.setClusters(clusterData.clusters, clusterData.label);
    if (proposals) this.setProposals(proposals, this.outlineOf);
    if (pinned) this.setPinned(pinned);
    const { areaData, hexData } = this;
    this.areaData = this.hexData = null;
    if (areaData) this.setAreas(areaData.rows, areaData.after, areaData.label, areaData.minHouseholds);
    if (hexData) this.setHexagons(hexData.cells, hexData.after);
    this.applyLayerMode();
    this.setSelection(this.selection);
  }

  /** In add or pin mode the map shows a crosshair; over a proposal, a hand. */
  private setCursor(cursor: string): void {
    if (this.dragging >= 0) return;
    this.map.getCanvas().style.cursor = cursor || (this.mode === 'select' ? '' : 'crosshair');
  }

  private startDrag(e: (MapMouseEvent | MapTouchEvent) & { features?: GeoJSON.Feature[] }): void {
    if (e.type === 'touchstart' && (e as MapTouchEvent).points.length !== 1) return;
    const feature = e.features?.[0];
    if (!feature || !this.layerMode.editable) return;
    e.preventDefault(); // no map pan during this gesture
    this.dragging = Number(feature.properties?.i);
    this.map.getCanvas().style.cursor = 'grabbing';
  }

  private moveDrag(e: MapMouseEvent | MapTouchEvent): void {
    if (this.dragging < 0) return;
    this.options.onDrag(this.dragging, e.lngLat.lng, e.lngLat.lat);
  }

  private endDrag(): void {
    if (this.dragging < 0) return;
    this.dragging = -1;
    this.setCursor('grab');
    this.options.onDragEnd();
  }

  private onClick(e: MapMouseEvent): void {
    const pad = 6;
    const box: [[number, number], [number, number]] = [
      [e.point.x - pad, e.point.y - pad],
      [e.point.x + pad, e.point.y + pad],
    ];
    const proposal = this.map.queryRenderedFeatures(box, { layers: [PROPOSALS_LAYER] })[0];
    if (proposal) return this.options.onSelect({ kind: 'proposal', index: Number(proposal.properties.i) });
    if (this.layerMode.aggregates === 'symbols') {
      const area = this.map.queryRenderedFeatures(box, { layers: [AREAS_LAYER] })[0];
      return this.options.onSelectArea(area ? String(area.properties.key) : null);
    }
    if (!this.layerMode.households) return this.options.onSelect(null);
    if (this.mode === 'add') return this.options.onAdd(e.lngLat.lng, e.lngLat.lat);
    if (this.mode === 'pin') return this.options.onPin(e.lngLat.lng, e.lngLat.lat);
    const site = this.map.queryRenderedFeatures(box, { layers: [SITES_LAYER] })[0];
    if (site) return this.options.onSelect({ kind: 'site', index: Number(site.properties.i) });
    const bin = this.map.queryRenderedFeatures(box, { layers: [HOUSEHOLD_BINS_LAYER] })[0];
    if (bin) {
      const [lon, lat] = (bin.geometry as GeoJSON.Point).coordinates as [number, number];
      this.map.easeTo({ center: [lon, lat], zoom: Math.min(POINTS_MIN_ZOOM, this.map.getZoom() + 2) });
      return;
    }
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

  setHouseholds(households: HouseholdTable): void {
    // A large dataset is drawn once the view settles on it (`HouseholdLayers`).
    if (this.householdLayers.setHouseholds(households) && this.loaded && households.count > 0) this.fitTo(households);
  }

  /** The classes that count as uncovered (colour of the bins of a large dataset). */
  setUncovered(uncovered: readonly AttendanceClass[]): void {
    this.householdLayers.setUncovered(uncovered);
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

  /** Proposals at their current (possibly dragged) positions, with their coverage outlines. */
  setProposals(proposals: readonly ProposedSite[], outlineOf: OutlineOf): void {
    if (proposals === this.proposals && outlineOf === this.outlineOf) return;
    this.proposals = proposals;
    this.outlineOf = outlineOf;
    if (!this.loaded) return;
    this.setData(PROPOSALS_SOURCE, proposalsGeoJson(proposals));
    this.setData(PROPOSAL_COVERAGE_SOURCE, proposalCoverageGeoJson(proposals, outlineOf));
    this.setSelection(this.selection);
  }

  /** Rings the homes the plan newly covers (indices into the households). */
  setNewlyCovered(indices: readonly number[]): void {
    this.householdLayers.setRings('newlyCovered', indices);
  }

  /** Rings the homes without a report that no existing site is predicted to cover (indices into the households). */
  setUnreported(indices: readonly number[]): void {
    this.householdLayers.setRings('unreported', indices);
  }

  /** The terrain coverage picture (null: none). */
  setCoverageImage(image: CoverageImage | null): void {
    this.terrainLayer.set(image);
  }

  setPinned(pinned: readonly (readonly [number, number])[]): void {
    if (pinned === this.pinned) return;
    this.pinned = pinned;
    if (!this.loaded) return;
    this.setData(PINNED_SOURCE, pinnedGeoJson(pinned));
  }

  /** Which data layers show; household-level ones are not even queried when hidden. */
  setLayerMode(mode: LayerMode): void {
    const m = this.layerMode;
    if (m.households === mode.households && m.clusters === mode.clusters && m.aggregates === mode.aggregates && m.editable === mode.editable) return;
    this.layerMode = mode;
    if (this.loaded) this.applyLayerMode();
  }

  private applyLayerMode(): void {
    const show = (ids: readonly string[], on: boolean) => {
      for (const id of ids) this.map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
    };
    const { households, clusters, aggregates } = this.layerMode;
    show(HOUSEHOLD_LAYER_IDS, households);
    show(ENGINEER_LAYER_IDS, clusters);
    show([AREAS_LAYER, areaLabelsLayer.id], aggregates === 'symbols');
    show([HEXAGONS_LAYER], aggregates === 'hexagons');
    this.terrainLayer.setVisible(this.layerMode.editable);
  }

  /** Areas of the aggregate map; `minHouseholds` leaves out small ones (privacy mode). */
  setAreas(rows: readonly AreaRow[], after: boolean, label: (row: AreaRow) => string, minHouseholds: number): void {
    const d = this.areaData;
    if (d && d.rows === rows && d.after === after && d.label === label && d.minHouseholds === minHouseholds) return;
    this.areaData = { rows, after, label, minHouseholds };
    if (!this.loaded) return;
    this.setData(AREAS_SOURCE, areasGeoJson(rows, after, label, minHouseholds));
    this.applySelectedArea();
  }

  setHexagons(cells: readonly HexCell[], after: boolean): void {
    if (this.hexData?.cells === cells && this.hexData.after === after) return;
    this.hexData = { cells, after };
    if (this.loaded) this.setData(HEXAGONS_SOURCE, hexagonsGeoJson(cells, after));
  }

  /** Outlines the area with this key (a table row selected). */
  setSelectedArea(key: string | null): void {
    if (key === this.selectedArea) return;
    this.selectedArea = key;
    this.applySelectedArea();
  }

  private applySelectedArea(): void {
    if (!this.loaded || !this.areaData) return;
    this.map.removeFeatureState({ source: AREAS_SOURCE });
    const key = this.selectedArea;
    const index = key === null ? -1 : this.areaData.rows.findIndex((r) => r.key === key);
    if (index >= 0) this.map.setFeatureState({ source: AREAS_SOURCE, id: index }, { selected: true });
  }

  setMode(mode: ClickMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    if (this.loaded) this.setCursor('');
  }

  setIsolated(isolated: readonly number[]): void {
    this.householdLayers.setRings('isolated', isolated);
  }

  setFilter(filter: HouseholdFilter): void {
    this.householdLayers.setFilter(filter);
  }

  setSelection(selection: MapSelection): void {
    this.selection = selection;
    if (!this.loaded) return;
    this.householdLayers.setSelected(selection?.kind === 'household' ? selection.index : -1);
    for (const feature of this.selectedFeatures) this.map.setFeatureState(feature, { selected: false });
    this.selectedFeatures = [];
    if (selection?.kind === 'site') this.selectedFeatures = [{ source: SITES_SOURCE, id: selection.index }];
    if (selection?.kind === 'cluster') this.selectedFeatures = [{ source: CLUSTERS_SOURCE, id: selection.index }];
    if (selection?.kind === 'proposal') {
      this.selectedFeatures = [PROPOSALS_SOURCE, PROPOSAL_COVERAGE_SOURCE].map((source) => ({ source, id: selection.index }));
    }
    for (const feature of this.selectedFeatures) this.map.setFeatureState(feature, { selected: true });
  }

  setAttribution(text: string): void {
    if (text === this.attributionText) return;
    this.attributionText = text;
    this.map.removeControl(this.attribution);
    this.attribution = new AttributionControl({ compact: false, customAttribution: text });
    this.map.addControl(this.attribution, 'bottom-right');
  }

  /** Fits the view to the households (those at `indices` when given). */
  fitTo(households: HouseholdTable, indices?: ArrayLike<number>): void {
    this.flyTo(householdBounds(households, indices) ?? SHIZHU_BOUNDS, 0);
  }

  flyTo(bounds: Bounds, durationMs = 600): void {
    this.map.fitBounds(bounds, { padding: 60, maxZoom: 15, duration: durationMs });
  }

  destroy(): void {
    this.map.remove();
  }
}

/**
 * Mounts the map controller and feeds it from the store — households, sites, clusters, the plan
 * (live during a drag), the committee aggregates and what privacy mode hides — and forwards clicks,
 * drags and zoom to the actions. Exposes the map as `window.__map` (tests) and to the report.
 */
import { useEffect, useRef } from 'react';
import 'maplibre-gl/dist/maplibre-gl.css';
import {
  countsInPlan, hexResolutionForZoom, householdIdAt, PRIVACY_MIN_COUNT, PROPAGATION_DEFAULTS, radiusCoverageModel, type BlindspotCluster, type ProposedSite,
} from '../core/index.ts';
import { MapController, type MapSelection } from '../map/map-controller.ts';
import { composeCoverageImage, type CoverageImage } from '../map/coverage-image.ts';
import type { OutlineOf } from '../map/data-sources.ts';
import { siteTerrainCoverage } from '../state/terrain-coverage.ts';
import type { TerrainSlice } from '../state/store.ts';
import { translate, type Lang } from '../i18n/translate.ts';
import { appStore } from '../state/app-store.ts';
import { select } from '../state/actions/ui-actions.ts';
import { addProposal, dragProposal, endDrag, pinCandidate } from '../state/actions/plan-actions.ts';
import { selectPlanImpact } from '../state/plan-impact.ts';
import { selectArea } from '../state/actions/committee-actions.ts';
import { areaName, selectAreaReport, selectHexCells, selectPrivacy } from '../state/committee-selectors.ts';
import { setMapHandle } from './map-handle.ts';
import { selectAnalysis, selectAreaIndices, selectHouseholdIndex } from '../state/selectors.ts';
import type { AppState, Selection } from '../state/store.ts';

const NO_CLUSTERS: BlindspotCluster[] = [];
const NO_INDICES: number[] = [];

const radiusOutline: OutlineOf = (site) => radiusCoverageModel.outline(site);

/**
 * Terrain coverage as the map draws it, kept per answers set: each proposal's outline (its last
 * answer while a new one is computed; none before the first) and the best-server picture of the
 * counting proposals' rasters.
 */
function terrainPicture() {
  let last: { coverage: TerrainSlice['coverage']; proposals: readonly ProposedSite[]; outlineOf: OutlineOf; image: CoverageImage | null } | null = null;
  return (coverage: TerrainSlice['coverage'], proposals: readonly ProposedSite[]) => {
    if (last?.coverage === coverage && last.proposals === proposals) return last;
    const outlineOf: OutlineOf = last?.coverage === coverage ? last.outlineOf : (site) => siteTerrainCoverage(coverage, site)?.entry.outline ?? null;
    const rasters = new Set(proposals.filter(countsInPlan).map((p) => siteTerrainCoverage(coverage, p)?.entry.raster).filter((r) => r !== undefined));
    const image = last?.coverage === coverage && last.proposals.length === proposals.length && last.proposals.every((p, i) => p.status === proposals[i]!.status)
      ? last.image : composeCoverageImage([...rasters], PROPAGATION_DEFAULTS.thresholdDbm);
    last = { coverage, proposals, outlineOf, image };
    return last;
  };
}

function toStoreSelection(state: AppState, selection: MapSelection): Selection {
  switch (selection?.kind) {
    case 'household': {
      const { households } = state.dataset;
      return selection.index < households.count ? { kind: 'household', id: householdIdAt(households, selection.index) } : null;
    }
    case 'site': {
      const site = state.dataset.sites[selection.index];
      return site ? { kind: 'site', id: site.id } : null;
    }
    case 'cluster': {
      const cluster = selectAnalysis(state)?.clusters[selection.index];
      return cluster ? { kind: 'cluster', id: cluster.id } : null;
    }
    case 'proposal': {
      const proposal = state.plan.proposals[selection.index];
      return proposal ? { kind: 'proposal', id: proposal.id } : null;
    }
    default:
      return null;
  }
}

function toMapSelection(state: AppState): MapSelection {
  const selection = state.ui.selection;
  let index = -1;
  switch (selection?.kind) {
    case 'household':
      index = selectHouseholdIndex(state).get(selection.id) ?? -1;
      break;
    case 'site':
      index = state.dataset.sites.findIndex((s) => s.id === selection.id);
      break;
    case 'cluster':
      index = selectAnalysis(state)?.clusters.findIndex((c) => c.id === selection.id) ?? -1;
      break;
    case 'proposal':
      index = state.plan.proposals.findIndex((p) => p.id === selection.id);
      break;
  }
  return selection && index >= 0 ? { kind: selection.kind, index } : null;
}

/** One label function per language, so the controller relabels only when the language changes. */
const clusterLabels = new Map<Lang, (cluster: BlindspotCluster) => string>();
function clusterLabel(lang: Lang) {
  let label = clusterLabels.get(lang);
  if (!label) {
    label = (c) => translate(lang, 'cluster.mapLabel', { rank: c.rank, students: c.uncoveredStudents });
    clusterLabels.set(lang, label);
  }
  return label;
}

export function MapView({ onWebGlError }: { onWebGlError: () => void }) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current) return;
    let controller: MapController;
    try {
      controller = new MapController({
        container: container.current,
        attribution: translate(appStore.getState().settings.lang, 'map.attribution'),
        onSelect: (selection) => select(toStoreSelection(appStore.getState(), selection)),
        onAdd: (lon, lat) => addProposal(lon, lat),
        onPin: (lon, lat) => pinCandidate(lon, lat),
        onDrag: (index, lon, lat) => {
          const proposal = appStore.getState().plan.proposals[index];
          if (proposal) dragProposal(proposal.id, lon, lat);
        },
        onDragEnd: endDrag,
        onSelectArea: selectArea,
        onZoomEnd: (zoom) => {
          const next = hexResolutionForZoom(zoom);
          if (next === resolution) return;
          resolution = next;
          push(appStore.getState());
        },
      });
    } catch {
      onWebGlError();
      return;
    }
    window.__map = controller.map;
    setMapHandle(controller.map);
    let resolution = hexResolutionForZoom(controller.map.getZoom());
    let prev: AppState | null = null;
    let prevNewlyCovered: readonly number[] | null = null;
    const terrain = terrainPicture();
    const push = (state: AppState) => {
      const { dataset, ui, settings, plan } = state;
      const analysis = selectAnalysis(state);
      const impact = selectPlanImpact(state);
      controller.setHouseholds(dataset.households);
      controller.setUncovered(state.analysis.settings.uncovered);
      controller.setSites(dataset.sites);
      controller.setClusters(analysis?.clusters ?? NO_CLUSTERS, clusterLabel(settings.lang));
      if (!prev || ui.hiddenClasses !== prev.ui.hiddenClasses || ui.township !== prev.ui.township || ui.village !== prev.ui.village) {
        controller.setFilter({ hiddenClasses: ui.hiddenClasses, township: ui.township, village: ui.village });
      }
      if (prev && (ui.township !== prev.ui.township || ui.village !== prev.ui.village)) {
        controller.fitTo(dataset.households, selectAreaIndices(state) ?? undefined);
      }
      if (!prev || selectAnalysis(prev) !== analysis) controller.setIsolated(analysis?.isolatedIndices ?? NO_INDICES);
      if (impact.model === 'terrain') {
        const picture = terrain(state.terrain.coverage, impact.proposals);
        controller.setProposals(impact.proposals, picture.outlineOf);
        controller.setCoverageImage(picture.image);
      } else {
        controller.setProposals(impact.proposals, radiusOutline);
        controller.setCoverageImage(null);
      }
      const unreported = state.terrain.unreported;
      controller.setUnreported(unreported?.households === dataset.households && state.terrain.showUnreported ? unreported.indices : NO_INDICES);
      if (impact.newlyCovered !== prevNewlyCovered) controller.setNewlyCovered(impact.newlyCovered);
      prevNewlyCovered = impact.newlyCovered;
      controller.setPinned(plan.pinned);
      controller.setMode(plan.mode);
      const privacy = selectPrivacy(state);
      const engineer = ui.view === 'engineer' && !privacy;
      const aggregates = engineer ? 'none' : state.committee.mapMode;
      controller.setLayerMode({ households: engineer, clusters: engineer, aggregates, editable: ui.view === 'engineer' });
      if (aggregates === 'symbols') {
        controller.setAreas(selectAreaReport(state).rows, state.committee.after, areaName, privacy ? PRIVACY_MIN_COUNT : 1);
        controller.setSelectedArea(state.committee.selected);
      }
      if (aggregates === 'hexagons') controller.setHexagons(selectHexCells(state, resolution), state.committee.after);
      if (!prev || ui.selection !== prev.ui.selection || selectAnalysis(prev) !== analysis || plan.proposals !== prev.plan.proposals) {
        controller.setSelection(toMapSelection(state));
      }
      if (ui.flyTarget && ui.flyTarget !== prev?.ui.flyTarget) controller.flyTo(ui.flyTarget.bounds);
      controller.setAttribution(translate(settings.lang, 'map.attribution'));
      prev = state;
    };
    push(appStore.getState());
    const unsubscribe = appStore.subscribe(push);
    return () => {
      unsubscribe();
      controller.destroy();
      if (window.__map === controller.map) delete window.__map;
      setMapHandle(null);
    };
  }, [onWebGlError]);

  return <div ref={container} className="map" data-testid="map" />;
}

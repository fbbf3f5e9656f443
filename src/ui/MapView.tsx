/** Mounts the map controller and feeds it from the store; exposes the map as `window.__map`. */
import { useEffect, useRef } from 'react';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapController, type MapSelection } from '../map/map-controller.ts';
import { translate } from '../i18n/translate.ts';
import { appStore } from '../state/app-store.ts';
import { select } from '../state/actions/ui-actions.ts';
import { selectAreaHouseholds, selectHouseholdIndex } from '../state/selectors.ts';
import type { AppState, Selection } from '../state/store.ts';

function toStoreSelection(state: AppState, selection: MapSelection): Selection {
  if (selection?.kind === 'household') {
    const h = state.dataset.households[selection.index];
    return h ? { kind: 'household', id: h.id } : null;
  }
  if (selection?.kind === 'site') {
    const site = state.dataset.sites[selection.index];
    return site ? { kind: 'site', id: site.id } : null;
  }
  return null;
}

function toMapSelection(state: AppState): MapSelection {
  const selection = state.ui.selection;
  if (selection?.kind === 'household') {
    const index = selectHouseholdIndex(state).get(selection.id);
    return index === undefined ? null : { kind: 'household', index };
  }
  if (selection?.kind === 'site') {
    const index = state.dataset.sites.findIndex((s) => s.id === selection.id);
    return index < 0 ? null : { kind: 'site', index };
  }
  return null;
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
      });
    } catch {
      onWebGlError();
      return;
    }
    window.__map = controller.map;
    let area = { township: null as string | null, village: null as string | null };
    const push = (state: AppState) => {
      controller.setHouseholds(state.dataset.households);
      if (state.ui.township !== area.township || state.ui.village !== area.village) {
        area = { township: state.ui.township, village: state.ui.village };
        controller.fitTo(selectAreaHouseholds(state));
      }
      controller.setSites(state.dataset.sites);
      controller.setFilter({ hiddenClasses: state.ui.hiddenClasses, township: state.ui.township, village: state.ui.village });
      controller.setSelection(toMapSelection(state));
      controller.setAttribution(translate(state.settings.lang, 'map.attribution'));
    };
    push(appStore.getState());
    const unsubscribe = appStore.subscribe(push);
    return () => {
      unsubscribe();
      controller.destroy();
      if (window.__map === controller.map) delete window.__map;
    };
  }, [onWebGlError]);

  return <div ref={container} className="map" data-testid="map" />;
}

/** The testing hook the browser tests (and anyone automating the app) rely on. */
import type { Map as MapLibreMap } from 'maplibre-gl';

declare global {
  interface Window {
    /** The MapLibre map, once created. */
    __map?: MapLibreMap;
  }
}

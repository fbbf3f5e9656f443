/** The map of the page, for the few UI actions that need it (the report's map image). Set by MapView. */
import type { Map as MapLibreMap } from 'maplibre-gl';

let current: MapLibreMap | null = null;

export const setMapHandle = (map: MapLibreMap | null): void => {
  current = map;
};

/**
 * The map as it is drawn now, as a PNG data URL (null without a map). Read inside a `render` event,
 * while WebGL's drawing buffer still holds the frame (no `preserveDrawingBuffer` needed).
 */
export function captureMapImage(): Promise<string | null> {
  const map = current;
  if (!map) return Promise.resolve(null);
  return new Promise((resolve) => {
    map.once('render', () => {
      try {
        resolve(map.getCanvas().toDataURL('image/png'));
      } catch {
        resolve(null);
      }
    });
    map.triggerRepaint();
  });
}

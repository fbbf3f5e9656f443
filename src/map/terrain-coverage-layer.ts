/**
 * The terrain coverage picture on the map: a MapLibre canvas source (static: `animate: false`)
 * under the proposals' outlines, redrawn when the picture changes (`composeCoverageImage`). A
 * canvas source needs no URL, so nothing is fetched (the page's CSP allows no other host anyway).
 */
import type { CanvasSource, Map as MapLibreMap } from 'maplibre-gl';
import type { CoverageImage } from './coverage-image.ts';
import { TERRAIN_COVERAGE_OPACITY } from './palette.ts';

export const TERRAIN_COVERAGE_SOURCE = 'terrain-coverage';
export const TERRAIN_COVERAGE_LAYER = 'terrain-coverage';

export class TerrainCoverageLayer {
  private readonly canvas = document.createElement('canvas');
  private map: MapLibreMap | null = null;
  private image: CoverageImage | null = null;
  private visible = true;

  /** Adds the source and layer below `beforeId` (call once the style has loaded). */
  addTo(map: MapLibreMap, beforeId: string): void {
    this.map = map;
    this.canvas.width = this.canvas.height = 1;
    map.addSource(TERRAIN_COVERAGE_SOURCE, {
      type: 'canvas', canvas: this.canvas, animate: false, coordinates: [[0, 1], [1, 1], [1, 0], [0, 0]],
    });
    map.addLayer({
      id: TERRAIN_COVERAGE_LAYER, type: 'raster', source: TERRAIN_COVERAGE_SOURCE,
      layout: { visibility: 'none' },
      paint: { 'raster-opacity': TERRAIN_COVERAGE_OPACITY, 'raster-resampling': 'nearest', 'raster-fade-duration': 0 },
    }, beforeId);
    const { image } = this;
    this.image = null;
    this.set(image);
  }

  /** The picture to show (null: none). */
  set(image: CoverageImage | null): void {
    if (image === this.image) return;
    this.image = image;
    const map = this.map;
    if (!map) return;
    if (image) {
      this.canvas.width = image.width;
      this.canvas.height = image.height;
      this.canvas.getContext('2d')!.putImageData(new ImageData(image.rgba as Uint8ClampedArray<ArrayBuffer>, image.width, image.height), 0, 0);
      const [w, s, e, n] = image.bounds;
      const source = map.getSource<CanvasSource>(TERRAIN_COVERAGE_SOURCE)!;
      source.setCoordinates([[w, n], [e, n], [e, s], [w, s]]);
      // A static canvas source uploads its pixels again on play → pause.
      source.play();
      source.pause();
    }
    this.apply();
  }

  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    this.apply();
  }

  private apply(): void {
    this.map?.setLayoutProperty(TERRAIN_COVERAGE_LAYER, 'visibility', this.visible && this.image ? 'visible' : 'none');
    this.map?.triggerRepaint();
  }
}

/**
 * `npm run bench -- --only=bins`: how to aggregate a municipality's homes for the map at low zoom
 * (issue 9 §3: "supercluster, or H3 bins, or MapLibre's own clustering — measure and choose").
 *
 * On seeded homes over the whole of Chongqing (`syntheticCounty`: village clumps, 6 % scattered),
 * each with a class and students, it times what each way costs the page at three zoom levels
 * (7: the municipality, 9: a district, 11: a township; the map shows homes from zoom 12):
 * - ours, `householdBins` (square bins of ≈ 28 px, homes / students / share uncovered per bin):
 *   O(n) per zoom level, cached per level by the map;
 * - H3 (`h3-js`, already bundled for the committee's hexagons): `latLngToCell` per home at a
 *   resolution of about the same size, then the same sums;
 * - supercluster (what MapLibre's `cluster: true` runs in its worker): one `load` of every home for
 *   all zooms, then `getClusters` per view; its memory (heap and array buffers) after the load;
 * - MapLibre's own clustering adds handing the million-feature GeoJSON to its worker: timed here
 *   as `structuredClone` of the FeatureCollection (what `postMessage` does), on top of supercluster.
 * Medians of a few runs (the machine is shared). Output: a table per size.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { latLngToCell } from 'h3-js';
import Supercluster from 'supercluster';
import { householdTableOf, type AttendanceClass, type Household } from '../../src/core/index.ts';
import { householdBins } from '../../src/map/household-view.ts';
import { mulberry32, syntheticCounty } from './synthetic-county.ts';

const ZOOMS = [7, 9, 11] as const;
/** H3 resolution whose cell area is nearest a 28-px bin's at the zoom (bins ≈ 220, 14, 0.9 km²; cells 252, 36, 0.7 km²). */
const H3_RESOLUTION: Record<(typeof ZOOMS)[number], number> = { 7: 5, 9: 6, 11: 8 };
const NO_FILTER = { hiddenClasses: [], township: null, village: null };
const UNCOVERED: AttendanceClass[] = ['none', 'poor'];
const CLASSES: AttendanceClass[] = ['none', 'poor', 'fair', 'good'];
const RUNS = 3;

function medianMs(f: () => unknown, runs = RUNS): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1]!;
}

function seededHouseholds(n: number, seed: number): Household[] {
  const { lon, lat } = syntheticCounty(n, seed);
  const random = mulberry32(seed + 1);
  return Array.from({ length: n }, (_, i): Household => ({
    id: `h${i}`, lon: lon[i]!, lat: lat[i]!, students: 1 + Math.floor(random() * 3), reports: [],
    cls: CLASSES[Math.floor(random() * CLASSES.length)]!, personal: {}, line: i + 2,
  }));
}

function h3Bins(households: readonly Household[], resolution: number): number {
  const sums = new Map<string, { homes: number; students: number; uncovered: number }>();
  for (const h of households) {
    const cell = latLngToCell(h.lat, h.lon, resolution);
    let s = sums.get(cell);
    if (!s) sums.set(cell, (s = { homes: 0, students: 0, uncovered: 0 }));
    s.homes++; s.students += h.students;
    if (UNCOVERED.includes(h.cls)) s.uncovered += h.students;
  }
  return sums.size;
}

setFlagsFromString('--expose-gc');
/** A full collection, for the heap figure (V8's gc, exposed at run time). */
const gc = runInNewContext('gc') as () => void;

export function benchMapBins(sizes: readonly number[], seed: number, printTable: (header: string[], rows: string[][]) => void): void {
  console.log('\nmap aggregation at low zoom: ours (square bins) vs H3 vs supercluster (MapLibre `cluster: true`), ' +
    `zooms ${ZOOMS.join(', ')}, medians of ${RUNS}`);
  const rows: string[][] = [];
  for (const n of sizes) {
    const households = seededHouseholds(n, seed);
    const table = householdTableOf(households);
    const ours = ZOOMS.map((z) => {
      let bins = 0;
      const ms = medianMs(() => { bins = householdBins(table, z, NO_FILTER, UNCOVERED).features.length; });
      return `${ms.toFixed(0)} ms (${bins} bins)`;
    });
    const h3 = ZOOMS.map((z) => {
      let cells = 0;
      const ms = medianMs(() => { cells = h3Bins(households, H3_RESOLUTION[z]); });
      return `${ms.toFixed(0)} ms (${cells} cells)`;
    });
    const features = households.map((h) => ({
      type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [h.lon, h.lat] },
      properties: { students: h.students, uncovered: UNCOVERED.includes(h.cls) ? h.students : 0 },
    }));
    const cloneMs = medianMs(() => structuredClone({ type: 'FeatureCollection', features }), 1);
    gc();
    const heapBytes = (): number => { const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
    const heapBefore = heapBytes();
    let index = new Supercluster<{ students: number; uncovered: number }, { students: number; uncovered: number }>();
    const loadMs = medianMs(() => {
      index = new Supercluster<{ students: number; uncovered: number }, { students: number; uncovered: number }>({
        radius: 40, extent: 512, maxZoom: 11,
        map: (p) => ({ students: p.students, uncovered: p.uncovered }),
        reduce: (a, b) => { a.students += b.students; a.uncovered += b.uncovered; },
      });
      index.load(features);
    }, 1);
    gc();
    const heapMb = (heapBytes() - heapBefore) / 2 ** 20;
    const queries = ZOOMS.map((z) => {
      let clusters = 0;
      const ms = medianMs(() => { clusters = index.getClusters([105, 28, 111, 33], z).length; });
      return `${ms.toFixed(0)} ms (${clusters})`;
    });
    rows.push([n.toLocaleString('en'), ...ours, ...h3, `${loadMs.toFixed(0)} ms`, heapMb.toFixed(0), ...queries, `${cloneMs.toFixed(0)} ms`]);
  }
  printTable(['homes', ...ZOOMS.map((z) => `ours z${z}`), ...ZOOMS.map((z) => `H3 r${H3_RESOLUTION[z]} (z${z})`),
    'supercluster load', 'its heap MB', ...ZOOMS.map((z) => `getClusters z${z}`), 'GeoJSON to a worker'], rows);
}

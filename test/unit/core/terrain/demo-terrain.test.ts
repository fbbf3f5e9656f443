/**
 * The demo terrain, built from the demo files the app loads (public/demo/, which the golden test
 * keeps equal to the generator's output): deterministic, in range, the story's dead villages
 * behind ridges, the other villages in sight of their nearest site. The line-of-sight checks are
 * computed here straight from the Dem (no propagation model).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseHouseholdsFile, parseSitesFile, type Household, type Site } from '../../../../src/core/index.ts';
import { demoTerrainInput, type DemoTerrainInput } from '../../../../src/core/terrain/demo-terrain-input.ts';
import { generateDemoTerrain, DEMO_TERRAIN_LABEL, type DemoTerrain } from '../../../../src/core/terrain/demo-terrain.ts';
import { generateDemoScenario, DEMO_STORY } from '../../../../src/core/demo/generate-demo-scenario.ts';
import { commonVillageName } from '../../../../src/core/demo/common-village-name.ts';
import { haversineLonLatM } from '../../../../src/core/analysis/haversine-lon-lat-m.ts';
import { loadDemoInputs } from '../../../../src/cli/load-demo-inputs.ts';
import type { Dem } from '../../../../src/core/model/dem.ts';
import type { DemoVillageSummary } from '../../../../src/core/demo/demo-types.ts';

const demoFile = (name: string): { name: string; bytes: Uint8Array } =>
  ({ name, bytes: new Uint8Array(readFileSync(new URL(`../../../../public/demo/${name}`, import.meta.url))) });

/**
 * Highest point of the ground above the straight line from a mast top (`mastM` above the ground
 * at `a`) to a receiver 1.5 m above the ground at `b`, metres (> 0: the ground blocks the line).
 * Sampled every ~20 m; no earth curvature (which would only raise the ground further).
 */
function worstClearanceM(dem: Dem, a: readonly [number, number], mastM: number, b: readonly [number, number]): number {
  const top = dem.elevationM(a[0], a[1]) + mastM;
  const end = dem.elevationM(b[0], b[1]) + 1.5;
  const steps = Math.ceil(haversineLonLatM(a[0], a[1], b[0], b[1]) / 20);
  let worst = -Infinity;
  for (let q = 1; q < steps; q++) {
    const t = q / steps;
    const ground = dem.elevationM(a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]));
    worst = Math.max(worst, ground - (top + t * (end - top)));
  }
  return worst;
}

const nearestSite = (sites: readonly Site[], lon: number, lat: number): Site =>
  sites.reduce((best, s) => (haversineLonLatM(s.lon, s.lat, lon, lat) < haversineLonLatM(best.lon, best.lat, lon, lat) ? s : best));

let households: Household[];
let sites: Site[];
let input: DemoTerrainInput;
let terrain: DemoTerrain;
let deadVillages: DemoVillageSummary[];
let generateMs: number;

beforeAll(async () => {
  households = (await parseHouseholdsFile(demoFile('households.csv'))).households;
  sites = (await parseSitesFile(demoFile('sites.csv'))).sites;
  input = demoTerrainInput(households, sites);
  const t0 = performance.now();
  terrain = generateDemoTerrain(input);
  generateMs = performance.now() - t0;
  deadVillages = generateDemoScenario(loadDemoInputs()).villages.filter((v) => v.dead);
}, 60_000);

describe('demoTerrainInput', () => {
  it('shadows exactly the story\'s dead villages, Longchi among them', () => {
    const dead = deadVillages.map((v) => `${v.township} ${commonVillageName(v.name)}`).sort();
    expect(dead).toHaveLength(1 + DEMO_STORY.extraDeadVillages);
    expect(input.shadowed.map((p) => p.name).sort()).toEqual(dead);
    expect(input.shadowed.map((p) => p.name)).toContain('六塘乡 龙池村');
    expect(input.open.length + input.shadowed.length).toBe(new Set(households.map((h) => `${h.township} ${h.village}`)).size);
  });

  it('does not depend on the order of the homes', () => {
    expect(demoTerrainInput([...households].reverse(), sites)).toEqual(input);
  });
});

describe('generateDemoTerrain on the demo', () => {
  it('is labelled synthetic, 3″, and covers every home and site', () => {
    expect(terrain.label).toBe(DEMO_TERRAIN_LABEL);
    expect(terrain.label).toBe('demo terrain (synthetic)');
    expect(terrain.synthetic).toBe(true);
    expect(terrain.cellSizeDeg[0]).toBeCloseTo(1 / 1200, 15);
    expect(terrain.cellSizeDeg[1]).toBeCloseTo(1 / 1200, 15);
    const [w, s, e, n] = terrain.bounds;
    for (const p of [...households, ...sites]) {
      expect(p.lon > w && p.lon < e && p.lat > s && p.lat < n).toBe(true);
    }
    // Bounded memory: one Float32 grid, under 1 M cells for the demo area.
    expect(terrain.grids).toHaveLength(1);
    expect(terrain.grids[0]!.samples).toBeInstanceOf(Float32Array);
    expect(terrain.stats.cells).toBeLessThan(1_000_000);
    console.info(`demo terrain: ${terrain.grids[0]!.width} × ${terrain.grids[0]!.height} cells in ${generateMs.toFixed(0)} ms`, terrain.stats);
  });

  it('has mountains like Shizhu\'s: every height within 300–1,900 m, with real relief', () => {
    const z = terrain.grids[0]!.samples;
    let min = Infinity, max = -Infinity, high = 0;
    for (const v of z) {
      min = Math.min(min, v);
      max = Math.max(max, v);
      if (v > 1_300) high++;
    }
    expect(min).toBeGreaterThanOrEqual(300);
    expect(max).toBeLessThanOrEqual(1_900);
    expect(max - min).toBeGreaterThan(1_200);
    expect(high / z.length).toBeGreaterThan(0.03); // ridges, not a plain
  });

  it('is deterministic: same input and seed → identical samples; another seed → other terrain', () => {
    const again = generateDemoTerrain(input);
    expect(again.bounds).toEqual(terrain.bounds);
    expect(Buffer.from(again.grids[0]!.samples.buffer).equals(Buffer.from(terrain.grids[0]!.samples.buffer))).toBe(true);
    const other = generateDemoTerrain({ ...input, seed: 7 });
    expect(Buffer.from(other.grids[0]!.samples.buffer).equals(Buffer.from(terrain.grids[0]!.samples.buffer))).toBe(false);
  });

  it('hides every dead village (Longchi first) behind a ridge from its nearest site: 30 m mast, 1.5 m receiver', () => {
    expect(deadVillages.map((v) => v.code)).toContain(DEMO_STORY.longchiVillageCode);
    for (const v of deadVillages) {
      const s = nearestSite(sites, v.lon, v.lat);
      const blockM = worstClearanceM(terrain, [s.lon, s.lat], 30, [v.lon, v.lat]);
      expect(blockM, `${v.name} from ${s.id}`).toBeGreaterThan(30);
      // And in a valley: in each of eight directions the ground rises over 200 m above it within 3.5 km.
      const here = terrain.elevationM(v.lon, v.lat);
      const mPerDegLat = 111_195, mPerDegLon = mPerDegLat * Math.cos((v.lat * Math.PI) / 180);
      for (let a = 0; a < 8; a++) {
        const ux = Math.cos((a * Math.PI) / 4), uy = Math.sin((a * Math.PI) / 4);
        let highest = -Infinity;
        for (let d = 100; d <= 3_500; d += 100) {
          highest = Math.max(highest, terrain.elevationM(v.lon + (ux * d) / mPerDegLon, v.lat + (uy * d) / mPerDegLat));
        }
        expect(highest, `${v.name}, direction ${a * 45}°`).toBeGreaterThan(here + 200);
      }
    }
  });

  it('hides the dead villages from every site within 15 km, with the site\'s own mast height', () => {
    for (const v of deadVillages) {
      for (const s of sites.filter((u) => haversineLonLatM(u.lon, u.lat, v.lon, v.lat) < 15_000)) {
        expect(worstClearanceM(terrain, [s.lon, s.lat], s.antennaHeightM, [v.lon, v.lat]), `${v.name} from ${s.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('gives (almost) every other village line of sight to its nearest site', () => {
    let blocked = 0;
    for (const p of input.open) {
      const s = nearestSite(sites, p.lon, p.lat);
      if (worstClearanceM(terrain, [s.lon, s.lat], s.antennaHeightM, [p.lon, p.lat]) > 0) blocked++;
    }
    expect(blocked / input.open.length).toBeLessThan(0.05);
  });
});

describe('generateDemoTerrain on a small made-up area', () => {
  it('rings a shadowed place even when the site is on high ground, and refuses an empty input', () => {
    const small = generateDemoTerrain({
      sites: [{ lon: 108.0, lat: 30.0, antennaHeightM: 45 }],
      shadowed: [{ lon: 108.08, lat: 30.0, radiusM: 500, name: 'A' }],
      open: [{ lon: 107.96, lat: 30.02, radiusM: 300, name: 'B' }],
    });
    expect(worstClearanceM(small, [108.0, 30.0], 45, [108.08, 30.0])).toBeGreaterThan(30);
    expect(worstClearanceM(small, [108.0, 30.0], 45, [107.96, 30.02])).toBeLessThanOrEqual(0);
    expect(() => generateDemoTerrain({ sites: [], shadowed: [], open: [] })).toThrow(/nothing to build/);
  });
});

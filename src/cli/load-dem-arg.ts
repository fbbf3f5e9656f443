/**
 * The `--dem` option of `coverage`, `analyze` and `suggest` (FORMATS.md §8, §9): which elevation
 * model to predict coverage over.
 * - absent → null (no terrain: the coverage is the Hata range circle);
 * - `demo` → the built-in synthetic demo terrain (`generateDemoTerrain`), built from the demo's
 *   own files (public/demo/households.csv and sites.csv, read with the app's parsers and default
 *   settings), so it is the same terrain the app shows with the demo, whatever FILE is;
 * - otherwise one or more paths separated by commas: a GeoTIFF in WGS-84, SRTM `.hgt` tiles
 *   (`N29E107.hgt,N29E108.hgt,…`), `.zip`s of tiles, mixed as needed (`readDemFiles`; several are
 *   mosaicked). A path with a comma in its name cannot be given.
 * Errors: unreadable files, `invalid_dem`, `unsupported_dem_crs`, `dem_too_large` (exit code 1).
 * Cost: the readers'; the demo terrain ~0.3–0.6 s.
 */
import { basename, join } from 'node:path';
import {
  demoTerrainInput, generateDemoTerrain, parseHouseholdsFile, parseSitesFile, readDemFiles, type GridDem,
} from '../core/index.ts';
import { REPO_ROOT } from './load-demo-inputs.ts';
import { readInputFile } from './read-input-file.ts';

export const DEMO_DEM_ARG = 'demo';

export async function loadDemArg(value: string | undefined, repoRoot: string = REPO_ROOT): Promise<GridDem | null> {
  if (value === undefined) return null;
  if (value === DEMO_DEM_ARG) return loadDemoTerrain(repoRoot);
  const paths = value.split(',').map((p) => p.trim()).filter((p) => p !== '');
  const files = [];
  for (const path of paths) files.push({ name: basename(path), bytes: await readInputFile(path) });
  return readDemFiles(files);
}

export async function loadDemoTerrain(repoRoot: string = REPO_ROOT): Promise<GridDem> {
  const read = async (name: string): Promise<{ name: string; bytes: Uint8Array }> =>
    ({ name, bytes: await readInputFile(join(repoRoot, 'public/demo', name)) });
  const households = (await parseHouseholdsFile(await read('households.csv'))).households;
  const sites = (await parseSitesFile(await read('sites.csv'))).sites;
  return generateDemoTerrain(demoTerrainInput(households, sites));
}

/**
 * Reads the elevation files a user picked (one GeoTIFF, several SRTM `.hgt` tiles, zips of tiles,
 * or a mix) into one DEM: each file by its content — a TIFF (`II*\0` / `MM\0*`) with
 * `readGeotiffDem`, a zip or a `.hgt` name with `readHgt` — then mosaicked (`mosaicDems`, no merged
 * copy) when there are several.
 *
 * Rules: an empty list, or a file that is none of these → `invalid_dem` (params `file`,
 * `reason: 'format'`); every reader's own errors pass through (`invalid_dem`,
 * `unsupported_dem_crs`, `dem_too_large`). The label is the files' labels joined with " + ".
 * Total size: at most `maxSamples` samples over all files (default 60 million ≈ 4 SRTM 1″ tiles,
 * 120–240 MB) → `dem_too_large`, checked as each file is read.
 * Cost: the readers' (see read-hgt.ts, read-geotiff-dem.ts); files are read one after another.
 */
import { UserInputError } from '../model/errors.ts';
import type { GridDem } from './grid-dem.ts';
import { mosaicDems } from './mosaic-dems.ts';
import { readGeotiffDem, MAX_GEOTIFF_DEM_SAMPLES } from './read-geotiff-dem.ts';
import { readHgt } from './read-hgt.ts';

export const MAX_DEM_SAMPLES = 60_000_000;

export interface DemFile {
  name: string;
  bytes: Uint8Array;
}

export async function readDemFiles(files: readonly DemFile[], options: { maxSamples?: number } = {}): Promise<GridDem> {
  const maxSamples = options.maxSamples ?? MAX_DEM_SAMPLES;
  if (files.length === 0) throw new UserInputError('invalid_dem', 'no elevation file given', { reason: 'format' });
  const dems: GridDem[] = [];
  let samples = 0;
  for (const file of files) {
    const b = file.bytes;
    const tiff = b.length >= 4 && ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 42 && b[3] === 0) ||
      (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 42) ||
      (b[0] === 0x49 && b[1] === 0x49 && b[2] === 43 && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 43));
    const zip = b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
    let dem: GridDem;
    if (tiff) dem = await readGeotiffDem(b, file.name, { maxSamples: Math.min(MAX_GEOTIFF_DEM_SAMPLES, maxSamples - samples) });
    else if (zip || /\.hgt$/i.test(file.name)) dem = readHgt(b, file.name);
    else {
      throw new UserInputError('invalid_dem',
        `${file.name}: not an elevation file Blindspot reads (a GeoTIFF in WGS-84, or SRTM .hgt tiles such as N29E107.hgt, or a .zip of them)`,
        { file: file.name, reason: 'format' });
    }
    samples += dem.grids.reduce((n, g) => n + g.samples.length, 0);
    if (samples > maxSamples) {
      throw new UserInputError('dem_too_large',
        `the elevation files hold over ${maxSamples.toLocaleString('en-US')} samples in all (at ${file.name}); use 3″ tiles or crop to the area you plan`,
        { file: file.name, maxSamples });
    }
    dems.push(dem);
  }
  return dems.length === 1 ? dems[0]! : mosaicDems(dems);
}

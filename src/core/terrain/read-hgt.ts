/**
 * Reads SRTM `.hgt` elevation tiles (NASA SRTM v3 / SRTMGL1 / SRTMGL3, viewfinderpanoramas) into
 * a grid DEM — or several, mosaicked, when a `.zip` holds several tiles.
 *
 * Rules:
 * - A tile is 1° × 1°, named for its south-west corner: `N29E107.hgt` covers 107–108° E,
 *   29–30° N. Also accepted: `N29E107.SRTMGL1.hgt`, any folder in front, any letter case. The name
 *   is the only georeference the format has, so a name that is not of this form is refused.
 * - Raw big-endian signed 16-bit metres, row-major from the north row, corner-registered with the
 *   edges shared by the neighbours: 3601 × 3601 samples (1″, 25,934,402 bytes) or 1201 × 1201
 *   (3″, 2,884,802 bytes). Any other byte count is refused. −32768 is a void (nodata → NaN).
 * - A `.zip` (as NASA serves `N29E107.SRTMGL1.hgt.zip`) is opened with fflate; every `.hgt` inside
 *   is read (folders ignored); none → `invalid_dem`.
 * Errors: `invalid_dem` (params: `file`, `reason`: `name` | `size` | `zip`).
 * Cost: one pass converting to native Int16 (the file's bytes are not kept): 3″ tile ~9 ms,
 * 1″ tile ~140 ms (Node 20, a busy 2-core machine); memory 2 bytes per sample (2.9 MB per 3″ tile, 26 MB per 1″ tile), plus the
 * unzipped bytes while reading a zip.
 */
import { unzipSync } from 'fflate';
import { UserInputError } from '../model/errors.ts';
import { createGridDem, type DemGrid, type GridDem } from './grid-dem.ts';
import { mosaicDems } from './mosaic-dems.ts';

/** SRTM void value. */
export const HGT_VOID = -32768;
/** Samples per side of a 1″ and a 3″ tile. */
export const HGT_SIDES = Object.freeze({ arcsec1: 3601, arcsec3: 1201 });

const NAME = /^([NS])(\d{2})([EW])(\d{3})(?:\.SRTMGL[13])?\.hgt$/i;

/** The south-west corner of the tile a `.hgt` file name denotes, or undefined. */
export function hgtTileCorner(fileName: string): { lon: number; lat: number } | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const m = NAME.exec(base);
  if (!m) return undefined;
  const lat = Number(m[2]) * (m[1]!.toUpperCase() === 'S' ? -1 : 1);
  const lon = Number(m[4]) * (m[3]!.toUpperCase() === 'W' ? -1 : 1);
  if (lat < -90 || lat > 89 || lon < -180 || lon > 179) return undefined;
  return { lon, lat };
}

export function readHgt(bytes: Uint8Array, fileName: string): GridDem {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return readHgtZip(bytes, fileName);
  }
  return createGridDem(hgtGrid(bytes, fileName));
}

function readHgtZip(bytes: Uint8Array, fileName: string): GridDem {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => /\.hgt$/i.test(f.name) });
  } catch (err) {
    throw new UserInputError('invalid_dem', `${fileName}: not a readable zip file (${(err as Error).message})`,
      { file: fileName, reason: 'zip' });
  }
  const names = Object.keys(entries).sort();
  if (names.length === 0) {
    throw new UserInputError('invalid_dem', `${fileName}: the zip file holds no .hgt tile`, { file: fileName, reason: 'zip' });
  }
  return mosaicDems(names.map((name) => createGridDem(hgtGrid(entries[name]!, name))));
}

function hgtGrid(bytes: Uint8Array, fileName: string): DemGrid {
  const label = fileName.split(/[\\/]/).pop() ?? fileName;
  const corner = hgtTileCorner(fileName);
  if (!corner) {
    throw new UserInputError('invalid_dem',
      `${label}: an SRTM .hgt file must be named for its south-west corner, like N29E107.hgt (the name is its only georeference)`,
      { file: label, reason: 'name' });
  }
  const side = bytes.length === 2 * HGT_SIDES.arcsec1 ** 2 ? HGT_SIDES.arcsec1
    : bytes.length === 2 * HGT_SIDES.arcsec3 ** 2 ? HGT_SIDES.arcsec3 : 0;
  if (side === 0) {
    throw new UserInputError('invalid_dem',
      `${label}: ${bytes.length} bytes is not an SRTM tile (1″: 3601 × 3601 samples = 25,934,402 bytes; 3″: 1201 × 1201 = 2,884,802 bytes)`,
      { file: label, reason: 'size', bytes: bytes.length });
  }
  const n = side * side;
  const samples = new Int16Array(n);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < n; i++) samples[i] = view.getInt16(2 * i, false);
  const step = 1 / (side - 1);
  return {
    samples, width: side, height: side,
    westLon: corner.lon, northLat: corner.lat + 1,
    cellSizeDeg: [step, step], registration: 'point', nodata: HGT_VOID, label,
  };
}

/**
 * Reads an elevation GeoTIFF (GDAL, QGIS, OpenTopography, USGS EarthExplorer exports) into a grid
 * DEM, with the `geotiff` package (loaded on first use, so it is not in the app's first bundle;
 * no DOM needed: it runs in a Web Worker and under Node).
 *
 * Rules:
 * - Coordinates: geographic WGS-84 only (EPSG:4326, or a user-defined geographic CRS on the WGS-84
 *   datum, 6326). CGCS2000 (EPSG:4490, China's national geographic CRS) is taken as WGS-84: the two
 *   differ by centimetres, far below a DEM cell. A projected CRS (UTM, Gauss–Krüger …) or any other
 *   → `unsupported_dem_crs` (params `crs`, e.g. `EPSG:32649`): reproject it first (e.g.
 *   `gdalwarp -t_srs EPSG:4326 in.tif out.tif`). No GeoKeys → `invalid_dem`.
 * - Georeference: ModelTiepoint + ModelPixelScale (tiepoint at any raster position), or a
 *   ModelTransformation without rotation; north-up only. PixelIsArea (GTRasterTypeGeoKey 1, the
 *   default) → cell-centre samples, bounds at the outer cell edges; PixelIsPoint (2) → the samples
 *   are the grid points (see grid-dem.ts).
 * - Samples: the first band of the first (full-resolution) image; Int16, UInt16, Int32 kept as
 *   they are; Float32 kept; Float64 narrowed to Float32. Any other type → `invalid_dem`.
 *   Compression: whatever geotiff decodes (none, LZW, Deflate, PackBits, Zstd, LERC …).
 * - Nodata: the GDAL_NODATA tag; float samples equal to it become NaN. NaN samples are nodata too.
 * - Size: at most `maxSamples` samples (default 50 million: Shizhu at 1″ is ~7 million; a
 *   1° SRTM tile at 1″ is 13 million) → else `dem_too_large` before anything is decoded.
 * Errors: `invalid_dem` (params `file`, `reason`), `unsupported_dem_crs`, `dem_too_large`.
 * Cost: the decode (uncompressed Int16, 1201²: ~110 ms on a busy 2-core machine); memory: the
 * decoded band (2–4 bytes per sample) plus, while reading, the file's bytes.
 */
import { UserInputError } from '../model/errors.ts';
import { createGridDem, type DemSamples, type GridDem } from './grid-dem.ts';

export const MAX_GEOTIFF_DEM_SAMPLES = 50_000_000;

export interface ReadGeotiffDemOptions {
  /** Largest width × height accepted (default `MAX_GEOTIFF_DEM_SAMPLES`). */
  maxSamples?: number;
}

/** EPSG codes of geographic CRSs taken as WGS-84 (see the header). */
const WGS84_LIKE_GEOGRAPHIC = new Set([4326, 4490]);
const USER_DEFINED = 32767;
const WGS84_DATUM = 6326;

export async function readGeotiffDem(
  bytes: Uint8Array | ArrayBuffer, fileName: string, options: ReadGeotiffDemOptions = {},
): Promise<GridDem> {
  const label = fileName.split(/[\\/]/).pop() ?? fileName;
  const maxSamples = options.maxSamples ?? MAX_GEOTIFF_DEM_SAMPLES;
  const invalid = (reason: string, message: string): UserInputError =>
    new UserInputError('invalid_dem', `${label}: ${message}`, { file: label, reason });

  const { fromArrayBuffer } = await import('geotiff');
  const buffer = bytes instanceof ArrayBuffer ? bytes
    : bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
      ? bytes.buffer : bytes.slice().buffer;
  let image: Awaited<ReturnType<Awaited<ReturnType<typeof fromArrayBuffer>>['getImage']>>;
  try {
    image = await (await fromArrayBuffer(buffer)).getImage(0);
  } catch (err) {
    throw invalid('not_tiff', `not a readable GeoTIFF (${(err as Error).message})`);
  }

  // 1. Coordinate system.
  const keys = image.getGeoKeys();
  if (!keys) throw invalid('no_georeference', 'the TIFF has no GeoTIFF keys: its position on Earth is unknown');
  const modelType = keys.GTModelTypeGeoKey as number | undefined;
  const geographic = keys.GeographicTypeGeoKey as number | undefined;
  const projected = keys.ProjectedCSTypeGeoKey as number | undefined;
  const datum = keys.GeogGeodeticDatumGeoKey as number | undefined;
  const isWgs84 = modelType !== 1 && modelType !== 3 && projected === undefined && (
    (geographic !== undefined && WGS84_LIKE_GEOGRAPHIC.has(geographic)) ||
    (geographic === USER_DEFINED && datum === WGS84_DATUM) ||
    (geographic === undefined && datum === WGS84_DATUM));
  if (!isWgs84) {
    const crs = projected !== undefined && projected !== USER_DEFINED ? `EPSG:${projected}`
      : geographic !== undefined && geographic !== USER_DEFINED ? `EPSG:${geographic}`
        : modelType === 1 ? 'a projected CRS' : modelType === 3 ? 'a geocentric CRS' : 'an unknown CRS';
    throw new UserInputError('unsupported_dem_crs',
      `${label}: the DEM is in ${crs}; only geographic WGS-84 (EPSG:4326) is read — reproject it first, e.g. gdalwarp -t_srs EPSG:4326`,
      { file: label, crs });
  }

  // 2. Size, before decoding anything.
  const width = image.getWidth(), height = image.getHeight();
  if (width * height > maxSamples) {
    throw new UserInputError('dem_too_large',
      `${label}: ${width} × ${height} = ${(width * height).toLocaleString('en-US')} samples; the limit is ${maxSamples.toLocaleString('en-US')} — crop it to the area you plan (e.g. gdal_translate -projwin)`,
      { file: label, width, height, maxSamples });
  }
  if (width < 2 || height < 2) throw invalid('size', `${width} × ${height} samples: too small to interpolate`);

  // 3. Georeference.
  const dir = image.getFileDirectory();
  const tie = dir.getValue('ModelTiepoint') as number[] | undefined;
  const scale = dir.getValue('ModelPixelScale') as number[] | undefined;
  const transform = dir.getValue('ModelTransformation') as number[] | undefined;
  let westLon: number, northLat: number, dLon: number, dLat: number;
  if (tie && tie.length >= 6 && scale && scale.length >= 2) {
    [dLon, dLat] = [scale[0]!, scale[1]!];
    westLon = tie[3]! - tie[0]! * dLon;
    northLat = tie[4]! + tie[1]! * dLat;
  } else if (transform && transform.length >= 8) {
    if (transform[1] !== 0 || transform[4] !== 0) throw invalid('rotated', 'the grid is rotated (ModelTransformation with shear): not supported');
    dLon = transform[0]!;
    dLat = -transform[5]!;
    westLon = transform[3]!;
    northLat = transform[7]!;
  } else {
    throw invalid('no_georeference', 'no ModelTiepoint + ModelPixelScale nor ModelTransformation: its position on Earth is unknown');
  }
  if (!(dLon > 0) || !(dLat > 0)) throw invalid('orientation', 'the grid is not north-up with positive cell sizes: not supported');
  const registration = keys.GTRasterTypeGeoKey === 2 ? 'point' : 'area';
  const spanLon = (registration === 'area' ? width : width - 1) * dLon;
  const spanLat = (registration === 'area' ? height : height - 1) * dLat;
  if (!(westLon >= -180.5 && westLon + spanLon <= 360.5 && northLat <= 90.5 && northLat - spanLat >= -90.5)) {
    throw invalid('bounds', `its extent (${westLon}, ${northLat - spanLat}) – (${westLon + spanLon}, ${northLat}) is not in degrees: is it really EPSG:4326?`);
  }

  // 4. Samples of the first band.
  const format = image.getSampleFormat(0); // 1 uint, 2 int, 3 float
  const bits = image.getBitsPerSample(0);
  const kind = `${format === 3 ? 'float' : format === 2 ? 'int' : 'uint'}${bits}`;
  if (!['int16', 'uint16', 'int32', 'float32', 'float64'].includes(kind)) {
    throw invalid('sample_type', `samples are ${kind}; elevation is read from Int16, UInt16, Int32, Float32 or Float64`);
  }
  const nodataText = dir.hasTag('GDAL_NODATA') ? String(dir.getValue('GDAL_NODATA') ?? '').replace(/[\0\s]+$/g, '').trim() : '';
  const nodataValue = nodataText === '' ? undefined : Number(nodataText);
  let raster: DemSamples;
  try {
    raster = await image.readRasters({ samples: [0], interleave: true }) as unknown as DemSamples;
  } catch (err) {
    throw invalid('decode', `the samples cannot be decoded (${(err as Error).message})`);
  }
  let samples: DemSamples = raster;
  let nodata = nodataValue !== undefined && Number.isFinite(nodataValue) ? nodataValue : undefined;
  if (kind === 'float64' || kind === 'float32') {
    const out = raster instanceof Float32Array ? raster : new Float32Array(raster.length);
    // A Float32 sample equals the nodata value as rounded to Float32 (GDAL writes it as a double).
    const nd = nodata === undefined ? NaN : kind === 'float32' ? Math.fround(nodata) : nodata;
    for (let i = 0; i < raster.length; i++) {
      const v = raster[i]!;
      out[i] = v === nd ? NaN : v;
    }
    samples = out;
    nodata = undefined;
  }
  return createGridDem({
    samples, width, height, westLon, northLat, cellSizeDeg: [dLon, dLat], registration, label,
    ...(nodata !== undefined ? { nodata } : {}),
  });
}

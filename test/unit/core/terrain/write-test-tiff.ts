/**
 * Test helper: a minimal, uncompressed, single-strip, little-endian GeoTIFF written by hand, so the
 * tests control every georeferencing tag (geotiff's own writer cannot write Int16/Int32 samples
 * and always adds its own defaults).
 */

export interface TestTiff {
  width: number;
  height: number;
  samples: Int16Array | Uint16Array | Int32Array | Float32Array | Float64Array | Uint8Array;
  /** ModelTiepoint (33922): [I, J, K, X, Y, Z]. */
  tiepoint?: number[];
  /** ModelPixelScale (33550): [sx, sy, sz]. */
  pixelScale?: number[];
  /** ModelTransformation (34264): 16 doubles. */
  transformation?: number[];
  /** GeoKeys as key id → SHORT value (1024 GTModelType, 1025 GTRasterType, 2048 GeographicType, 3072 ProjectedCSType). */
  geoKeys?: Record<number, number>;
  /** GDAL_NODATA (42113) text. */
  nodata?: string;
  /** Deflate (Compression 8): the strip as a zlib stream made by this function (e.g. fflate's zlibSync). */
  deflate?: (bytes: Uint8Array) => Uint8Array;
}

/** GeoKey ids. */
export const GEO_KEY = Object.freeze({ modelType: 1024, rasterType: 1025, geographicType: 2048, datum: 2050, projectedType: 3072 });

const SHORT = 3, LONG = 4, DOUBLE = 12, ASCII = 2;
const TYPE_BYTES: Record<number, number> = { [SHORT]: 2, [LONG]: 4, [DOUBLE]: 8, [ASCII]: 1 };

interface Entry { tag: number; type: number; values: number[] | string }

export function writeTestTiff(t: TestTiff): Uint8Array {
  const s = t.samples;
  const format = s instanceof Float32Array || s instanceof Float64Array ? 3
    : s instanceof Int16Array || s instanceof Int32Array ? 2 : 1;
  const bits = s.BYTES_PER_ELEMENT * 8;
  const raw = new Uint8Array(s.buffer, s.byteOffset, s.length * s.BYTES_PER_ELEMENT);
  const strip = t.deflate ? t.deflate(raw) : raw;
  const dataBytes = strip.length;
  const entries: Entry[] = [
    { tag: 256, type: LONG, values: [t.width] },
    { tag: 257, type: LONG, values: [t.height] },
    { tag: 258, type: SHORT, values: [bits] },
    { tag: 259, type: SHORT, values: [t.deflate ? 8 : 1] },
    { tag: 262, type: SHORT, values: [1] },
    { tag: 273, type: LONG, values: [0] }, // patched below
    { tag: 277, type: SHORT, values: [1] },
    { tag: 278, type: LONG, values: [t.height] },
    { tag: 279, type: LONG, values: [dataBytes] },
    { tag: 284, type: SHORT, values: [1] },
    { tag: 339, type: SHORT, values: [format] },
  ];
  if (t.pixelScale) entries.push({ tag: 33550, type: DOUBLE, values: t.pixelScale });
  if (t.tiepoint) entries.push({ tag: 33922, type: DOUBLE, values: t.tiepoint });
  if (t.transformation) entries.push({ tag: 34264, type: DOUBLE, values: t.transformation });
  if (t.geoKeys) {
    const ids = Object.keys(t.geoKeys).map(Number).sort((a, b) => a - b);
    entries.push({ tag: 34735, type: SHORT, values: [1, 1, 0, ids.length, ...ids.flatMap((id) => [id, 0, 1, t.geoKeys![id]!])] });
  }
  if (t.nodata !== undefined) entries.push({ tag: 42113, type: ASCII, values: t.nodata + '\0' });
  entries.sort((a, b) => a.tag - b.tag);

  const ifdBytes = 2 + entries.length * 12 + 4;
  const extra = entries.map((e) => (typeof e.values === 'string' ? e.values.length : e.values.length) * TYPE_BYTES[e.type]!);
  let extraTotal = 0;
  for (const n of extra) if (n > 4) extraTotal += n + (n % 2);
  const dataOffset = 8 + ifdBytes + extraTotal;
  entries.find((e) => e.tag === 273)!.values = [dataOffset];

  const out = new Uint8Array(dataOffset + dataBytes);
  const view = new DataView(out.buffer);
  out[0] = 0x49; out[1] = 0x49; view.setUint16(2, 42, true); view.setUint32(4, 8, true);
  let p = 8;
  view.setUint16(p, entries.length, true); p += 2;
  let extraAt = 8 + ifdBytes;
  const put = (at: number, e: Entry): void => {
    if (typeof e.values === 'string') { for (let i = 0; i < e.values.length; i++) out[at + i] = e.values.charCodeAt(i); return; }
    e.values.forEach((v, i) => {
      if (e.type === SHORT) view.setUint16(at + 2 * i, v, true);
      else if (e.type === LONG) view.setUint32(at + 4 * i, v, true);
      else view.setFloat64(at + 8 * i, v, true);
    });
  };
  entries.forEach((e, k) => {
    const count = typeof e.values === 'string' ? e.values.length : e.values.length;
    view.setUint16(p, e.tag, true);
    view.setUint16(p + 2, e.type, true);
    view.setUint32(p + 4, count, true);
    if (extra[k]! <= 4) put(p + 8, e);
    else {
      view.setUint32(p + 8, extraAt, true);
      put(extraAt, e);
      extraAt += extra[k]! + (extra[k]! % 2);
    }
    p += 12;
  });
  view.setUint32(p, 0, true);
  // Samples little-endian: typed arrays are in the platform's order, which is little-endian on every target we run.
  out.set(strip, dataOffset);
  return out;
}

/**
 * What a user can choose when importing a household or site file (issue 5; FORMATS.md §1, §3):
 * the text encoding, the worksheet, the column mapping, the coordinate system and which swapped
 * rows to fix. Every field is optional; without any, everything is detected.
 */
import type { HouseholdField } from './types.ts';
import type { ClassifySettings } from './thresholds.ts';

/** Encodings a user can choose for a text file; detected when not chosen. */
export type TextEncoding = 'utf-8' | 'gb18030';

/**
 * Coordinate system of the positions in a file: WGS-84 (GPS), GCJ-02 (Amap/Gaode, Tencent and
 * Google Maps in China) or BD-09 (Baidu Maps). Converted to WGS-84 on import.
 */
export type InputCrs = 'wgs84' | 'gcj02' | 'bd09';

export interface ImportOptions {
  /** Text encoding of a CSV/GeoJSON file (ignored for .xlsx). */
  encoding?: TextEncoding;
  /** Worksheet of an .xlsx file; the first visible one when absent. */
  sheet?: string;
  /** Field of each column by column index (the user's mapping); detected from the header when absent. */
  mapping?: (HouseholdField | null)[];
  /**
   * Mappings the user chose before, by `headerSignature` of their files' headers: used when
   * `mapping` is absent and this file's headers have a signature in it (the mapping dialog's memory).
   */
  rememberedMappings?: Readonly<Record<string, (HouseholdField | null)[]>>;
  /** Coordinate system of the file; default 'wgs84'. */
  crs?: InputCrs;
  /** Rows (by line) whose swapped lon/lat the user agreed to fix, or 'all'. */
  fixSwappedLines?: number[] | 'all';
  /** Classification thresholds and merge rule; the defaults when absent. */
  settings?: ClassifySettings;
}

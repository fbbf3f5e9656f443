/**
 * The domain model shared by the app, the worker, the CLI and the tests.
 * Units live in the names: `...M` metres, `...Dbm` dBm, `...Mbps` Mbit/s. Coordinates are WGS-84
 * `[lon, lat]` (GeoJSON order) everywhere inside the program.
 */

/** Attendance classes, worst first (FORMATS.md §2). */
export const ATTENDANCE_CLASSES = ['none', 'poor', 'fair', 'good', 'unknown'] as const;
export type AttendanceClass = (typeof ATTENDANCE_CLASSES)[number];
/** The four classes a report can yield; `unknown` means "no usable report". */
export type KnownClass = Exclude<AttendanceClass, 'unknown'>;

/** One row of a household report file, after validation. */
export interface Report {
  /** 1-based line in the file (header = line 1; GeoJSON: 1-based feature index). */
  line: number;
  /** Signal category as the row gave it, normalised (`none|poor|fair|good`). */
  signal?: KnownClass;
  rsrpDbm?: number;
  downMbps?: number;
  /** ISO date or date-time string as given (validated). */
  reportedAt?: string;
  operator?: string;
  /** The class this single report yields (worst of its measures); `unknown` if it has none. */
  cls: AttendanceClass;
}

/** A household: one or more merged reports sharing an id. */
export interface Household {
  id: string;
  lon: number;
  lat: number;
  /** School-age children in the home (default 1). */
  students: number;
  county?: string;
  township?: string;
  village?: string;
  /** Reports behind this household, in file order. */
  reports: Report[];
  /** The merged attendance class (worst wins by default; see MergeRule). */
  cls: AttendanceClass;
  /**
   * Personal fields (names, phones, ID numbers): kept in memory only, never exported by default,
   * never quoted in issue messages, hidden in the UI until the user asks.
   */
  personal: Record<string, string>;
  /** Line of the first row of this household. */
  line: number;
}

/** Stable codes of row-level issues (FORMATS.md §1). Extend, never rename. */
export type IssueCode =
  | 'missing_coordinate'
  | 'not_a_number'
  | 'out_of_range'
  | 'swapped_lat_lon'
  | 'outside_area'
  | 'duplicate_id_conflict'
  | 'unknown_signal_value'
  | 'invalid_date'
  | 'not_a_point'
  | 'empty_row'
  /** A cell of another country (OpenCelliD MCC ≠ 460): a warning; the row is skipped, not an error of the file. */
  | 'other_country';

/**
 * `error`: the row was not used (it is listed, never silently dropped).
 * `warning`: the row was used, the offending field was ignored or defaulted.
 */
export type IssueSeverity = 'error' | 'warning';

export interface ImportIssue {
  /** 1-based line of the file (header = line 1); GeoJSON: 1-based feature index. */
  line: number;
  /** Canonical field name (`lon`, `rsrp_dbm`, ...) or `row`. */
  field: string;
  code: IssueCode;
  /** English message naming line, field and value (never a personal field's value). */
  message: string;
  severity: IssueSeverity;
  /** The offending value as text (omitted for personal fields), for the UI's own wording. */
  value?: string;
}

/** Canonical household-report fields (FORMATS.md §1). */
export type HouseholdField =
  | 'id' | 'lon' | 'lat' | 'students' | 'county' | 'township' | 'village'
  | 'signal' | 'rsrp_dbm' | 'down_mbps' | 'reported_at' | 'operator' | 'personal';

/** Column index → field, as detected from the header (or chosen by the user later). */
export interface ColumnMapping {
  /** For each column of the table: the field it feeds, or null when ignored. */
  fields: (HouseholdField | null)[];
}

/** A table of text cells, whatever the file format was (CSV, Excel, GeoJSON properties). */
export interface RawTable {
  headers: string[];
  rows: RawRow[];
  /** Line (sheet row) of the header, when the reader knows it (CSV, Excel). */
  headerLine?: number;
}
export interface RawRow {
  /** 1-based line (or feature index / sheet row) used in issues. */
  line: number;
  cells: string[];
  /** Coordinates from a geometry (GeoJSON), taking precedence over lon/lat columns. */
  point?: [number, number];
}

export interface ParseResult {
  /** Data rows read (header excluded, blank lines excluded). */
  rows: number;
  households: Household[];
  issues: ImportIssue[];
  /** Which field each column was mapped to (header text → field or null). */
  mapping: { header: string; field: HouseholdField | null }[];
  format: 'csv' | 'geojson' | 'xlsx';
}

/** An existing or proposed base station. */
export interface Site {
  id: string;
  name: string;
  lon: number;
  lat: number;
  /** `existing` for the operator's sites; a proposal's planning status otherwise (see ProposalStatus). */
  status: 'existing' | 'proposed' | 'surveyed' | 'approved' | 'rejected';
  antennaHeightM: number;
  bandMHz: number;
  eirpDbm: number;
  radiusM: number;
  operator?: string;
  /** True for the demo's synthetic sites. */
  synthetic?: boolean;
  /** Radio technology (GSM, UMTS, CDMA, LTE, NR), when the source says (OpenCelliD). */
  radio?: string;
}

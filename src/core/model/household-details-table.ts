/**
 * What a `HouseholdTable` leaves out — each home's reports and personal fields — as columns too
 * (issue 9 §1): the reports of all homes in report columns, grouped by home (home i's are rows
 * `reportStart[i]` … `reportStart[i + 1] − 1`, in file order), texts as indices into one table,
 * personal fields as one column of values per key. The worker holds it beside the table for a
 * large file and builds a home's `Report` objects only when the page asks for them
 * (`householdAt`, io/households-of-columns.ts).
 * A million homes' reports take ≈ 35 MB here against ≈ 150 MB as objects.
 */
export interface HouseholdDetailsTable {
  /** `count + 1` offsets into the report columns. */
  reportStart: Uint32Array;
  reportLine: Int32Array;
  /** The row's signal category as an index into `ATTENDANCE_CLASSES` (0 none … 3 good); −1: not given. */
  reportSignal: Int8Array;
  /** NaN: not given. */
  reportRsrpDbm: Float64Array;
  reportDownMbps: Float64Array;
  /** The report's own class, an index into `ATTENDANCE_CLASSES`. */
  reportCls: Uint8Array;
  /** Index into `texts`; −1: not given. */
  reportReportedAt: Int32Array;
  reportOperator: Int32Array;
  texts: string[];
  /** The personal columns' keys (headers), in column order. */
  personalKeys: string[];
  /** Per key, per home: the first value a row of the home gave, or undefined. */
  personal: (string | undefined)[][];
  /**
   * Homes a later row of which filled in an area field or a personal field, with those fields in
   * the order it did (`'county'`, or `'personal'` + the key): the objects' key order, which the
   * project file and the tests see. Rare (a duplicate row adding what the first lacked).
   */
  lateFields: Map<number, string[]>;
}

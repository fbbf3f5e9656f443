/**
 * Rows that passed validation, one array per field, in table order (the fast path's `ValidRow[]`,
 * issue 9): numbers in typed arrays sized for every row of the table (no growth, nothing for the
 * scavenger to copy), texts in arrays of that length, personal fields one column per key. Filled
 * by `parseHouseholdTable`'s fast path, read by `mergeValidColumns`.
 */
import type { KnownClass } from '../model/types.ts';
import type { ValidRow } from './validate-rows.ts';

export const SIGNAL_CODE: Readonly<Record<KnownClass, number>> = { none: 0, poor: 1, fair: 2, good: 3 };

export class ValidColumns {
  count = 0;
  readonly line: Int32Array;
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  /** -1: not given (or rejected). Float64: a "-0" cell stays -0, as in the reference. */
  readonly students: Float64Array;
  /** `SIGNAL_CODE`; -1: none. */
  readonly signal: Int8Array;
  /** NaN: none (a valid measure is never NaN). */
  readonly rsrpDbm: Float64Array;
  readonly downMbps: Float64Array;
  readonly id: (string | undefined)[];
  readonly county: (string | undefined)[];
  readonly township: (string | undefined)[];
  readonly village: (string | undefined)[];
  readonly reportedAt: (string | undefined)[];
  readonly operator: (string | undefined)[];
  /** One column per key of `personalKeys` (distinct: the fast path's condition). */
  readonly personal: (string | undefined)[][];

  constructor(capacity: number, readonly personalKeys: readonly string[]) {
    this.line = new Int32Array(capacity);
    this.lon = new Float64Array(capacity);
    this.lat = new Float64Array(capacity);
    this.students = new Float64Array(capacity);
    this.signal = new Int8Array(capacity);
    this.rsrpDbm = new Float64Array(capacity);
    this.downMbps = new Float64Array(capacity);
    const texts = (): (string | undefined)[] => new Array<string | undefined>(capacity).fill(undefined);
    this.id = texts();
    this.county = texts();
    this.township = texts();
    this.village = texts();
    this.reportedAt = texts();
    this.operator = texts();
    this.personal = personalKeys.map(texts);
  }

  /** Adds a row; its personal values (one per key, '' or undefined: none) are set with `setPersonal`. */
  push(
    line: number, lon: number, lat: number, id: string | undefined, students: number, county: string | undefined,
    township: string | undefined, village: string | undefined, signal: KnownClass | undefined, rsrpDbm: number | undefined,
    downMbps: number | undefined, reportedAt: string | undefined, operator: string | undefined,
  ): number {
    const k = this.count++;
    this.line[k] = line;
    this.lon[k] = lon;
    this.lat[k] = lat;
    this.id[k] = id;
    this.students[k] = students;
    this.county[k] = county;
    this.township[k] = township;
    this.village[k] = village;
    this.signal[k] = signal === undefined ? -1 : SIGNAL_CODE[signal];
    this.rsrpDbm[k] = rsrpDbm ?? NaN;
    this.downMbps[k] = downMbps ?? NaN;
    this.reportedAt[k] = reportedAt;
    this.operator[k] = operator;
    return k;
  }

  pushValidRow(r: ValidRow): void {
    const k = this.push(r.line, r.lon, r.lat, r.id, r.students ?? -1, r.county, r.township, r.village, r.report.signal, r.report.rsrpDbm,
      r.report.downMbps, r.report.reportedAt, r.report.operator);
    for (let p = 0; p < this.personalKeys.length; p++) this.personal[p]![k] = r.personal[this.personalKeys[p]!];
  }
}

/**
 * Households as columns, to hand a large dataset from the worker to the page in a few typed
 * arrays instead of a million nested objects (issue 9 §1: structured cloning 1,000,000 households
 * blocked the page for ≈ 5 s and doubled the heap).
 *
 * What crosses: position (Float64), students (Float64), class (Uint8, index into
 * ATTENDANCE_CLASSES), first line (Int32), the ids as one concatenated string cut by each id's
 * length (Uint32: any character may be in an id), and county / township / village as indices
 * (Int32, −1 = absent) into one small table of names. What stays behind: each home's reports and personal fields (kept by the
 * worker; the page asks for one home's when it is opened).
 * `decodeHouseholdColumns` rebuilds light households whose `reports` is the shared frozen
 * `REPORTS_IN_WORKER` array and whose `personal` is empty: `detailsInWorker(h)` tells them apart.
 * Cost: encode O(n) plus the id string; decode O(n) object creation (≈ 0.3 s for 1,000,000).
 */
import { ATTENDANCE_CLASSES, type AttendanceClass, type Household, type Report } from '../model/types.ts';

export interface HouseholdColumns {
  count: number;
  lon: Float64Array;
  lat: Float64Array;
  students: Float64Array;
  cls: Uint8Array;
  line: Int32Array;
  ids: string;
  idLength: Uint32Array;
  /** Per home, index into `names` (−1: none). */
  county: Int32Array;
  township: Int32Array;
  village: Int32Array;
  names: string[];
}

/** The reports of a light household: they stay in the worker. */
export const REPORTS_IN_WORKER: readonly Report[] = Object.freeze([]);
const NO_PERSONAL: Readonly<Record<string, string>> = Object.freeze({});

export const detailsInWorker = (h: Pick<Household, 'reports'>): boolean => h.reports === REPORTS_IN_WORKER;

export function encodeHouseholdColumns(households: readonly Household[]): { columns: HouseholdColumns; transfer: ArrayBuffer[] } {
  const n = households.length;
  const c: HouseholdColumns = {
    count: n,
    lon: new Float64Array(n), lat: new Float64Array(n), students: new Float64Array(n), cls: new Uint8Array(n), line: new Int32Array(n),
    ids: '', idLength: new Uint32Array(n), county: new Int32Array(n), township: new Int32Array(n), village: new Int32Array(n), names: [],
  };
  const nameIndex = new Map<string, number>();
  const name = (value: string | undefined): number => {
    if (value === undefined) return -1;
    let k = nameIndex.get(value);
    if (k === undefined) { k = c.names.length; c.names.push(value); nameIndex.set(value, k); }
    return k;
  };
  const clsIndex = new Map<AttendanceClass, number>(ATTENDANCE_CLASSES.map((x, k) => [x, k]));
  const ids: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const h = households[i]!;
    c.lon[i] = h.lon; c.lat[i] = h.lat; c.students[i] = h.students; c.cls[i] = clsIndex.get(h.cls)!; c.line[i] = h.line;
    ids[i] = h.id; c.idLength[i] = h.id.length;
    c.county[i] = name(h.county); c.township[i] = name(h.township); c.village[i] = name(h.village);
  }
  c.ids = ids.join('');
  return { columns: c, transfer: [c.lon, c.lat, c.students, c.cls, c.line, c.idLength, c.county, c.township, c.village].map((a) => a.buffer as ArrayBuffer) };
}

export function decodeHouseholdColumns(c: HouseholdColumns): Household[] {
  const out: Household[] = new Array(c.count);
  let at = 0;
  for (let i = 0; i < c.count; i++) {
    const id = c.ids.slice(at, at + c.idLength[i]!);
    at += c.idLength[i]!;
    const h: Household = {
      id, lon: c.lon[i]!, lat: c.lat[i]!, students: c.students[i]!, reports: REPORTS_IN_WORKER as Report[], cls: ATTENDANCE_CLASSES[c.cls[i]!]!,
      personal: NO_PERSONAL as Record<string, string>, line: c.line[i]!,
    };
    if (c.county[i]! >= 0) h.county = c.names[c.county[i]!];
    if (c.township[i]! >= 0) h.township = c.names[c.township[i]!];
    if (c.village[i]! >= 0) h.village = c.names[c.village[i]!];
    out[i] = h;
  }
  return out;
}

/**
 * `mergeHouseholds` over the fast path's validated rows (`ValidColumns`), straight into columns
 * (issue 9 §1): the homes as a `HouseholdTable` and their reports and personal fields as a
 * `HouseholdDetailsTable`, with no object per row or per home. Same rules as `mergeHouseholds`
 * (FORMATS.md §1): rows sharing an id merge into the home of the first, unless more than
 * `duplicateMaxDistanceM` from it (`duplicate_id_conflict`, not merged); students, county,
 * township, village and each personal field come from the first row that gives them; an id-less
 * row gets `String(line)` (then `row-<line>`, …) and never merges; each report is classified by
 * `classifyReport`, each home by `mergeClasses` (`classifyHouseholdColumns`). `householdsOfColumns` of the result is exactly
 * `mergeHouseholds`' households (tests pin it field for field and in key order).
 * Only rows with `kept[k]` = 1 are merged (`outside_area` rows are not).
 * Cost: O(rows) — an open-addressing id table (`IdIndex`), a map look-up per area name and report text
 * (fewer: the last is remembered).
 * Progress: `onProgress('merging', done, total)` every `PROGRESS_EVERY_ROWS` rows.
 */
import type { ImportIssue } from '../model/types.ts';
import { VALUE_LIMITS, type ClassifySettings } from '../model/thresholds.ts';
import type { HouseholdTable } from '../model/household-table.ts';
import type { HouseholdDetailsTable } from '../model/household-details-table.ts';
import { classifyHouseholdColumns } from '../analysis/classify-household-columns.ts';
import { haversineLonLatM } from '../analysis/haversine-lon-lat-m.ts';
import { IdIndex } from './id-index.ts';
import { quoteValue } from './quote-value.ts';
import type { ValidColumns } from './valid-columns.ts';
import { textTable } from './text-table.ts';

/** How often progress is said: a call costs nothing next to 10,000 rows. */
export const PROGRESS_EVERY_ROWS = 10_000;

const AREA_FIELDS = ['county', 'township', 'village'] as const;


/** `code` remembering its last answer: the rows of a village mostly come together (one compare instead of a map look-up). */
function lastRemembered(code: (text: string | undefined) => number): (text: string | undefined) => number {
  let last: string | undefined;
  let lastCode = -1;
  return (text) => {
    if (text !== last) { last = text; lastCode = code(text); }
    return lastCode;
  };
}

export function mergeValidColumns(
  rows: ValidColumns, kept: Uint8Array, settings: ClassifySettings,
  onProgress?: (step: 'merging', rowsDone: number, rowsTotal: number) => void,
): { table: HouseholdTable; details: HouseholdDetailsTable; issues: ImportIssue[] } {
  const n = rows.count;
  onProgress?.('merging', 0, n);
  let nextReport = PROGRESS_EVERY_ROWS;
  let idless = false;
  for (let k = 0; k < n; k++) if (kept[k] && rows.id[k] === undefined) { idless = true; break; }
  // Generated ids need every real id, and the ids used so far; without an id-less row neither is asked.
  const realIds = new Set<string>();
  const usedIds = new Set<string>();
  if (idless) for (let k = 0; k < n; k++) { const id = rows.id[k]; if (kept[k] && id !== undefined) realIds.add(id); }
  const generatedId = (line: number): string => {
    let id = String(line);
    for (let k = 1; realIds.has(id) || usedIds.has(id); k++) id = k === 1 ? `row-${line}` : `row-${line}-${k}`;
    return id;
  };

  // Homes, in the order of their first rows (capacity: one per row).
  const ids: string[] = [];
  const homeOf = new Int32Array(n).fill(-1); // the home each row's report joins; −1: none
  const firstRow = new Int32Array(n);
  const students = new Float64Array(n);
  const area = { county: new Int32Array(n), township: new Int32Array(n), village: new Int32Array(n) };
  const names = textTable();
  const countyCode = lastRemembered(names.code);
  const townshipCode = lastRemembered(names.code);
  const villageCode = lastRemembered(names.code);
  const areaCode = { county: countyCode, township: townshipCode, village: villageCode };
  // The hot loop reads locals, not properties.
  const { county: countyOf, township: townshipOf, village: villageOf } = area;
  const { county: rowCounty, township: rowTownship, village: rowVillage, id: rowIds } = rows;
  const personalKeys = rows.personalKeys;
  const personal = personalKeys.map(() => [] as (string | undefined)[]);
  const lateFields = new Map<number, string[]>();
  const late = (home: number, field: string): void => {
    const list = lateFields.get(home);
    if (list) list.push(field); else lateFields.set(home, [field]);
  };
  const byId = new IdIndex(n, (home) => ids[home]!);
  const issues: ImportIssue[] = [];

  for (let k = 0; k < n; k++) {
    if (k === nextReport) {
      onProgress?.('merging', k, n);
      nextReport += PROGRESS_EVERY_ROWS;
    }
    if (!kept[k]) continue;
    const line = rows.line[k]!;
    const rowId = rowIds[k];
    const existing = rowId === undefined ? -1 : byId.find(rowId);
    if (existing >= 0) {
      const first = firstRow[existing]!;
      const d = haversineLonLatM(rows.lon[first]!, rows.lat[first]!, rows.lon[k]!, rows.lat[k]!);
      if (d > VALUE_LIMITS.duplicateMaxDistanceM) {
        issues.push({ line, field: 'id', code: 'duplicate_id_conflict', severity: 'error', value: rowId,
          message: `line ${line}: id ${quoteValue(rowId ?? '')} was first used on line ${rows.line[first]}; `
            + `this row is ${Math.round(d)} m from it (more than ${VALUE_LIMITS.duplicateMaxDistanceM} m), so it was not merged` });
        continue;
      }
      homeOf[k] = existing;
      const s = rows.students[k]!;
      if (students[existing] === -1 && s !== -1) students[existing] = s;
      for (const f of AREA_FIELDS) {
        const v = rows[f][k];
        if (area[f][existing] === -1 && v !== undefined) { area[f][existing] = areaCode[f](v); late(existing, f); }
      }
      for (let p = 0; p < personalKeys.length; p++) {
        const v = rows.personal[p]![k];
        if (personal[p]![existing] === undefined && v !== undefined) { personal[p]![existing] = v; late(existing, `personal${personalKeys[p]}`); }
      }
      continue;
    }
    const home = ids.length;
    const id = rowId ?? generatedId(line);
    if (idless) usedIds.add(id);
    ids.push(id);
    homeOf[k] = home;
    firstRow[home] = k;
    students[home] = rows.students[k]!; // -1: not stated yet; resolved below
    countyOf[home] = countyCode(rowCounty[k]);
    townshipOf[home] = townshipCode(rowTownship[k]);
    villageOf[home] = villageCode(rowVillage[k]);
    for (let p = 0; p < personalKeys.length; p++) personal[p]![home] = rows.personal[p]![k];
    if (rowId !== undefined) byId.add(IdIndex.hash(rowId), home);
  }

  const count = ids.length;
  // Reports grouped by home, in file order within a home (a counting sort of the merged rows).
  const reportStart = new Uint32Array(count + 1);
  for (let k = 0; k < n; k++) if (homeOf[k]! >= 0) reportStart[homeOf[k]! + 1]!++;
  for (let i = 0; i < count; i++) reportStart[i + 1]! += reportStart[i]!;
  const reports = reportStart[count]!;
  const texts = textTable();
  const reportedAtCode = lastRemembered(texts.code);
  const operatorCode = lastRemembered(texts.code);
  const details: HouseholdDetailsTable = {
    reportStart, reportLine: new Int32Array(reports), reportSignal: new Int8Array(reports), reportRsrpDbm: new Float64Array(reports),
    reportDownMbps: new Float64Array(reports), reportCls: new Uint8Array(0), reportReportedAt: new Int32Array(reports),
    reportOperator: new Int32Array(reports), texts: texts.texts, personalKeys: [...personalKeys], personal, lateFields,
  };
  const next = reportStart.slice(0, count);
  for (let k = 0; k < n; k++) {
    const home = homeOf[k]!;
    if (home < 0) continue;
    const r = next[home]!++;
    details.reportLine[r] = rows.line[k]!;
    details.reportSignal[r] = rows.signal[k]!;
    details.reportRsrpDbm[r] = rows.rsrpDbm[k]!;
    details.reportDownMbps[r] = rows.downMbps[k]!;
    details.reportReportedAt[r] = reportedAtCode(rows.reportedAt[k]);
    details.reportOperator[r] = operatorCode(rows.operator[k]);
  }

  const table: HouseholdTable = {
    count, lon: new Float64Array(count), lat: new Float64Array(count), students: students.slice(0, count), cls: new Uint8Array(0), // classes: classifyHouseholdColumns below
    line: new Int32Array(count), ids: ids.join(''), idStart: new Uint32Array(count + 1),
    county: area.county.slice(0, count), township: area.township.slice(0, count), village: area.village.slice(0, count), names: names.texts,
  };
  let at = 0;
  for (let i = 0; i < count; i++) {
    const first = firstRow[i]!;
    table.lon[i] = rows.lon[first]!;
    table.lat[i] = rows.lat[first]!;
    table.line[i] = rows.line[first]!;
    at += ids[i]!.length;
    table.idStart[i + 1] = at;
    if (table.students[i] === -1) table.students[i] = 1;
  }
  onProgress?.('merging', n, n);
  return { ...classifyHouseholdColumns(table, details, settings), issues };
}

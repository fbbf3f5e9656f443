/**
 * One home of a `HouseholdTable` as the page shows it: every field the table holds (id, position,
 * students, class, line, county / township / village). Its reports and personal fields are not in
 * the table: the page asks for them when the home is opened (`CoreClient.householdDetails`).
 * Cost: O(1), one small object; the page makes one per opened home, never one per home.
 */
import { ATTENDANCE_CLASSES, type Household } from '../model/types.ts';
import type { HouseholdTable } from '../model/household-table.ts';

export type HouseholdRow = Omit<Household, 'reports' | 'personal'>;

export function householdRowAt(t: HouseholdTable, i: number): HouseholdRow {
  const h: HouseholdRow = {
    id: t.ids.slice(t.idStart[i]!, t.idStart[i + 1]!), lon: t.lon[i]!, lat: t.lat[i]!, students: t.students[i]!,
    cls: ATTENDANCE_CLASSES[t.cls[i]!]!, line: t.line[i]!,
  };
  if (t.county[i]! >= 0) h.county = t.names[t.county[i]!];
  if (t.township[i]! >= 0) h.township = t.names[t.township[i]!];
  if (t.village[i]! >= 0) h.village = t.names[t.village[i]!];
  return h;
}

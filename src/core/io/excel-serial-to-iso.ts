/**
 * Writes an Excel date serial (days since the workbook's epoch, the fraction being the time of
 * day) as ISO 8601 text: "2025-03-01" for a whole day, "2025-03-01T08:30:00" when it has a time
 * (rounded to the second), "08:30:00" for a time-only format below one day.
 * 1900 date system: serial 1 = 1900-01-01 and, as in Excel (a Lotus 1-2-3 legacy), serial 60 is
 * the non-existent 1900-02-29 (written so; it then fails date validation, as it should);
 * 1904 system: serial 0 = 1904-01-01. Returns null for serials that are no date (below 1 in the
 * 1900 system with a date format, negative, or past 9999-12-31), so the caller keeps the number.
 * Cost: O(1).
 */
import type { DateFormatKind } from './date-format-kind.ts';

const DAY_MS = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function excelSerialToIso(serial: number, kind: DateFormatKind, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2_958_466) return null;
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86_400);
  if (seconds === 86_400) { days++; seconds = 0; }
  const time = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  if (kind === 'time' && days === 0) return time;
  let date: string;
  if (date1904) {
    const d = new Date(Date.UTC(1904, 0, 1) + days * DAY_MS);
    date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  } else if (days === 60) {
    date = '1900-02-29';
  } else if (days < 1) {
    return null;
  } else {
    const d = new Date(Date.UTC(1899, 11, days < 60 ? 31 : 30) + days * DAY_MS);
    date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  return seconds === 0 && kind !== 'time' ? date : `${date}T${time}`;
}

/**
 * Reads a report date: an ISO 8601 date or date-time ("2025-03-01", "2025-03-01T08:30",
 * "2025-03-01 08:30:15+08:00", "2025-03-01T00:30Z") and the forms spreadsheets write in China
 * ("2025/3/1", "2025.3.1 8:30"). Returns milliseconds since the epoch, or null when the text is
 * not such a date or names an impossible one (2025-02-30, 25:00).
 * A date-time without an offset is read as UTC: all rows of a file are read alike, which is what
 * the `latest` merge rule needs to order them (FORMATS.md §2). Not supported: week dates, ordinal
 * dates, two-digit years, month names. Cost: O(n) in the cell's length.
 */
import { normalizeWidth } from './normalize-width.ts';

const DATE_TIME =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parseReportDate(cell: string): number | null {
  const match = DATE_TIME.exec(normalizeWidth(cell).trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  let offsetMinutes = 0;
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2));
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
}

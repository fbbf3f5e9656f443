/**
 * One CSV cell as RFC 4180 writes it: quoted when it holds a comma, a quote, a CR or LF, or
 * leading/trailing spaces; quotes doubled. Numbers are written as given (callers format them).
 * Cost: O(length).
 */
export function csvCell(value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (no line ending). */
export function csvLine(cells: readonly (string | number | boolean | undefined | null)[]): string {
  return cells.map(csvCell).join(',');
}

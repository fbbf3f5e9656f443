/**
 * Whether an uploaded file should be read as GeoJSON rather than CSV: its name ends in .geojson
 * or .json, or its text starts (after an optional BOM and whitespace) with `{`. Cost: O(1)
 * amortised (the regular expression stops at the first non-space character).
 */
export function looksLikeGeojson(name: string, text: string): boolean {
  return /\.(geo)?json$/i.test(name.trim()) || /^\uFEFF?\s*\{/.test(text);
}

/**
 * Reads a site-proposals file (FORMATS.md §4, `blindspot.sites/1`) back into proposals, in file
 * order. Inverse of `proposalsToGeoJson`: parse(export(p)) equals p with lon/lat rounded to 6
 * decimals, and exporting the result again gives the same file.
 * Accepts: a FeatureCollection whose `blindspot.schema`, when present, is `blindspot.sites/1`;
 * Point features with `kind: "site"` (or no kind); `kind: "coverage"` features are skipped (they
 * are derived). Missing optional fields take defaults: name = id, origin `manual`, notes "",
 * antenna 30 m, band 900 MHz, EIRP 58 dBm, radius `defaultRadiusM(band, height)`, cost 250,000.
 * Throws `UserInputError` (`invalid_sites_file`) for text that is not JSON, not such a
 * collection, a feature that is not a Point in range, a missing/duplicate id, a status not in
 * `PROPOSAL_STATUSES` (proposed, surveyed, approved, rejected; default proposed), or a field
 * of the wrong type or out of range; `file_too_large` for text longer than
 * `INPUT_LIMITS.maxTextBytes` characters. Nesting is harmless: nothing here recurses (JSON.parse
 * does not), so a value nested 100,000 deep is just a field of the wrong type. Cost: O(file size).
 */
import { UserInputError } from '../model/errors.ts';
import { DEFAULT_SITE_COST_CNY, PROPOSAL_STATUSES, type ProposalStatus, type ProposedSite } from '../model/proposal.ts';
import { defaultRadiusM } from '../coverage/default-radius-m.ts';
import { SITES_SCHEMA } from './export-sites-geojson.ts';
import { checkTextSize } from './input-limits.ts';

const fail = (message: string, params: Record<string, string | number> = {}): never => {
  throw new UserInputError('invalid_sites_file', `Not a usable site-proposals file: ${message}`, params);
};

const isProposalStatus = (s: string): s is ProposalStatus => (PROPOSAL_STATUSES as readonly string[]).includes(s);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseProposalsGeoJson(text: string): ProposedSite[] {
  checkTextSize(text.length, 'the site-proposals file');
  let doc: unknown;
  try { doc = JSON.parse(text.replace(/^\uFEFF/, '')); } catch { return fail('the text is not JSON.'); }
  if (!isObject(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) return fail('not a GeoJSON FeatureCollection.');
  if (doc.blindspot !== undefined) {
    if (!isObject(doc.blindspot) || doc.blindspot.schema !== SITES_SCHEMA) return fail(`the schema is not ${SITES_SCHEMA}.`);
  }
  const out: ProposedSite[] = [];
  const ids = new Set<string>();
  doc.features.forEach((f: unknown, i: number) => {
    const where = `feature ${i + 1}`;
    if (!isObject(f) || f.type !== 'Feature') return fail(`${where} is not a Feature.`, { feature: i + 1 });
    const props = f.properties === null || f.properties === undefined ? {} : f.properties;
    if (!isObject(props)) return fail(`${where} has no properties object.`, { feature: i + 1 });
    if (props.kind === 'coverage') return;
    if (props.kind !== undefined && props.kind !== 'site') return fail(`${where} has an unknown kind.`, { feature: i + 1 });
    const g = f.geometry;
    if (!isObject(g) || g.type !== 'Point' || !Array.isArray(g.coordinates) || g.coordinates.length < 2) return fail(`${where} is not a Point.`, { feature: i + 1 });
    const [lon, lat] = g.coordinates as unknown[];
    if (typeof lon !== 'number' || typeof lat !== 'number' || !(Math.abs(lon) <= 180) || !(Math.abs(lat) <= 90)) {
      return fail(`${where} has coordinates out of range.`, { feature: i + 1 });
    }
    const id = props.id ?? f.id;
    if (typeof id !== 'string' || id === '') return fail(`${where} has no site id.`, { feature: i + 1 });
    if (ids.has(id)) return fail(`${where} repeats the site id ${id}.`, { feature: i + 1 });
    ids.add(id);
    const str = (key: string, dflt: string): string => {
      const v = props[key];
      if (v === undefined || v === null) return dflt;
      return typeof v === 'string' ? v : fail(`${where}: ${key} is not text.`, { feature: i + 1 });
    };
    const num = (key: string, dflt: number, min: number, max: number): number => {
      const v = props[key];
      if (v === undefined || v === null) return dflt;
      return typeof v === 'number' && v >= min && v <= max ? v : fail(`${where}: ${key} is not a number from ${min} to ${max}.`, { feature: i + 1 });
    };
    const status = str('status', 'proposed');
    if (!isProposalStatus(status)) return fail(`${where}: status must be one of ${PROPOSAL_STATUSES.join(', ')}.`, { feature: i + 1 });
    const origin = str('origin', 'manual');
    if (origin !== 'manual' && origin !== 'suggested') return fail(`${where}: origin must be manual or suggested.`, { feature: i + 1 });
    const antennaHeightM = num('antennaHeightM', 30, 0, 1000);
    const bandMHz = num('bandMHz', 900, 1, 100_000);
    const site: ProposedSite = {
      id, name: str('name', id), lon, lat, status, origin,
      antennaHeightM, bandMHz, eirpDbm: num('eirpDbm', 58, -50, 100),
      radiusM: num('radiusM', defaultRadiusM(bandMHz, antennaHeightM), 0, 1_000_000),
      costCny: num('costCny', DEFAULT_SITE_COST_CNY, 0, 1e12), notes: str('notes', ''),
    };
    if (props.operator !== undefined) site.operator = str('operator', '');
    if (props.radio !== undefined) site.radio = str('radio', '');
    if (props.synthetic !== undefined) {
      if (typeof props.synthetic !== 'boolean') return fail(`${where}: synthetic is not true/false.`, { feature: i + 1 });
      site.synthetic = props.synthetic;
    }
    out.push(site);
  });
  return out;
}

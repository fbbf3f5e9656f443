/**
 * Fuzz: existing-site files (`parseSitesFile`) — simple site lists as CSV and .xlsx (the
 * documented header, shuffled, cut or mixed with other words; cells made for their column or
 * hostile; workbooks damaged byte-wise), and OpenCelliD cell exports with or without header
 * (14 fields each plausible or hostile, rows cut short, cells stacked at one tower); plus raw bytes
 * and GeoJSON (refused). Contract and time box: see fuzz-harness.ts.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseSitesFile, type SitesFileOptions } from '../../../src/core/index.ts';
import { checkSites, FUZZ_PARAMS, PROPERTY_TIMEOUT_MS, settle } from './fuzz-harness.ts';
import {
  csvLayout, csvText, encodeText, geojsonDocument, opencellidHeader, opencellidRows, rawBytes, siteHeader, siteRows, textForm, titleRows,
  utf8, workbookCase,
} from './generators.ts';

const options: fc.Arbitrary<SitesFileOptions> = fc.record({
  crs: fc.constantFrom(undefined, 'wgs84', 'gcj02', 'bd09'),
  encoding: fc.constantFrom(undefined, 'utf-8', 'gb18030'),
}).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as SitesFileOptions);

const siteListCsv = fc.record({ title: titleRows, header: siteHeader, layout: csvLayout, form: textForm, salt: fc.nat() })
  .chain((f) => siteRows(f.header).map((rows) => ({ name: 'sites.csv', bytes: encodeText(csvText([...f.title, f.header, ...rows], f.layout), f.form, f.salt) })));

const opencellidCsv = fc.record({ header: opencellidHeader, rows: opencellidRows(), layout: csvLayout, form: textForm })
  .map((f) => ({ name: 'cells.csv', bytes: encodeText(csvText(f.header ? [f.header, ...f.rows] : f.rows, f.layout), f.form) }));

const siteListXlsx = workbookCase(siteHeader).map((w) => ({ name: 'sites.xlsx', bytes: w.bytes, ...(w.sheet === undefined ? {} : { sheet: w.sheet }) }));

describe('fuzz: site files', () => {
  it('parseSitesFile, site lists: sites and row issues, or one UserInputError, in time', { timeout: PROPERTY_TIMEOUT_MS }, async () => {
    const file = fc.oneof(
      { weight: 6, arbitrary: siteListCsv },
      { weight: 3, arbitrary: siteListXlsx },
      { weight: 1, arbitrary: fc.record({ name: fc.constantFrom('s.csv', 's.xlsx', 's.geojson', 's'), bytes: rawBytes }) },
      { weight: 1, arbitrary: geojsonDocument.map((d) => ({ name: 's.json', bytes: utf8(JSON.stringify(d) ?? '') })) },
    );
    await fc.assert(fc.asyncProperty(file, options, async (f, o) => {
      const r = await settle(() => parseSitesFile({ name: f.name, bytes: f.bytes }, { ...o, ...('sheet' in f ? { sheet: f.sheet } : {}) }));
      if (r.ok) checkSites(r.value);
    }), FUZZ_PARAMS);
  });

  it('parseSitesFile, OpenCelliD exports: sites and row issues, or one UserInputError, in time', { timeout: PROPERTY_TIMEOUT_MS }, async () => {
    await fc.assert(fc.asyncProperty(opencellidCsv, options, async (f, o) => {
      const r = await settle(() => parseSitesFile(f, o));
      if (r.ok) checkSites(r.value);
    }), FUZZ_PARAMS);
  });
});

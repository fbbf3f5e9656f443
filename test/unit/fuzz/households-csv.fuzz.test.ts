/**
 * Fuzz: household reports as CSV (`parseHouseholdsFile`, `inspectHouseholdsFile`) — a header that
 * usually names lon/lat, title lines, rows of hostile cells (huge numbers, NaN, unicode, quotes,
 * BOMs, separators, line breaks), laid out with any delimiter, line endings and quoting, in UTF-8
 * (with or without BOM), UTF-16 or bytes that are not UTF-8, read with random import options; plus
 * raw bytes under any name. Contract and time box: see fuzz-harness.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerSignature, inspectHouseholdsFile, parseHouseholdsFile, type HouseholdField, type ImportOptions } from '../../../src/core/index.ts';
import { checkHouseholds, FUZZ_PARAMS, PROPERTY_TIMEOUT_MS, settle } from './fuzz-harness.ts';
import { csvLayout, csvText, encodeText, householdHeader, householdRows, rawBytes, textForm, titleRows } from './generators.ts';

const FIELDS: (HouseholdField | null)[] = ['id', 'lon', 'lat', 'students', 'county', 'township', 'village', 'signal', 'rsrp_dbm',
  'down_mbps', 'reported_at', 'operator', 'personal', null];

const importOptions: fc.Arbitrary<ImportOptions> = fc.record({
  encoding: fc.constantFrom(undefined, 'utf-8', 'gb18030'),
  crs: fc.constantFrom(undefined, 'wgs84', 'gcj02', 'bd09'),
  fixSwappedLines: fc.oneof(fc.constant(undefined), fc.constant('all' as const), fc.array(fc.integer({ min: -1, max: 20 }), { maxLength: 4 })),
  mapping: fc.option(fc.array(fc.constantFrom(...FIELDS), { maxLength: 14 }), { nil: undefined, freq: 4 }),
}, { requiredKeys: [] }).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as ImportOptions);

const csvFile = fc.record({
  title: titleRows,
  header: householdHeader,
  layout: csvLayout,
  form: textForm,
  salt: fc.nat(),
  name: fc.constantFrom('h.csv', 'h.txt', 'H.CSV', 'h', 'h.xlsx', 'h.tsv'),
}).chain((f) => householdRows(f.header).map((rows) => {
  const text = csvText([...f.title, f.header, ...rows], f.layout);
  return { name: f.name, bytes: encodeText(text, f.form, f.salt) };
}));

const anyFile = fc.oneof(
  { weight: 9, arbitrary: csvFile },
  { weight: 1, arbitrary: fc.record({ name: fc.constantFrom('x.csv', 'x.txt', 'x.xlsx', 'x.xls', ''), bytes: rawBytes }) },
);

describe('fuzz: household CSV', () => {
  it('parseHouseholdsFile: households and row issues, or one UserInputError, in time', { timeout: PROPERTY_TIMEOUT_MS }, async () => {
    await fc.assert(fc.asyncProperty(anyFile, importOptions, async (file, options) => {
      const r = await settle(() => parseHouseholdsFile({ name: file.name, bytes: file.bytes }, options));
      if (r.ok) checkHouseholds(r.value, options.crs === undefined || options.crs === 'wgs84');
    }), FUZZ_PARAMS);
  });
});

describe('fuzz: inspecting a household file (the mapping dialog)', () => {
  it('inspectHouseholdsFile: a description of every column, or one UserInputError, in time', { timeout: PROPERTY_TIMEOUT_MS }, async () => {
    const remembered = fc.option(fc.array(fc.constantFrom(...FIELDS), { maxLength: 14 }), { nil: undefined });
    await fc.assert(fc.asyncProperty(anyFile, importOptions, remembered, async (file, options, rememberedMapping) => {
      const { mapping, encoding } = options;
      const input = { name: file.name, bytes: file.bytes };
      let opts: Parameters<typeof inspectHouseholdsFile>[1] = { ...(mapping ? { mapping } : {}), ...(encoding ? { encoding } : {}) };
      if (rememberedMapping) {
        // Remember a mapping under this very file's signature (as the dialog does), or under another.
        const first = await settle(() => inspectHouseholdsFile(input, { ...(encoding ? { encoding } : {}) }));
        const signature = first.ok ? first.value.headerSignature : headerSignature(['lon', 'lat']);
        opts = { ...opts, rememberedMappings: { [signature]: rememberedMapping, '__proto__': ['lon'] } };
      }
      const r = await settle(() => inspectHouseholdsFile(input, opts));
      if (!r.ok) return;
      const d = r.value;
      expect(Number.isInteger(d.rows) && d.rows >= 0).toBe(true);
      d.columns.forEach((c, i) => {
        expect(c.index).toBe(i);
        expect(c.samples.length).toBeLessThanOrEqual(3);
        for (const s of c.samples) expect([...s].length).toBeLessThanOrEqual(41);
      });
      expect(typeof d.headerSignature).toBe('string');
      expect(['user', 'remembered', 'detected']).toContain(d.mappingSource);
    }), FUZZ_PARAMS);
  });
});

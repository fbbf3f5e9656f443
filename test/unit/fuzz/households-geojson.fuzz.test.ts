/**
 * Fuzz: household reports as GeoJSON (`parseHouseholdsFile` on .geojson/.json or text starting
 * with `{`) — FeatureCollections with a wrong type possible at every level (collection, features,
 * feature, geometry, coordinates, properties, ids), property values of any JSON type (nested up
 * to 400 deep, arrays of thousands), numbers JSON cannot hold (1e309 reads as Infinity), BOMs and
 * files cut short; in UTF-8 or UTF-16. Contract and time box: see fuzz-harness.ts.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseHouseholdsFile } from '../../../src/core/index.ts';
import { checkHouseholds, FUZZ_PARAMS, PROPERTY_TIMEOUT_MS, settle } from './fuzz-harness.ts';
import { encodeText, geojsonDocument, jsonTextOf } from './generators.ts';

describe('fuzz: household GeoJSON', () => {
  it('parseHouseholdsFile: households and row issues, or one UserInputError, in time', { timeout: PROPERTY_TIMEOUT_MS }, async () => {
    const file = fc.record({
      text: jsonTextOf(geojsonDocument),
      name: fc.constantFrom('h.geojson', 'h.json', 'h.GeoJSON', 'h.csv', 'h.txt'),
      form: fc.constantFrom('utf-8', 'utf-8', 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be') as fc.Arbitrary<'utf-8'>,
      crs: fc.constantFrom(undefined, 'gcj02' as const),
    });
    await fc.assert(fc.asyncProperty(file, async ({ text, name, form, crs }) => {
      const r = await settle(() => parseHouseholdsFile({ name, bytes: encodeText(text, form) }, crs ? { crs } : {}));
      if (r.ok) checkHouseholds(r.value, crs === undefined);
    }), FUZZ_PARAMS);
  });
});

/**
 * Fuzz: household reports as .xlsx (`parseHouseholdsFile`) — workbooks built valid at random (title
 * rows, a household header, typed cells with random `t`/`s`/`r` attributes and hostile values,
 * shared strings, date styles, 1904 dates, a second or hidden sheet) and then, in about half the
 * cases, damaged: bytes overwritten, the file cut short or a slice taken out; the sheet option
 * names a sheet that is there or not. Contract and time box: see fuzz-harness.ts.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseHouseholdsFile } from '../../../src/core/index.ts';
import { checkHouseholds, FUZZ_PARAMS, PROPERTY_TIMEOUT_MS, settle } from './fuzz-harness.ts';
import { householdHeader, workbookCase } from './generators.ts';

describe('fuzz: household workbooks', () => {
  it('parseHouseholdsFile: households and row issues, or one UserInputError, in time', { timeout: PROPERTY_TIMEOUT_MS }, async () => {
    const name = fc.constantFrom('h.xlsx', 'h.XLSX', 'h.xlsm', 'h.csv', 'h');
    await fc.assert(fc.asyncProperty(workbookCase(householdHeader), name, async (w, fileName) => {
      const r = await settle(() => parseHouseholdsFile({ name: fileName, bytes: w.bytes }, w.sheet === undefined ? {} : { sheet: w.sheet }));
      if (r.ok) checkHouseholds(r.value);
    }), FUZZ_PARAMS);
  });
});

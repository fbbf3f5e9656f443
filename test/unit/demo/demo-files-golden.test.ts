/**
 * Golden check: the demo files the app loads at start (public/demo/) are exactly what the
 * generator gives for the default seed and the committed basemap and division lists.
 * If this fails after a deliberate change to src/core/demo/ (or to the basemap / division files),
 * regenerate the files with `npm run demo:build`, look at the difference, and commit them.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoScenario } from '../../../src/core/demo/generate-demo-scenario.ts';
import { demoHouseholdsToCsv } from '../../../src/core/demo/demo-households-csv.ts';
import { demoSitesToCsv } from '../../../src/core/demo/demo-sites-csv.ts';
import { loadDemoInputs, REPO_ROOT } from '../../../src/cli/load-demo-inputs.ts';
import { DEMO_README } from '../../../src/cli/demo-command.ts';

const HINT = 'public/demo is stale: run `npm run demo:build` and commit public/demo/';

describe('public/demo (golden)', () => {
  const scenario = generateDemoScenario(loadDemoInputs());
  const read = (name: string): string => readFileSync(join(REPO_ROOT, 'public/demo', name), 'utf8');

  it('households.csv equals the generator output for the default seed', () => {
    const expected = demoHouseholdsToCsv(scenario.households);
    const actual = read('households.csv');
    // Compare a summary first, so a mismatch prints something readable.
    expect(actual.length, HINT).toBe(expected.length);
    expect(actual === expected, HINT).toBe(true);
  });

  it('sites.csv equals the generator output for the default seed', () => {
    expect(read('sites.csv'), HINT).toBe(demoSitesToCsv(scenario.sites));
  });

  it('README.txt says the data is synthetic', () => {
    expect(read('README.txt'), HINT).toBe(DEMO_README);
    expect(DEMO_README).toMatch(/SYNTHETIC/);
  });
});

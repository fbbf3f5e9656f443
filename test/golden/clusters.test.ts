/**
 * Golden file (Turf's test/in → test/out habit): `analyze` on clusters-in.csv with
 * clusters-in-sites.csv must write exactly clusters-out.geojson. A change in clustering, outlines,
 * ranking, rounding or layout shows up as a diff of that file.
 * To accept a deliberate change, regenerate and review the diff:
 *   UPDATE_GOLDEN=1 npx vitest run test/golden
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runAnalyze } from '../../src/cli/analyze-command.ts';
import type { ClustersFeatureCollection } from '../../src/core/index.ts';

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const IN = here('./clusters-in.csv');
const SITES = here('./clusters-in-sites.csv');
const OUT = here('./clusters-out.geojson');
const GENERATED_AT = '2026-03-13T08:00:00Z';

/** Runs the CLI command in-process; returns its exit code, stdout and stderr text. */
async function analyze(...args: string[]) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
    stdout += String(chunk);
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { stderr += String(chunk); return true; });
  const code = await runAnalyze(args);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

describe('golden: analyze clusters-in.csv', () => {
  afterEach(() => { vi.restoreAllMocks(); });

  it('writes clusters-out.geojson exactly', async () => {
    const r = await analyze(IN, '--sites', SITES, '--generated-at', GENERATED_AT);
    expect(r.code).toBe(0);
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(OUT, r.stdout);
    expect(r.stdout).toBe(readFileSync(OUT, 'utf8'));
    expect(JSON.parse(r.stderr)).toEqual({
      ok: true, households: 62, uncoveredHouseholds: 39, uncoveredStudents: 74, clusters: 4, isolatedHouseholds: 4,
      isolatedHouseholdIds: ['G-047', 'G-048', 'G-049', 'G-050'], issues: 2, epsM: 500, minHouseholds: 3, sites: 3, siteIssues: 0,
    });
  });

  it('is what the fixture was made to show: four clumps, best first, isolated homes apart', () => {
    const fc = JSON.parse(readFileSync(OUT, 'utf8')) as ClustersFeatureCollection;
    expect(fc.features.map((f) => [f.properties.rank, f.properties.villages, f.properties.uncoveredHouseholds])).toEqual([
      [1, ['龙池村'], 15], [2, ['大塘村'], 11], [3, ['回龙村'], 6], [4, ['三坪村'], 3],
    ]);
    // 龙池村 has one home without a report inside; 大塘村 has covered homes among the uncovered ones.
    expect(fc.features.map((f) => f.properties.households - f.properties.uncoveredHouseholds)).toEqual([1, 3, 4, 0]);
    // the 0-student home G-006 is a member
    expect(fc.features[0]!.properties.householdIds).toContain('G-006');
  });

  it('in privacy mode writes the same file without any household id', async () => {
    const r = await analyze(IN, '--sites', SITES, '--generated-at', GENERATED_AT, '--privacy');
    expect(r.code).toBe(0);
    const golden = JSON.parse(readFileSync(OUT, 'utf8')) as ClustersFeatureCollection;
    delete golden.blindspot.isolatedHouseholdIds;
    for (const f of golden.features) delete f.properties.householdIds;
    expect(JSON.parse(r.stdout)).toEqual(golden);
    expect(r.stdout).not.toMatch(/G-\d{3}/);
    expect(r.stderr).not.toMatch(/G-\d{3}/);
  });
});

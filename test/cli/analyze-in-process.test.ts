/**
 * The `analyze` command run in-process (no child Node): the same core as the app, so its clusters
 * equal `analyzeBlindspots` on the same files, and its stderr summary says so in one line.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runAnalyze } from '../../src/cli/analyze-command.ts';
import { analyzeBlindspots, decodeText, DEFAULT_ANALYSIS_SETTINGS, parseHouseholds, parseSites } from '../../src/core/index.ts';

afterEach(() => vi.restoreAllMocks());

describe('analyze, in-process', () => {
  it('writes the clusters the core computes for the demo, and a one-line summary', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'blindspot-')), 'clusters.geojson');
    const stderr: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr.push(String(chunk));
      return true;
    });
    const code = await runAnalyze(['public/demo/households.csv', '--sites', 'public/demo/sites.csv', '--out', out]);
    expect(code).toBe(0);

    const households = parseHouseholds({ name: 'h.csv', text: decodeText(new Uint8Array(readFileSync('public/demo/households.csv'))).text }).households;
    const sites = parseSites({ name: 's.csv', text: readFileSync('public/demo/sites.csv', 'utf8') }).sites;
    const expected = analyzeBlindspots(households, sites, DEFAULT_ANALYSIS_SETTINGS);
    const written = JSON.parse(readFileSync(out, 'utf8')) as GeoJSON.FeatureCollection;
    expect(written.features.map((f) => f.id)).toEqual(expected.clusters.map((c) => c.id));
    expect(written.features.map((f) => f.properties!['householdIds'])).toEqual(expected.clusters.map((c) => c.householdIds));

    expect(stderr).toHaveLength(1);
    const summary = JSON.parse(stderr[0]!) as Record<string, unknown>;
    expect(summary).toMatchObject({ ok: true, clusters: expected.clusters.length, isolatedHouseholds: expected.isolatedIndices.length });
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture, summary, ROOT } from './run-cli.ts';
import {
  aggregateAreas, areaReportToCsv, createImpactTracker, parseHouseholdsFile, proposalsToGeoJson, readCsvTable, AREA_REPORT_CSV_HEADER,
  type ProposedSite,
} from '../../src/core/index.ts';

const DEMO = join(ROOT, 'public/demo/households.csv');
/**
 * Hand-checked (see suggest.test.ts): 龙池村 A1–A3 none (6 students) + G1 good (5); 桥头村 B1, B2
 * poor (2 + 2) + U1 unknown (4); 远村 C1 none (1). No county or township columns.
 * suggest-fixed.geojson: one proposal (r 1 km) covering B1 and B2.
 */
const HOMES = fixture('suggest-households.csv');
const FIXED = fixture('suggest-fixed.geojson');
const HEADER = AREA_REPORT_CSV_HEADER.join(',');
const lines = (csv: string) => csv.split('\r\n');

describe.concurrent('cli report', () => {
  it('writes the hand-checked village report (BOM, header, most uncovered first) with the proposals\' effect', async () => {
    const r = await cli('report', HOMES, '--proposals', FIXED);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual([
      `\uFEFF${HEADER}`,
      ',,龙池村,4,11,6,0,0,5,0,6,6',
      ',,桥头村,3,8,0,4,0,0,4,4,0',
      ',,远村,1,1,1,0,0,0,0,1,1',
      '',
    ]);
    expect(summary(r.stderr)).toEqual({
      ok: true, households: 8, issues: 0, areas: 3, level: 'village', uncoveredStudents: 11, uncoveredStudentsAfter: 7,
      areasUncovered: 3, areasUncoveredAfter: 2, proposals: 1, rejectedProposals: 0, privacy: false,
    });
  });

  it('--privacy writes counts 1–4 as <5 (the summary too); --uncovered none; --level county', async () => {
    const [privacy, none, county] = await Promise.all([
      cli('report', HOMES, '--proposals', FIXED, '--privacy'),
      cli('report', HOMES, '--uncovered', 'none'),
      cli('report', HOMES, '--level=county', '--proposals', FIXED),
    ]);
    expect(privacy.code).toBe(0);
    expect(lines(privacy.stdout).slice(1, 4)).toEqual([',,龙池村,<5,11,6,0,0,5,0,6,6', ',,桥头村,<5,8,0,<5,0,0,<5,<5,0', ',,远村,<5,<5,<5,0,0,0,0,<5,<5']);
    expect(summary(privacy.stderr)).toMatchObject({ households: 8, uncoveredStudents: 11, uncoveredStudentsAfter: 7, privacy: true });
    expect(lines(none.stdout).slice(1, 4)).toEqual([',,龙池村,4,11,6,0,0,5,0,6,6', ',,远村,1,1,1,0,0,0,0,1,1', ',,桥头村,3,8,0,4,0,0,4,0,0']);
    expect(lines(county.stdout)).toEqual([`\uFEFF${HEADER}`, ',,,8,20,7,4,0,5,4,11,7', '']);
    expect(summary(county.stderr)).toMatchObject({ areas: 1, level: 'county', areasUncovered: 1, areasUncoveredAfter: 1 });
  });

  it('on the demo: the same numbers as the core and the impact tracker; a rejected proposal covers nothing', { timeout: 60_000 }, async () => {
    const parsed = await parseHouseholdsFile({ name: 'households.csv', bytes: new Uint8Array(readFileSync(DEMO)) });
    const households = parsed.households;
    const uncoveredHomes = households.filter((h) => h.cls === 'none' || h.cls === 'poor');
    // Three proposals at uncovered homes far apart, the third rejected.
    const picks = [uncoveredHomes[0]!, uncoveredHomes[Math.floor(uncoveredHomes.length / 2)]!, uncoveredHomes[uncoveredHomes.length - 1]!];
    const plan: ProposedSite[] = picks.map((h, i) => ({
      id: `p-${i + 1}`, name: `p ${i + 1}`, lon: Number(h.lon.toFixed(6)), lat: Number(h.lat.toFixed(6)), status: i === 2 ? 'rejected' : 'proposed',
      origin: 'manual', antennaHeightM: 30, bandMHz: 900, eirpDbm: 58, radiusM: 3000, costCny: 250_000, notes: '',
    }));
    const dir = mkdtempSync(join(tmpdir(), 'blindspot-report-'));
    const sites = join(dir, 'plan.geojson');
    writeFileSync(sites, JSON.stringify(proposalsToGeoJson(plan)));
    const out = join(dir, 'report.csv');
    const r = await cli('report', DEMO, '--proposals', sites, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const csv = readFileSync(out, 'utf8');
    const report = aggregateAreas(households, { level: 'village', uncovered: ['none', 'poor'], proposals: plan });
    expect(csv).toBe(areaReportToCsv(report));
    const impact = createImpactTracker(households, { uncovered: ['none', 'poor'] }).set(plan).totals;
    expect(impact.newlyCoveredStudents).toBeGreaterThan(0);
    const s = summary(r.stderr);
    expect(s).toMatchObject({
      ok: true, households: 5894, issues: 0, level: 'village', areas: report.rows.length, proposals: 3, rejectedProposals: 1,
      uncoveredStudents: impact.uncoveredStudentsBefore, uncoveredStudentsAfter: impact.remainingStudents,
    });
    const table = readCsvTable(csv.replace(/^\uFEFF/, ''));
    expect(table.headers).toEqual([...AREA_REPORT_CSV_HEADER]);
    const col = (name: string) => table.headers.indexOf(name);
    const total = (name: string) => table.rows.reduce((t, row) => t + Number(row.cells[col(name)]), 0);
    expect(total('households')).toBe(5894);
    expect(total('uncovered_students')).toBe(impact.uncoveredStudentsBefore);
    expect(total('uncovered_students_after')).toBe(impact.remainingStudents);
    expect(total('none') + total('poor')).toBe(impact.uncoveredStudentsBefore);
    expect(s['areasUncovered']).toBe(table.rows.filter((row) => Number(row.cells[col('uncovered_students')]) > 0).length);
    // Without the rejected proposal the plan's effect is the same.
    const twoOnly = aggregateAreas(households, { level: 'village', uncovered: ['none', 'poor'], proposals: plan.slice(0, 2) });
    expect(twoOnly.totals).toEqual(report.totals);
    const third = { ...plan[2]!, status: 'proposed' as const };
    expect(aggregateAreas(households, { level: 'village', uncovered: ['none', 'poor'], proposals: [...plan.slice(0, 2), third] })
      .totals.uncoveredStudentsAfter).toBeLessThan(report.totals.uncoveredStudentsAfter);
    // Privacy: no count from 1 to 4 anywhere; township level rolls up to fewer rows.
    const [privacy, township] = await Promise.all([cli('report', DEMO, '--privacy'), cli('report', DEMO, '--level', 'township')]);
    const cells = readCsvTable(privacy.stdout.replace(/^\uFEFF/, '')).rows.flatMap((row) => row.cells.slice(3));
    expect(cells.some((c) => c === '<5')).toBe(true);
    expect(cells.filter((c) => /^[1-4]$/.test(c))).toEqual([]);
    expect(summary(township.stderr)['areas']).toBeLessThan(report.rows.length);
  });

  it('exit codes: 2 on bad usage, 1 on an unusable file or output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blindspot-report-'));
    const noRows = join(dir, 'empty.csv');
    writeFileSync(noRows, 'id,lon,lat,signal\nx,,,none\n');
    const [level, uncovered, unknown, noFile, extra, missing, badRows, badPlan, badOut] = await Promise.all([
      cli('report', HOMES, '--level', 'street'),
      cli('report', HOMES, '--uncovered', 'none,awful'),
      cli('report', HOMES, '--bogus'),
      cli('report'),
      cli('report', HOMES, HOMES),
      cli('report', join(dir, 'nope.csv')),
      cli('report', noRows),
      cli('report', HOMES, '--proposals', HOMES),
      cli('report', HOMES, '--out', join(dir, 'no-such-dir', 'r.csv')),
    ]);
    for (const r of [level, uncovered, unknown, noFile, extra]) expect(r.code).toBe(2);
    expect(level.stderr).toMatch(/--level must be county, township or village/);
    expect(uncovered.stderr).toMatch(/--uncovered/);
    expect(missing.code).toBe(1);
    expect(summary(missing.stderr)).toMatchObject({ ok: false, code: 'file_not_found' });
    expect(badRows.code).toBe(1);
    expect(summary(badRows.stderr)).toMatchObject({ ok: false, code: 'no_usable_rows' });
    expect(badPlan.code).toBe(1);
    expect(summary(badPlan.stderr)).toMatchObject({ ok: false, code: 'invalid_sites_file' });
    expect(badOut.code).toBe(1);
    expect(summary(badOut.stderr)).toMatchObject({ ok: false, code: 'cannot_write_output' });
  });
});

/**
 * Fuzz: the JSON files a user opens besides reports — site proposals (`parseProposalsGeoJson`,
 * FORMATS.md §4) built with any member missing or of the wrong type, and project files
 * (`parseProjectFile`, FORMATS.md §7) made from a valid project by replacing, deleting or wrapping
 * the value at random paths; both also as text cut short, with a BOM, with numbers JSON cannot
 * hold, and as raw text. Contract and time box: see fuzz-harness.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ANALYSIS_SETTINGS, DEFAULT_CLASSIFY_SETTINGS, parseProjectFile, parseProposalsGeoJson, projectToJson, type BlindspotProject,
} from '../../../src/core/index.ts';
import { checkProposals, FUZZ_PARAMS, PROPERTY_TIMEOUT_MS, settle } from './fuzz-harness.ts';
import { editJson, jsonEdits, jsonTextOf, proposalsDocument } from './generators.ts';

/** A valid project with a little of everything (households with reports and personal fields, issues, sites, proposals, pins). */
const VALID_PROJECT: BlindspotProject = {
  schema: 'blindspot.project/1',
  savedAt: '2026-03-13T08:00:00Z',
  households: {
    source: {
      kind: 'file', name: 'h.xlsx', encoding: 'utf-8', format: 'xlsx', sheet: 'S',
      options: { sheet: 'S', crs: 'gcj02', fixSwappedLines: [7], mapping: ['id', 'lon', 'lat', null, 'personal'], rememberedMappings: { a: ['lon', 'lat'] },
        settings: DEFAULT_CLASSIFY_SETTINGS },
    },
    rows: 3,
    households: [
      { id: 'H1', lon: 108.2, lat: 30, students: 2, village: '龙池村', cls: 'none', line: 2, personal: { 姓名: '张三' },
        reports: [{ line: 2, signal: 'none', rsrpDbm: -121, downMbps: 0.1, reportedAt: '2026-03-01', operator: '中国移动', cls: 'none' }] },
    ],
    issues: [{ line: 3, field: 'lon', code: 'missing_coordinate', severity: 'error', message: 'line 3: lon is empty' }],
  },
  sites: {
    source: { kind: 'file', name: 's.csv', rows: 1, issues: [] },
    sites: [{ id: 'S1', name: 'S1', lon: 108.25, lat: 30.02, status: 'existing', antennaHeightM: 35, bandMHz: 900, eirpDbm: 60, radiusM: 5000 }],
  },
  analysisSettings: { ...DEFAULT_ANALYSIS_SETTINGS },
  proposals: [{ id: 'p-1', name: 'p', lon: 108.21, lat: 30.01, status: 'proposed', origin: 'manual', antennaHeightM: 30, bandMHz: 900, eirpDbm: 58,
    radiusM: 3000, costCny: 250_000, notes: '' }],
  pinned: [[108.21, 30.01]],
};

describe('fuzz: site-proposal files', () => {
  it('parseProposalsGeoJson: proposals, or one UserInputError, in time', { timeout: PROPERTY_TIMEOUT_MS }, async () => {
    const text = fc.oneof({ weight: 9, arbitrary: jsonTextOf(proposalsDocument) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) });
    await fc.assert(fc.asyncProperty(text, async (t) => {
      const r = await settle(() => parseProposalsGeoJson(t));
      if (r.ok) checkProposals(r.value);
    }), FUZZ_PARAMS);
  });
});

describe('fuzz: project files', () => {
  it('the valid project used as the seed opens', () => {
    expect(parseProjectFile(projectToJson(VALID_PROJECT))).toEqual(VALID_PROJECT);
  });

  it('parseProjectFile: a project, or one UserInputError, in time', { timeout: PROPERTY_TIMEOUT_MS }, async () => {
    const doc = JSON.parse(projectToJson(VALID_PROJECT)) as unknown;
    const text = fc.oneof(
      { weight: 9, arbitrary: jsonTextOf(jsonEdits.map((edits) => editJson(doc, edits))) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
    );
    await fc.assert(fc.asyncProperty(text, async (t) => {
      const r = await settle(() => parseProjectFile(t));
      if (!r.ok) return;
      const p = r.value;
      // What reopening relies on: it saves again and reads back the same.
      expect(parseProjectFile(projectToJson(p))).toEqual(p);
      checkProposals(p.proposals);
      for (const h of p.households?.households ?? []) expect(Number.isFinite(h.lon) && Number.isFinite(h.lat)).toBe(true);
    }), FUZZ_PARAMS);
  });
});

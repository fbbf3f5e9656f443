// @vitest-environment jsdom
/**
 * What a stored plan record must be to be used on start: the current schema or a migrated older
 * one, with proposals that pass the file format's checks; anything else is refused whole (the
 * caller then falls back to the version before it), never half-used.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ProposedSite } from '../../../src/core/index.ts';

vi.mock('maplibre-gl', () => ({}));

const { readPlanRecord, PLAN_SCHEMA } = await import('../../../src/state/saved-plan.ts');

const site: ProposedSite = {
  id: 'site-3f2a', name: '六塘乡龙池村 1', lon: 108.123456789, lat: 29.987654321, status: 'approved', origin: 'manual',
  antennaHeightM: 30, bandMHz: 1800, eirpDbm: 58, radiusM: 3000, costCny: 250_000, notes: '山顶',
};

describe('readPlanRecord', () => {
  it('reads the current schema with full-precision positions', () => {
    const record = { schema: PLAN_SCHEMA, rev: 7, savedAt: '2026-11-27T07:00:00.000Z', tab: 'a', proposals: [site], pinned: [[108.1, 30]] };
    expect(readPlanRecord(record)).toEqual(record);
  });

  it('migrates the first release\'s unversioned record (revision 0)', () => {
    const old = { proposals: [site], pinned: [], savedAt: '2026-11-26T10:00:00.000Z' };
    expect(readPlanRecord(old)).toMatchObject({ schema: PLAN_SCHEMA, rev: 0, proposals: [site], pinned: [] });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'plan'],
    ['an unknown schema', { schema: 'blindspot.plan/9', rev: 1, proposals: [], pinned: [] }],
    ['no revision', { schema: PLAN_SCHEMA, proposals: [], pinned: [] }],
    ['a pin out of range', { schema: PLAN_SCHEMA, rev: 1, proposals: [], pinned: [[200, 30]] }],
    ['a proposal without a position', { schema: PLAN_SCHEMA, rev: 1, proposals: [{ ...site, lon: undefined }], pinned: [] }],
    ['a proposal with a text radius', { schema: PLAN_SCHEMA, rev: 1, proposals: [{ ...site, radiusM: '3000' }], pinned: [] }],
    ['two proposals with one id', { schema: PLAN_SCHEMA, rev: 1, proposals: [site, site], pinned: [] }],
  ])('refuses %s', (_, record) => {
    expect(readPlanRecord(record)).toBeNull();
  });
});

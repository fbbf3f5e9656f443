/**
 * `TerrainSession` takes the households as an array or as a `HouseholdTable` (issue 9): the same
 * answers either way, and an array and its table share the coverage index (kept by the table).
 */
import { describe, expect, it } from 'vitest';
import { householdTableOf } from '../../../src/core/io/household-table-of.ts';
import { TerrainSession } from '../../../src/worker/terrain-session.ts';
import { tableByHand } from '../core/analysis/table-by-hand.ts';
import { gridDem, homesAroundSite, ridge, site } from '../core/propagation/fixtures.ts';

const homes = homesAroundSite;

describe('TerrainSession over a HouseholdTable', () => {
  const HOMES = homes();
  const SITES = [site({ id: 'S1', status: 'existing' })];

  it('gives the coverage, the unreported homes and the suggestions it gives over the array', () => {
    const session = new TerrainSession();
    session.setDem(gridDem(ridge(3000, 400, 250), 0.15));
    const table = tableByHand(HOMES);
    const overArray = session.coverage(HOMES, SITES, ['none', 'unknown']);
    const covered = [...overArray[0]!.covered];
    expect(covered.length).toBeGreaterThan(0);
    expect(covered.length).toBeLessThan(HOMES.length);
    expect([...session.coverage(table, SITES, ['none', 'unknown'])[0]!.covered]).toEqual(covered);
    expect([...session.coverage(householdTableOf(HOMES), SITES, ['none'])[0]!.covered])
      .toEqual(covered.filter((i) => HOMES[i]!.cls === 'none'));
    const unreported = session.unreported(HOMES, SITES);
    expect(unreported.unknownHouseholds).toBe(5);
    expect(session.unreported(table, SITES)).toEqual(unreported);
    const options = { count: 2, exact: 'never' as const };
    expect(session.suggest(table, options)).toEqual(session.suggest(HOMES, options));
  });
});

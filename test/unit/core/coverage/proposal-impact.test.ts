import { describe, expect, it } from 'vitest';
import {
  createImpactTracker, haversineM, proposalImpact, radiusCoverageModel, type CoverageModel, type Household,
} from '../../../../src/core/index.ts';
import { at, home, proposal } from './fixtures.ts';

const SETTINGS = { uncovered: ['none', 'poor'] as const };

// Hand-checked: P at (0,0) r 1000; Q at (1500,0) r 1000.
const HOMES: readonly Household[] = Object.freeze([
  home('a', at(0, 0), 'none', 2), // P only
  home('b', at(800, 0), 'poor', 1), // P and Q (700 m from Q)
  home('c', at(1500, 300), 'none', 3), // Q only
  home('d', at(100, 100), 'good', 4), // covered today: never counts
  home('e', at(5000, 0), 'none', 5), // nobody
  home('f', at(1400, 0), 'unknown', 1), // not an uncovered class
]);

describe('proposalImpact', () => {
  it('counts newly covered homes in list order, cost per student and totals', () => {
    const P = proposal('P', at(0, 0), 1000, { costCny: 300_000 });
    const Q = proposal('Q', at(1500, 0), 1000);
    const r = proposalImpact(HOMES, [P, Q], SETTINGS);
    expect(r.proposals).toEqual([
      { siteId: 'P', newlyCoveredHouseholds: 2, newlyCoveredStudents: 3, costPerStudentCny: 100_000 },
      { siteId: 'Q', newlyCoveredHouseholds: 1, newlyCoveredStudents: 3, costPerStudentCny: 250_000 / 3 },
    ]);
    expect(r.totals).toEqual({
      uncoveredHouseholdsBefore: 4, uncoveredStudentsBefore: 11, newlyCoveredHouseholds: 3, newlyCoveredStudents: 6,
      remainingHouseholds: 1, remainingStudents: 5, totalCostCny: 550_000, costPerStudentCny: 550_000 / 6,
    });
    const swapped = proposalImpact(HOMES, [Q, P], SETTINGS);
    expect(swapped.proposals.map((p) => [p.siteId, p.newlyCoveredHouseholds, p.newlyCoveredStudents])).toEqual([['Q', 2, 4], ['P', 1, 2]]);
    expect(swapped.totals.newlyCoveredStudents).toBe(6);
  });
  it('covers a household exactly at radiusM', () => {
    const h = at(700, 700);
    const r = haversineM(at(0, 0), h);
    expect(proposalImpact([home('x', h, 'none', 1)], [proposal('P', at(0, 0), r)], SETTINGS).totals.newlyCoveredStudents).toBe(1);
    expect(proposalImpact([home('x', h, 'none', 1)], [proposal('P', at(0, 0), r * (1 - 1e-12))], SETTINGS).totals.newlyCoveredStudents).toBe(0);
  });
  it('a rejected proposal covers nothing and costs nothing; the next one takes its homes', () => {
    const P = proposal('P', at(0, 0), 1000, { status: 'rejected' });
    const Q = proposal('Q', at(1500, 0), 1000, { status: 'approved' });
    const r = proposalImpact(HOMES, [P, Q], SETTINGS);
    expect(r.proposals.map((p) => [p.siteId, p.newlyCoveredHouseholds, p.newlyCoveredStudents])).toEqual([['P', 0, 0], ['Q', 2, 4]]);
    expect(r.totals.totalCostCny).toBe(250_000);
    // The tracker agrees when a proposal is rejected, then accepted again, by edit.
    const tracker = createImpactTracker(HOMES, SETTINGS);
    tracker.set([{ ...P, status: 'proposed' }, Q]);
    expect(tracker.update(0, P)).toEqual(r);
    expect(tracker.update(0, { ...P, status: 'surveyed' })).toEqual(proposalImpact(HOMES, [{ ...P, status: 'surveyed' }, Q], SETTINGS));
  });
  it('gives null cost per student when nobody is covered and handles no proposals', () => {
    const r = proposalImpact(HOMES, [proposal('Z', at(-9000, 0), 500)], SETTINGS);
    expect(r.proposals[0]!.costPerStudentCny).toBeNull();
    expect(proposalImpact(HOMES, [], SETTINGS).totals.remainingStudents).toBe(11);
  });
});

describe('createImpactTracker', () => {
  it('moving a proposal gives what a full recompute gives, and reassigns homes to later proposals', () => {
    const P = proposal('P', at(0, 0), 1000);
    const Q = proposal('Q', at(1500, 0), 1000);
    const t = createImpactTracker(HOMES, SETTINGS);
    t.set([P, Q]);
    expect(t.newlyCoveredIndices(0)).toEqual([0, 1]);
    const moved = t.move(0, ...at(-3000, 0));
    expect(moved.proposals.map((p) => p.newlyCoveredHouseholds)).toEqual([0, 2]);
    expect(t.newlyCoveredIndices(1)).toEqual([1, 2]);
    expect(moved).toEqual(proposalImpact(HOMES, [{ ...P, lon: at(-3000, 0)[0], lat: at(-3000, 0)[1] }, Q], SETTINGS));
    const back = t.move(0, ...at(0, 0));
    expect(back).toEqual(proposalImpact(HOMES, [P, Q], SETTINGS));
  });
  it('agrees with a full recompute over a random drag path', () => {
    let seed = 7;
    const rnd = (): number => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
    const homes = Array.from({ length: 3000 }, (_, i) => home(`h${i}`, at(rnd() * 20_000, rnd() * 20_000), rnd() < 0.5 ? 'none' : 'good', Math.floor(rnd() * 3)));
    const props = Array.from({ length: 5 }, (_, i) => proposal(`p${i}`, at(rnd() * 20_000, rnd() * 20_000), 1500 + 500 * i));
    const t = createImpactTracker(homes, SETTINGS);
    t.set(props);
    for (let step = 0; step < 40; step++) {
      const i = step % props.length;
      const [lon, lat] = at(rnd() * 20_000, rnd() * 20_000);
      props[i] = { ...props[i]!, lon, lat };
      const live = t.move(i, lon, lat);
      expect(live).toEqual(proposalImpact(homes, props, SETTINGS));
      // Independent oracle: each uncovered home belongs to the first proposal within its radius.
      const naive = props.map(() => 0);
      for (const h of homes) {
        if (h.cls !== 'none') continue;
        const j = props.findIndex((p) => haversineM([p.lon, p.lat], [h.lon, h.lat]) <= p.radiusM);
        if (j >= 0) naive[j]! += h.students;
      }
      expect(live.proposals.map((p) => p.newlyCoveredStudents)).toEqual(naive);
    }
  });
  it('re-queries on an edit of the radius and honours another coverage model within the radius', () => {
    const P = proposal('P', at(0, 0), 1000);
    const t = createImpactTracker(HOMES, SETTINGS);
    t.set([P]);
    expect(t.update(0, { ...P, radiusM: 1600 }).proposals[0]!.newlyCoveredHouseholds).toBe(3);
    const northOnly: CoverageModel = { ...radiusCoverageModel, id: 'north-only', covers: (s, _lon, lat) => lat > s.lat };
    const r = proposalImpact(HOMES, [{ ...P, radiusM: 1600 }], SETTINGS, northOnly);
    expect(r.proposals[0]!.newlyCoveredHouseholds).toBe(1); // only c (300 m north); a is at the site, b due east
  });
  it('is fast enough for drag frames at 100,000 households', () => {
    let seed = 11;
    const rnd = (): number => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
    const homes = Array.from({ length: 100_000 }, (_, i) => home(`h${i}`, at(rnd() * 60_000, rnd() * 60_000), rnd() < 0.3 ? 'none' : 'good', 1));
    const t = createImpactTracker(homes, SETTINGS);
    t.set(Array.from({ length: 10 }, (_, i) => proposal(`p${i}`, at(6000 * i, 30_000), 3000)));
    const t0 = performance.now();
    for (let f = 0; f < 60; f++) t.move(0, ...at(f * 500, 30_000));
    const perFrameMs = (performance.now() - t0) / 60;
    expect(perFrameMs).toBeLessThan(8);
  });
});

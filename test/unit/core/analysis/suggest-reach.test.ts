import { describe, expect, it } from 'vitest';
import { analyzeBlindspots, createImpactTracker, describeProposalReach } from '../../../../src/core/index.ts';
import { at, home, proposal } from '../coverage/fixtures.ts';

describe('describeProposalReach', () => {
  it('names the villages (most homes first) and clusters a proposal newly reaches', () => {
    const homes = [
      home('a1', at(0, 0), 'none', 1, '龙池村'), home('a2', at(100, 0), 'none', 1, '龙池村'), home('a3', at(0, 100), 'none', 1, '桥头村'),
      home('b1', at(5000, 0), 'none', 1, '远村'), home('b2', at(5100, 0), 'none', 1, '远村'), home('b3', at(5000, 100), 'none', 1, '远村'),
      home('g', at(50, 50), 'good', 1, '好村'),
    ];
    const analysis = analyzeBlindspots(homes, []);
    const t = createImpactTracker(homes, { uncovered: ['none', 'poor'] });
    t.set([proposal('P', at(0, 0), 1000), proposal('Q', at(50, 0), 6000)]);
    const p = describeProposalReach(homes, t.newlyCoveredIndices(0), analysis);
    expect(p.villages).toEqual(['龙池村', '桥头村']);
    expect(p.clusterIds).toHaveLength(1);
    const q = describeProposalReach(homes, t.newlyCoveredIndices(1), analysis);
    expect(q.villages).toEqual(['远村']);
    expect(q.clusterIds).toHaveLength(1);
    expect(q.clusterIds[0]).not.toBe(p.clusterIds[0]);
    expect(describeProposalReach(homes, [0], undefined)).toEqual({ villages: ['龙池村'], clusterIds: [] });
  });
});

/**
 * Ranks proposals for the exports (FORMATS.md §4): rank 1 = most students newly covered (from
 * the impact with the same `siteId`; 0 without one); ties keep list order, so ranks are 1..n with
 * no gaps or repeats. Returns one rank per proposal, in list order. Never mutates its inputs.
 * Cost: O(n log n).
 */
import type { ProposedSite } from '../model/proposal.ts';

export function rankByStudents(
  proposals: readonly Pick<ProposedSite, 'id'>[],
  impacts: readonly { siteId: string; newlyCoveredStudents: number }[],
): number[] {
  const byId = new Map(impacts.map((m) => [m.siteId, m.newlyCoveredStudents]));
  const students = proposals.map((p) => byId.get(p.id) ?? 0);
  const order = proposals.map((_, i) => i).sort((a, b) => students[b]! - students[a]! || a - b);
  const rank = new Array<number>(proposals.length);
  order.forEach((i, r) => { rank[i] = r + 1; });
  return rank;
}

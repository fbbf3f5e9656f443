/**
 * The lazy greedy of maximal covering (Minoux), apart from how coverage is found: candidates sit
 * in a binary max-heap keyed by a stale upper bound of their gain (weight, then points, then the
 * lower index); the top is re-evaluated once per round and taken only when its fresh gain still
 * tops the heap. Stops after `count` picks or when no candidate adds anything.
 * `evaluate(j)` returns candidate j's gain over the points not yet covered; `take(j)` marks its
 * points covered. Used by `greedyMaxCover`, over circles (index queries) and over precomputed
 * coverage sets (the terrain's). Cost: C initial evaluations + a few per pick + O(C log C) heap.
 */
import type { MaxCoverPick } from './greedy-max-cover.ts';

export interface LazyGreedyResult {
  picks: MaxCoverPick[];
  /** Σ over candidates of the points each reaches at the start (a size estimate for exact searches). */
  initialPoints: number;
}

export function lazyGreedy(
  candidates: number, count: number, evaluate: (j: number) => { weight: number; points: number }, take: (j: number) => void,
): LazyGreedyResult {
  const c = candidates;
  const gainW = new Float64Array(c), gainP = new Int32Array(c), stamp = new Int32Array(c);
  const refresh = (j: number): void => {
    const g = evaluate(j);
    gainW[j] = g.weight; gainP[j] = g.points;
  };
  const heap = new Int32Array(c);
  let size = 0;
  const above = (a: number, b: number): boolean => gainW[a]! > gainW[b]! || (gainW[a] === gainW[b] && (gainP[a]! > gainP[b]! || (gainP[a] === gainP[b] && a < b)));
  const up = (i: number): void => {
    const x = heap[i]!;
    while (i > 0) { const p = (i - 1) >> 1; if (!above(x, heap[p]!)) break; heap[i] = heap[p]!; i = p; }
    heap[i] = x;
  };
  const down = (i: number): void => {
    const x = heap[i]!;
    for (;;) {
      let m = 2 * i + 1;
      if (m >= size) break;
      if (m + 1 < size && above(heap[m + 1]!, heap[m]!)) m++;
      if (!above(heap[m]!, x)) break;
      heap[i] = heap[m]!; i = m;
    }
    heap[i] = x;
  };
  let initialPoints = 0;
  for (let j = 0; j < c; j++) { refresh(j); initialPoints += gainP[j]!; heap[size++] = j; up(size - 1); }
  const picks: MaxCoverPick[] = [];
  let round = 0;
  while (picks.length < count && size > 0) {
    const top = heap[0]!;
    if (stamp[top] !== round) { refresh(top); stamp[top] = round; down(0); continue; }
    if (gainW[top] === 0 && gainP[top] === 0) break;
    picks.push({ candidate: top, weight: gainW[top]!, points: gainP[top]! });
    take(top);
    heap[0] = heap[--size]!; down(0);
    round++;
  }
  return { picks, initialPoints };
}

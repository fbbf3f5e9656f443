/**
 * The worker's progress throttle: every stage's start and end pass, in order; between them at
 * most one report per interval (the clock is the test's).
 */
import { describe, expect, it } from 'vitest';
import { throttleProgress, type StageProgress } from '../../../src/worker/throttle-progress.ts';

describe('throttleProgress', () => {
  it('passes stage starts and ends, and at most one report per 100 ms between them', () => {
    let nowMs = 0;
    const posted: StageProgress[] = [];
    const report = throttleProgress<StageProgress>((p) => posted.push(p), 100, () => nowMs);
    const at = (ms: number, p: StageProgress) => { nowMs = ms; report(p); };
    at(0, { stage: 'reading', done: 0, total: 0 });
    at(10, { stage: 'reading', done: 1, total: 10 }); // dropped: 10 ms after the last
    at(120, { stage: 'reading', done: 5, total: 10 });
    at(130, { stage: 'reading', done: 6, total: 10 }); // dropped
    at(140, { stage: 'reading', done: 10, total: 10 }); // the end always passes
    at(141, { stage: 'validating', done: 0, total: 100 }); // a new stage always passes
    for (let k = 1; k < 100; k++) at(141 + k * 5, { stage: 'validating', done: k, total: 100 }); // 495 ms of reports, every 5 ms
    at(700, { stage: 'validating', done: 100, total: 100 });
    at(701, { stage: 'sending', done: 0, total: 0 });
    expect(posted.slice(0, 5)).toEqual([
      { stage: 'reading', done: 0, total: 0 },
      { stage: 'reading', done: 5, total: 10 },
      { stage: 'reading', done: 10, total: 10 },
      { stage: 'validating', done: 0, total: 100 },
      { stage: 'validating', done: 20, total: 100 },
    ]);
    const validating = posted.filter((p) => p.stage === 'validating').map((p) => p.done);
    expect(validating).toEqual([0, 20, 40, 60, 80, 100]);
    expect(posted.at(-1)).toEqual({ stage: 'sending', done: 0, total: 0 });
  });
});

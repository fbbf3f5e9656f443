/**
 * Progress reports at a rate the page can take: a long import reports every 1 MiB read and every
 * 10,000 rows (hundreds of calls at 1,000,000 rows), and each message costs the page a render.
 *
 * Computes: a reporter that passes a report on when it starts a stage (its stage differs from
 * the last one passed), ends one (done = total), or comes at least `intervalMs` after the last
 * one passed; the others are dropped (a later one says more). So every stage's start and end
 * reach the page, in order, and at most one message in `intervalMs` between them.
 * Cost: O(1) per report. `now` is a clock in ms (`performance.now` by default; tests pass theirs).
 * Why 250 ms: each message costs the page ~0.2 ms of script to store and ~1 ms to render, but
 * then a new frame to composite — in the benchmark's Chromium (software GL, SwiftShader, on the
 * same 2 shared cores as the worker) that is CPU taken from the worker. Measured with
 * `npm run bench:browser -- --sizes=1000000` (load 2.5–4.6), the worker's parse of the seeded
 * file took 4.6–4.7 s with stage changes only (8 messages), 5.1–5.5 s at 250 ms (~25 messages)
 * and 5.0–6.0 s, median 5.9, at 100 ms (40–66 messages); before fine progress, 3.9–5.5 s, median
 * 4.9. With a GPU the frames are nearly free; 4 a second still move the bar smoothly.
 */
export interface StageProgress {
  stage?: string;
  done: number;
  total: number;
}

/** At most one progress message in this many ms within a stage (4 a second). */
export const PROGRESS_INTERVAL_MS = 250;

export function throttleProgress<P extends StageProgress>(
  post: (progress: P) => void, intervalMs: number = PROGRESS_INTERVAL_MS, now: () => number = () => performance.now(),
): (progress: P) => void {
  let lastStage: string | undefined;
  let lastAtMs = -Infinity;
  let started = false;
  return (progress) => {
    const atMs = now();
    const newStage = !started || progress.stage !== lastStage;
    if (!newStage && progress.done !== progress.total && atMs - lastAtMs < intervalMs) return;
    started = true;
    lastStage = progress.stage;
    lastAtMs = atMs;
    post(progress);
  };
}

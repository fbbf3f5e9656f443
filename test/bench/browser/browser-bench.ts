/**
 * `npm run bench:browser [-- options]`: the app at scale in Debian's Chromium (issue 9 §1, §3, §5),
 * against the built app (`vite build`, served by `vite preview` on 127.0.0.1:4192 — not 4190,
 * which the Fetch standard lists as a bad port: Chromium and Node's fetch refuse it).
 *
 * For each size, a seeded household report CSV (`../seeded-households-csv.ts`, the rows and seed
 * that `npm run bench` uses) is written to /tmp and imported into a fresh browser profile the way
 * a user does: the file set on the header's `import-households` input, the import summary closed
 * with Escape once it appears. Measured:
 * - import s: from `setInputFiles` until the household count shows the new data, the analysis
 *   has finished (no `analysis-running`, a `cluster-summary`) and the map is idle (`map.loaded()`,
 *   tiles loaded, not moving). Phases inside the page (performance.now(), seen by a
 *   MutationObserver and a requestAnimationFrame loop): `loading` (status shown), `summary`
 *   (parsed in the worker and handed to the page: the summary opens with the new dataset),
 *   `counted` (header shows the new count), `analysisDone`, `mapIdle`. The main thread's long
 *   tasks (PerformanceObserver 'longtask') tell which phase blocked the page. An init script wraps
 *   `Worker` to time each message to and from the core worker: how long `postMessage` took on the
 *   main thread (serializing, e.g. the households sent for the analysis), when each answer arrived
 *   and how long reading it took (`event.data` is deserialized lazily, on first access). So a
 *   request's time splits into "in the worker" (sent → answer arrived; includes the worker's own
 *   serializing) and "read on the main thread".
 * - quiet s: when the page is quiet again (30 rAF frames in a row under 50 ms) and the long tasks
 *   between "drawn" and "quiet" (work the import leaves behind); the frames are measured after it.
 * - peak heap from setInputFiles until the page is quiet again, polled every 100 ms: the page's
 *   main thread through CDP `Performance.getMetrics` (JSHeapUsedSize), each worker (the core worker and MapLibre's) through
 *   CDP `Runtime.getHeapUsage` on a session from `Target.setAutoAttach` (usedSize; the typed
 *   arrays' ArrayBuffers are outside it and reported apart as backingStorageSize). A blocked
 *   thread answers late, so the samples are sparse exactly when it is busy.
 * - what is held once quiet: the same heaps right after a forced collection
 *   (`HeapProfiler.collectGarbage` on the page and on each worker): the dataset as kept, without
 *   the import's garbage.
 * - the longest gap between requestAnimationFrame callbacks from setInputFiles until quiet (the
 *   page's longest stall) and the number of gaps over 200 ms.
 * - frame times after the import: a mouse drag across the map (20 steps, ~600 × 200 px, then the
 *   inertia settles) and a zoom sequence (`easeTo` +1, +2, +3, +1.5, 0 levels, 600 ms each) from
 *   the fitted view; rAF deltas while they run: frames, median and 95th percentile (ms). A 1 s
 *   idle baseline is recorded too (the rAF cadence when nothing moves). The frames measure what
 *   the map draws at that size and zoom (homes one by one, or bins when there are many); the
 *   features drawn in the map's centre per household layer are recorded to say which.
 * A size that fails or exceeds the step timeout is recorded with the step and the last phase
 * reached (parse/transfer, store, analysis, map) and the run goes on.
 *
 * Options: `--sizes=10000,100000,1000000` (default; `k`/`M` suffixes allowed), `--quick`
 * (10k and 100k), `--timeout-s=180` (per step: open, import, analysis + map, settle, frames),
 * `--seed=N`, `--no-build` (serve the dist/ already built), `--out=/tmp/blindspot-browser-bench.json`,
 * `--port=4192`, `--screenshots=DIR` (the map after each import, as PNG).
 * Prints a table and writes the JSON (every phase, heap sample and frame statistic, the machine,
 * its load average, the commit and the uncommitted files under src/). About 3 minutes for the
 * three default sizes.
 *
 * Limits: WebGL is SwiftShader (software, on the CPU), so frame times are far worse than on a
 * machine with a GPU and compete with the workers for the same cores; this is a shared 2-core VM,
 * so numbers move with the load (each size records the load average; at 5–10 the times came out
 * 1.5–2× those at a quieter moment: run twice before trusting a difference). The build is of the
 * working tree as it is, uncommitted changes included. The service
 * worker is blocked (its precache download would compete with the import); the browser runs
 * headless. Worker heaps need CDP auto-attach; when a worker cannot be reached its column says "–".
 */
import { execSync, spawn } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { SEEDED_HOUSEHOLDS_DEFAULT_SEED, writeSeededHouseholdsCsv } from '../seeded-households-csv.ts';

const POLL_MS = 100;
const MB = 1024 * 1024;

// ---- options ----------------------------------------------------------------------------------

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const PORT = Number(option('port') ?? 4192);
const BASE_URL = `http://127.0.0.1:${PORT}/`;
const parseSize = (text: string): number => {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim().replace(/[_,]/g, ''));
  if (!m) throw new Error(`--sizes: cannot read "${text}"`);
  return Math.round(Number(m[1]) * (m[2] === '' ? 1 : /k/i.test(m[2]!) ? 1e3 : 1e6));
};
const sizes = option('sizes')
  ? option('sizes')!.split(/[;,](?=\d)/).filter(Boolean).map(parseSize)
  : argv.includes('--quick') ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
const timeoutMs = Number(option('timeout-s') ?? 180) * 1000;
const seed = Number(option('seed') ?? SEEDED_HOUSEHOLDS_DEFAULT_SEED);
const outPath = option('out') ?? '/tmp/blindspot-browser-bench.json';
const build = !argv.includes('--no-build');
const screenshotDir = option('screenshots');

// ---- what the page records (set up by `installRecorder`) ----------------------------------------

type PhaseName = 'loading' | 'summary' | 'counted' | 'analysisDone' | 'mapIdle' | 'error' | 'analysisError';
interface BenchState {
  frames: number[];
  longTasks: [number, number][];
  phase: Partial<Record<PhaseName, number>>;
  marks: Record<string, number>;
  baseCount: string;
  startAt: number;
  errorText: string;
  check: () => void;
  tick: (t: number) => void;
}
type BenchWindow = Window & { __bench: BenchState };

/** [direction, worker kind, performance.now(), ms spent (postMessage / reading event.data), label, request id]. */
type WorkerLogEntry = ['out' | 'in', string, number, number, string, number];
type WorkerLogWindow = Window & { __benchWorkerLog: WorkerLogEntry[] };

const PHASE_ORDER: PhaseName[] = ['loading', 'summary', 'counted', 'analysisDone', 'mapIdle'];
const PHASE_MEANING: Record<PhaseName, string> = {
  loading: 'file read, parse started',
  summary: 'parsed in the worker and handed to the page',
  counted: 'store updated, header shows the count',
  analysisDone: 'analysis finished',
  mapIdle: 'map drawn and idle',
  error: 'import error shown',
  analysisError: 'analysis error shown',
};

// ---- heap polling through CDP -------------------------------------------------------------------

interface HeapSeries {
  label: string;
  url: string;
  samples: [number, number, number][]; // [s since import start, used MB, ArrayBuffer backing MB]
  peakUsedMB: number;
  peakBackingMB: number;
  maxGapS: number;
}

class HeapPoller {
  private running = false;
  private t0 = 0;
  private nextId = 1;
  private pending = new Map<number, (result: unknown) => void>();
  private workers = new Map<string, HeapSeries>(); // by CDP session id
  readonly main: HeapSeries = { label: 'main', url: '', samples: [], peakUsedMB: 0, peakBackingMB: 0, maxGapS: 0 };
  readonly notes: string[] = [];

  private constructor(private readonly cdp: CDPSession) {}

  static async attach(context: BrowserContext, page: Page): Promise<HeapPoller> {
    const cdp = await context.newCDPSession(page);
    const poller = new HeapPoller(cdp);
    cdp.on('Target.attachedToTarget', (e) => {
      const { type, url } = e.targetInfo;
      if (!/worker/i.test(type)) return;
      const label = url.includes('core.worker') ? 'core' : url.includes('maplibre') ? 'maplibre' : 'other';
      const series: HeapSeries = { label, url, samples: [], peakUsedMB: 0, peakBackingMB: 0, maxGapS: 0 };
      poller.workers.set(e.sessionId, series);
      if (poller.running) void poller.pollWorker(e.sessionId, series);
    });
    cdp.on('Target.detachedFromTarget', (e) => {
      const series = e.sessionId ? poller.workers.get(e.sessionId) : undefined;
      if (series) poller.notes.push(`${series.label} worker detached (ended or restarted) at ${poller.elapsedS().toFixed(1)} s`);
    });
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const message = JSON.parse(e.message) as { id?: number; result?: unknown; error?: unknown };
      const resolve = message.id === undefined ? undefined : poller.pending.get(message.id);
      if (resolve) {
        poller.pending.delete(message.id!);
        resolve(message.result ?? null);
      }
    });
    await cdp.send('Performance.enable');
    try {
      // Non-flat sessions: the messages to a worker travel inside Target.sendMessageToTarget.
      await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    } catch (err) {
      poller.notes.push(`worker auto-attach failed: ${(err as Error).message}`);
    }
    return poller;
  }

  private elapsedS(): number {
    return (performance.now() - this.t0) / 1000;
  }

  private workerCall(sessionId: string, method: string): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, resolve);
      this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch((err: unknown) => {
        this.pending.delete(id);
        reject(err instanceof Error ? err : new Error(String(err)));
      });
    });
  }

  private record(series: HeapSeries, usedBytes: number, backingBytes: number, lastAt: number): number {
    const t = this.elapsedS();
    const used = usedBytes / MB, backing = backingBytes / MB;
    series.samples.push([Number(t.toFixed(2)), Number(used.toFixed(1)), Number(backing.toFixed(1))]);
    series.peakUsedMB = Math.max(series.peakUsedMB, used);
    series.peakBackingMB = Math.max(series.peakBackingMB, backing);
    series.maxGapS = Math.max(series.maxGapS, t - lastAt);
    return t;
  }

  private async pollMain(): Promise<void> {
    let last = 0;
    while (this.running) {
      const began = performance.now();
      try {
        const { metrics } = await this.cdp.send('Performance.getMetrics');
        const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
        if (this.running) last = this.record(this.main, used, 0, last);
      } catch {
        return; // the page is gone
      }
      await sleep(Math.max(0, POLL_MS - (performance.now() - began)));
    }
  }

  private async pollWorker(sessionId: string, series: HeapSeries): Promise<void> {
    let last = this.elapsedS();
    while (this.running) {
      const began = performance.now();
      try {
        const usage = (await this.workerCall(sessionId, 'Runtime.getHeapUsage')) as { usedSize?: number; backingStorageSize?: number } | null;
        if (usage && this.running) last = this.record(series, usage.usedSize ?? 0, usage.backingStorageSize ?? 0, last);
      } catch {
        return; // the worker is gone
      }
      await sleep(Math.max(0, POLL_MS - (performance.now() - began)));
    }
  }

  start(): void {
    this.t0 = performance.now();
    this.running = true;
    void this.pollMain();
    for (const [sessionId, series] of this.workers) void this.pollWorker(sessionId, series);
  }

  stop(): void {
    this.running = false;
  }

  /**
   * What the page and each worker hold once the import is over: used heap (and, for workers,
   * ArrayBuffer backing store) right after a forced collection (CDP `HeapProfiler.collectGarbage`),
   * per worker kind (summed over the workers of a kind). Call after `stop()`.
   */
  async heldAfterGc(): Promise<{ mainMB: number; workers: Record<string, { usedMB: number; backingMB: number }> }> {
    await this.cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await this.cdp.send('Performance.getMetrics');
    const mainMB = (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / MB;
    const workers: Record<string, { usedMB: number; backingMB: number }> = {};
    for (const [sessionId, series] of this.workers) {
      await this.workerCall(sessionId, 'HeapProfiler.collectGarbage').catch(() => null);
      const usage = (await this.workerCall(sessionId, 'Runtime.getHeapUsage').catch(() => null)) as { usedSize?: number; backingStorageSize?: number } | null;
      if (!usage) continue;
      const w = (workers[series.label] ??= { usedMB: 0, backingMB: 0 });
      w.usedMB += (usage.usedSize ?? 0) / MB;
      w.backingMB += (usage.backingStorageSize ?? 0) / MB;
    }
    return { mainMB, workers };
  }

  /** Peak used heap per worker kind (several workers of a kind: the sum of their peaks). */
  workerPeaks(): Record<string, { usedMB: number; backingMB: number; workers: number; samples: number }> {
    const out: Record<string, { usedMB: number; backingMB: number; workers: number; samples: number }> = {};
    for (const s of this.workers.values()) {
      const o = (out[s.label] ??= { usedMB: 0, backingMB: 0, workers: 0, samples: 0 });
      o.usedMB += s.peakUsedMB;
      o.backingMB += s.peakBackingMB;
      o.workers++;
      o.samples += s.samples.length;
    }
    return out;
  }

  series(): HeapSeries[] {
    return [this.main, ...this.workers.values()];
  }
}

// ---- helpers ------------------------------------------------------------------------------------

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Rejects after `ms` (a blocked page never answers an evaluate). */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${(ms / 1000).toFixed(0)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

interface FrameStats { frames: number; medianMs: number; p95Ms: number; maxMs: number; seconds: number }

/** rAF deltas whose both ends fall in [from, to]. */
function frameStats(frames: number[], from: number, to: number): FrameStats {
  const inside = frames.filter((t) => t >= from && t <= to);
  const deltas = inside.slice(1).map((t, i) => t - inside[i]!).sort((a, b) => a - b);
  return {
    frames: inside.length,
    medianMs: quantile(deltas, 0.5),
    p95Ms: quantile(deltas, 0.95),
    maxMs: deltas.at(-1) ?? NaN,
    seconds: (to - from) / 1000,
  };
}

/** The longest gap between rAF callbacks that overlaps [from, to] (an open gap at the end counts). */
function stalls(frames: number[], from: number, to: number): { longestMs: number; over200: number; framesDuring: number } {
  let longest = 0, over200 = 0, framesDuring = 0;
  for (let i = 0; i + 1 < frames.length; i++) {
    const a = frames[i]!, b = frames[i + 1]!;
    if (b < from || a > to) continue;
    const gap = b - a;
    longest = Math.max(longest, gap);
    if (gap > 200) over200++;
  }
  for (const t of frames) if (t >= from && t <= to) framesDuring++;
  const last = frames.filter((t) => t <= to).at(-1);
  if (last !== undefined && to - last > longest) longest = to - last;
  return { longestMs: longest, over200, framesDuring };
}

const fmt = (x: number | undefined, digits = 0): string => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits));

// ---- in-page steps (anonymous arrow functions only: tsx's __name does not exist in the page) ----

async function waitForDemoOnMap(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const map = window.__map;
      if (!map || !map.getSource('households') || !map.isSourceLoaded('households') || map.isMoving()) return false;
      // Homes one by one, or binned when there are many: any layer drawn from a household source.
      const layers = map.getStyle().layers.filter((l) => 'source' in l && /^household/.test(String(l.source))).map((l) => l.id);
      return map.queryRenderedFeatures({ layers }).length > 0;
    },
    undefined,
    { timeout: timeoutMs, polling: 250 },
  );
}

/** Before any page script: wraps `Worker` so messages to and from the workers are timed. */
async function instrumentWorkers(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const log: WorkerLogEntry[] = [];
    (window as unknown as WorkerLogWindow).__benchWorkerLog = log;
    const handler: ProxyHandler<typeof Worker> = {};
    handler.construct = (target, args) => {
      const w = Reflect.construct(target, args) as Worker;
      const url = String(args[0]);
      const kind = url.includes('core.worker') ? 'core' : url.includes('maplibre') ? 'maplibre' : 'other';
      // Registered before the app's own handler, so it runs first and pays for reading the data.
      w.addEventListener('message', (e) => {
        const t = performance.now();
        const data = e.data as { id?: unknown; ok?: unknown; progress?: unknown } | null;
        const ms = performance.now() - t;
        if (kind !== 'core' && ms < 5) return;
        const id = typeof data?.id === 'number' ? data.id : -1;
        const label = kind !== 'core' ? 'message' : data?.progress ? 'progress' : data?.ok === false ? 'error' : 'answer';
        log.push(['in', kind, t, ms, label, id]);
      });
      const post = w.postMessage.bind(w) as (message: unknown, transfer?: unknown) => void;
      w.postMessage = (message: unknown, transfer?: unknown) => {
        const t = performance.now();
        post(message, transfer);
        const ms = performance.now() - t;
        if (kind !== 'core' && ms < 5) return;
        const m = message as { type?: unknown; id?: unknown } | null;
        log.push(['out', kind, t, ms, typeof m?.type === 'string' ? m.type : 'message', typeof m?.id === 'number' ? m.id : -1]);
      };
      return w;
    };
    window.Worker = new Proxy(window.Worker, handler);
  });
}

async function installRecorder(page: Page): Promise<void> {
  await page.evaluate(() => {
    const b: BenchState = {
      frames: [],
      longTasks: [],
      phase: {},
      marks: {},
      baseCount: document.querySelector('[data-testid="household-count"]')?.textContent ?? '',
      startAt: -1,
      errorText: '',
      // Set below by member assignment: a function in an object literal gets tsx's __name.
      check: undefined as unknown as BenchState['check'],
      tick: undefined as unknown as BenchState['tick'],
    };
    (window as unknown as BenchWindow).__bench = b;
    b.check = () => {
      if (b.startAt < 0) return;
      const now = performance.now();
      const p = b.phase;
      if (p.loading === undefined && document.querySelector('[data-testid="status-loading"]')) p.loading = now;
      if (p.summary === undefined && document.querySelector('[data-testid="import-summary"]')) p.summary = now;
      if (p.error === undefined) {
        const error = document.querySelector('[data-testid="import-error"]');
        if (error) {
          p.error = now;
          b.errorText = `${error.textContent ?? ''} ${error.getAttribute('title') ?? ''}`.trim();
        }
      }
      if (p.counted === undefined && (document.querySelector('[data-testid="household-count"]')?.textContent ?? '') !== b.baseCount) p.counted = now;
      if (p.counted !== undefined && p.analysisDone === undefined && p.analysisError === undefined) {
        const alert = document.querySelector('section.clusters [role="alert"]');
        if (alert) {
          p.analysisError = now;
          b.errorText = alert.textContent ?? '';
        } else if (!document.querySelector('[data-testid="analysis-running"]') && document.querySelector('[data-testid="cluster-summary"]')) {
          p.analysisDone = now;
        }
      }
      const map = window.__map;
      if (p.analysisDone !== undefined && p.mapIdle === undefined && map && map.loaded() && map.areTilesLoaded() && !map.isMoving()) p.mapIdle = now;
    };
    b.tick = (t: number) => {
      b.frames.push(t);
      b.check();
      requestAnimationFrame(b.tick);
    };
    requestAnimationFrame(b.tick);
    new MutationObserver(() => b.check()).observe(document.body, { subtree: true, childList: true, characterData: true });
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: false });
    } catch {
      /* no long-task timing in this browser */
    }
  });
}

async function mark(page: Page, name: string): Promise<number> {
  return within(
    page.evaluate((n) => {
      const b = (window as unknown as BenchWindow).__bench;
      b.marks[n] = performance.now();
      return b.marks[n]!;
    }, name),
    timeoutMs,
    `mark ${name}`,
  );
}

async function waitForMapIdle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const map = window.__map;
      return !!map && map.loaded() && map.areTilesLoaded() && !map.isMoving();
    },
    undefined,
    { timeout: timeoutMs, polling: 100 },
  );
}

interface PageState {
  frames: number[];
  longTasks: [number, number][];
  phase: Partial<Record<PhaseName, number>>;
  marks: Record<string, number>;
  startAt: number;
  errorText: string;
  now: number;
  workerLog: WorkerLogEntry[];
}

async function readState(page: Page): Promise<PageState> {
  return within(
    page.evaluate(() => {
      const b = (window as unknown as BenchWindow).__bench;
      const workerLog = (window as unknown as WorkerLogWindow).__benchWorkerLog ?? [];
      return { frames: b.frames, longTasks: b.longTasks, phase: b.phase, marks: b.marks, startAt: b.startAt, errorText: b.errorText, now: performance.now(), workerLog };
    }),
    15_000,
    'reading the page state',
  );
}

// ---- one size -----------------------------------------------------------------------------------

interface SizeResult {
  size: number;
  csv: { path: string; mb: number; writeS: number };
  ok: boolean;
  failure?: { step: string; message: string; lastPhase: string | null; pageUnresponsive?: boolean };
  importS?: number;
  /** Seconds from setInputFiles to each phase. */
  phasesS: Partial<Record<PhaseName, number>>;
  rows?: number;
  households?: number;
  heap?: {
    mainPeakMB: number;
    mainSamples: number;
    mainMaxGapS: number;
    workers: Record<string, { usedMB: number; backingMB: number; workers: number; samples: number }>;
    notes: string[];
    series: HeapSeries[];
  };
  /** Heaps once the page is quiet after the import, right after a forced collection (MB). */
  heldAfterGc?: { mainMB: number; workers: Record<string, { usedMB: number; backingMB: number }> };
  importStall?: { longestMs: number; over200: number; framesDuring: number };
  longTasks?: { count: number; totalMs: number; top: { atS: number; ms: number; phase: string }[] };
  frames?: { idle: FrameStats; pan: FrameStats; zoom: FrameStats; panZoom: FrameStats; panMoved: boolean; zoomLevels: number[] };
  /** Features drawn in the central 400 × 400 px after the import, per household layer. */
  renderedInCentre?: Record<string, number>;
  /** Messages to and from the core worker during the import (s from setInputFiles). */
  coreMessages?: { dir: 'out' | 'in'; atS: number; ms: number; label: string; id: number }[];
  /** MapLibre's worker messages that took ≥ 5 ms to send or read on the main thread, during the import. */
  maplibreMessages?: { count: number; totalMs: number; maxMs: number };
  screenshot?: string;
  /** Seconds from setInputFiles until the page is quiet again (30 frames in a row under 50 ms). */
  settledS?: number;
  /** Main-thread long tasks between "drawn and idle" and "settled": work the import left behind. */
  afterDrawn?: { count: number; totalMs: number; longestMs: number };
  /** 1-minute load average of the machine when the size started (2 cores: above 2 = contended). */
  loadAvg1: number;
}

function phaseAt(phasesS: Partial<Record<PhaseName, number>>, atS: number): string {
  let current = 'before loading';
  for (const p of PHASE_ORDER) {
    const t = phasesS[p];
    if (t !== undefined && t <= atS) current = `after ${p}`;
  }
  return current;
}

async function runSize(browser: Browser, size: number): Promise<SizeResult> {
  const csvPath = `/tmp/blindspot-browser-bench-${size}-${seed}.csv`;
  const t0 = performance.now();
  await writeSeededHouseholdsCsv(csvPath, size, seed);
  const result: SizeResult = {
    size,
    csv: { path: csvPath, mb: statSync(csvPath).size / 1e6, writeS: (performance.now() - t0) / 1000 },
    ok: false,
    phasesS: {},
    loadAvg1: Number(loadavg()[0]!.toFixed(2)),
  };
  console.log(`\n${size.toLocaleString('en-US')} households: ${csvPath} (${result.csv.mb.toFixed(1)} MB, written in ${result.csv.writeS.toFixed(1)} s)`);

  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', serviceWorkers: 'block' });
  await instrumentWorkers(context);
  let poller: HeapPoller | undefined;
  let step = 'open';
  let page: Page | undefined;
  let crashed = false;
  let lastKnown: PageState | undefined; // the page's record as last read, should the page stop answering
  const fail = (message: string) => {
    result.failure = { step, message: message.split('\n')[0]!.slice(0, 400), lastPhase: null };
  };
  try {
    page = await context.newPage();
    page.on('crash', () => { crashed = true; });
    page.setDefaultTimeout(timeoutMs);
    poller = await HeapPoller.attach(context, page);
    await page.goto(BASE_URL);
    await waitForDemoOnMap(page);
    await installRecorder(page);

    step = 'import (parse in the worker, hand to the page)';
    const input = page.getByTestId('import-households');
    poller.start();
    await page.evaluate(() => {
      (window as unknown as BenchWindow).__bench.startAt = performance.now();
    });
    const importT0 = performance.now();
    await input.setInputFiles(csvPath);
    await page.waitForFunction(
      () => {
        const p = (window as unknown as BenchWindow).__bench.phase;
        return p.summary !== undefined || p.error !== undefined || !!document.querySelector('[data-testid="mapping-dialog"]');
      },
      undefined,
      { timeout: timeoutMs, polling: 100 },
    );
    const early = (lastKnown = await readState(page));
    if (early.phase.error !== undefined) throw new Error(`import error: ${early.errorText}`);
    if (early.phase.summary === undefined) throw new Error('the column-mapping dialog opened instead of the summary');
    result.rows = Number((await page.getByTestId('import-rows').textContent())?.replace(/\D/g, ''));
    result.households = Number((await page.getByTestId('import-households-count').textContent())?.replace(/\D/g, ''));
    console.log(`  parsed: ${result.rows.toLocaleString('en-US')} rows → ${result.households.toLocaleString('en-US')} households, ` +
      `${((performance.now() - importT0) / 1000).toFixed(1)} s; closing the summary`);
    await page.keyboard.press('Escape');

    step = 'analysis and map';
    await page.waitForFunction(
      () => {
        const p = (window as unknown as BenchWindow).__bench.phase;
        return p.mapIdle !== undefined || p.analysisError !== undefined || p.error !== undefined;
      },
      undefined,
      { timeout: timeoutMs, polling: 100 },
    );
    const done = (lastKnown = await readState(page));
    if (done.phase.analysisError !== undefined || done.phase.error !== undefined) throw new Error(`error shown: ${done.errorText}`);
    const count = Number((await page.getByTestId('household-count').textContent())?.replace(/\D/g, ''));
    if (count !== result.households) throw new Error(`header shows ${count} households, the summary ${result.households}`);
    result.ok = true;
    console.log(`  imported, analysed and drawn in ${((done.phase.mapIdle! - done.startAt) / 1000).toFixed(1)} s`);
    result.renderedInCentre = await within(
      page.evaluate(() => {
        const map = window.__map!;
        const c = map.getCanvas();
        const w = c.clientWidth, h = c.clientHeight;
        const counts: Record<string, number> = {};
        for (const l of map.getStyle().layers) {
          if (!('source' in l) || !/^household/.test(String(l.source))) continue;
          if (map.getLayoutProperty(l.id, 'visibility') === 'none') continue;
          counts[l.id] = map.queryRenderedFeatures([[w / 2 - 200, h / 2 - 200], [w / 2 + 200, h / 2 + 200]], { layers: [l.id] }).length;
        }
        return counts;
      }),
      timeoutMs,
      'counting rendered households',
    );
    if (screenshotDir) {
      mkdirSync(screenshotDir, { recursive: true });
      result.screenshot = `${screenshotDir}/browser-bench-${size}.png`;
      await page.screenshot({ path: result.screenshot });
    }

    step = 'settle (the page quiet again after the import)';
    await page.waitForFunction(
      () => {
        const b = (window as unknown as BenchWindow).__bench;
        const f = b.frames;
        if (f.length < 31) return false;
        for (let i = f.length - 30; i < f.length; i++) if (f[i]! - f[i - 1]! >= 50) return false;
        b.marks.settled ??= f[f.length - 30]!;
        return true;
      },
      undefined,
      { timeout: timeoutMs, polling: 100 },
    );
    const quiet = await readState(page);
    poller.stop();
    result.heldAfterGc = await within(poller.heldAfterGc(), 60_000, 'the heaps after a forced collection');
    const held = result.heldAfterGc;
    console.log(`  held after the import (forced GC): page ${held.mainMB.toFixed(0)} MB, ` +
      Object.entries(held.workers).map(([k, w]) => `${k} worker ${w.usedMB.toFixed(0)} MB + ${w.backingMB.toFixed(0)} MB buffers`).join(', '));
    result.settledS = (quiet.marks.settled! - quiet.startAt) / 1000;
    const after = quiet.longTasks.filter(([start]) => start >= done.phase.mapIdle! && start <= quiet.marks.settled!);
    result.afterDrawn = { count: after.length, totalMs: Math.round(after.reduce((sum, [, d]) => sum + d, 0)), longestMs: Math.round(Math.max(0, ...after.map(([, d]) => d))) };
    console.log(`  quiet again ${result.settledS.toFixed(1)} s after setInputFiles` +
      (after.length ? ` (${after.length} long tasks after the map was drawn, ${result.afterDrawn.totalMs} ms)` : ''));

    step = 'frames (pan and zoom)';
    const idleStart = await mark(page, 'idleStart');
    await sleep(1000);
    const idleEnd = await mark(page, 'idleEnd');
    const box = (await page.getByTestId('map').boundingBox())!;
    const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
    const centreBefore = await page.evaluate(() => window.__map!.getCenter().toArray());
    const panStart = await mark(page, 'panStart');
    await page.mouse.move(cx + 300, cy + 100);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) {
      await page.mouse.move(cx + 300 - 30 * i, cy + 100 - 10 * i);
      await sleep(16);
    }
    await page.mouse.up();
    await waitForMapIdle(page);
    const panEnd = await mark(page, 'panEnd');
    const centreAfter = await page.evaluate(() => window.__map!.getCenter().toArray());
    const zoomSteps = [1, 2, 3, 1.5, 0];
    const zoomStart = await mark(page, 'zoomStart');
    const zoomLevels = await within(
      page.evaluate(
        (steps) => {
          const map = window.__map!;
          const z0 = map.getZoom();
          const levels: number[] = [];
          return steps
            .reduce(
              (chain, dz) =>
                chain.then(() => {
                  const ended = map.once('moveend');
                  map.easeTo({ zoom: z0 + dz, duration: 600 });
                  return ended.then(() => {
                    levels.push(Number(map.getZoom().toFixed(2)));
                  });
                }),
              Promise.resolve(),
            )
            .then(() => [Number(z0.toFixed(2)), ...levels]);
        },
        zoomSteps,
      ),
      timeoutMs,
      'zoom sequence',
    );
    await waitForMapIdle(page);
    const zoomEnd = await mark(page, 'zoomEnd');
    const s = await readState(page);
    const pan = frameStats(s.frames, panStart, panEnd);
    const zoom = frameStats(s.frames, zoomStart, zoomEnd);
    const panZoom = frameStats(
      s.frames.filter((t) => (t >= panStart && t <= panEnd) || (t >= zoomStart && t <= zoomEnd)),
      panStart,
      zoomEnd,
    );
    // The pan and zoom windows are disjoint: drop the one delta that spans the gap between them.
    const deltas = [panStart, zoomStart].flatMap((from, k) => {
      const to = k === 0 ? panEnd : zoomEnd;
      const inside = s.frames.filter((t) => t >= from && t <= to);
      return inside.slice(1).map((t, i) => t - inside[i]!);
    }).sort((a, b) => a - b);
    panZoom.frames = pan.frames + zoom.frames;
    panZoom.medianMs = quantile(deltas, 0.5);
    panZoom.p95Ms = quantile(deltas, 0.95);
    panZoom.maxMs = deltas.at(-1) ?? NaN;
    panZoom.seconds = pan.seconds + zoom.seconds;
    result.frames = {
      idle: frameStats(s.frames, idleStart, idleEnd),
      pan,
      zoom,
      panZoom,
      panMoved: Math.hypot(centreAfter[0]! - centreBefore[0]!, centreAfter[1]! - centreBefore[1]!) > 1e-6,
      zoomLevels,
    };
    console.log(`  frames: pan ${pan.frames} (median ${fmt(pan.medianMs, 1)} ms, p95 ${fmt(pan.p95Ms, 1)}), ` +
      `zoom ${zoom.frames} (median ${fmt(zoom.medianMs, 1)} ms, p95 ${fmt(zoom.p95Ms, 1)}), idle median ${fmt(result.frames.idle.medianMs, 1)} ms`);
  } catch (err) {
    fail(crashed ? `the page crashed (${(err as Error).message})` : (err as Error).message);
    console.log(`  FAILED in step "${step}": ${result.failure!.message}`);
  } finally {
    poller?.stop();
  }

  // Whatever happened, what the page recorded about the import.
  if (page) {
    try {
      const s = crashed ? lastKnown : await readState(page).catch((err: unknown) => {
        if (!lastKnown) throw err;
        if (result.failure) result.failure.pageUnresponsive = true;
        return lastKnown;
      });
      if (!s) throw new Error('the page crashed before anything was recorded');
      const phasesS: Partial<Record<PhaseName, number>> = {};
      if (s.startAt >= 0) {
        for (const [name, t] of Object.entries(s.phase) as [PhaseName, number][]) phasesS[name] = (t - s.startAt) / 1000;
        const end = s.marks.settled ?? s.phase.mapIdle ?? s.now;
        if (s.phase.mapIdle !== undefined) result.importS = (s.phase.mapIdle - s.startAt) / 1000;
        result.importStall = stalls(s.frames, s.startAt, end);
        const during = s.longTasks.filter(([start]) => start >= s.startAt && start <= end);
        result.longTasks = {
          count: during.length,
          totalMs: during.reduce((sum, [, d]) => sum + d, 0),
          top: [...during].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([start, d]) => {
            const atS = (start - s.startAt) / 1000;
            return { atS: Number(atS.toFixed(2)), ms: Math.round(d), phase: phaseAt(phasesS, atS) };
          }),
        };
        const logDuring = s.workerLog.filter(([, , t]) => t >= s.startAt && t <= end);
        result.coreMessages = logDuring.filter(([, kind]) => kind === 'core').map(([dir, , t, ms, label, id]) => (
          { dir, atS: Number(((t - s.startAt) / 1000).toFixed(3)), ms: Math.round(ms), label, id }));
        const maplibre = logDuring.filter(([, kind]) => kind === 'maplibre');
        result.maplibreMessages = {
          count: maplibre.length,
          totalMs: Math.round(maplibre.reduce((sum, e) => sum + e[3], 0)),
          maxMs: Math.round(Math.max(0, ...maplibre.map((e) => e[3]))),
        };
      }
      result.phasesS = phasesS;
    } catch (err) {
      if (result.failure) result.failure.pageUnresponsive = true;
      else fail((err as Error).message);
    }
  }
  if (result.failure) {
    const reached = PHASE_ORDER.filter((p) => result.phasesS[p] !== undefined);
    result.failure.lastPhase = reached.at(-1) ?? null;
    const next = PHASE_ORDER[reached.length];
    if (next && !result.ok) console.log(`  last phase reached: ${reached.at(-1) ?? 'none'}; stuck before "${next}" (${PHASE_MEANING[next]})`);
  }
  if (poller) {
    result.heap = {
      mainPeakMB: poller.main.peakUsedMB,
      mainSamples: poller.main.samples.length,
      mainMaxGapS: poller.main.maxGapS,
      workers: poller.workerPeaks(),
      notes: poller.notes,
      series: poller.series(),
    };
  }
  await within(context.close(), 30_000, 'closing the page').catch(() => undefined);
  return result;
}

// ---- main ---------------------------------------------------------------------------------------

function printTable(results: SizeResult[]): void {
  const head = ['households', 'CSV MB', 'import s', 'quiet s', 'heap MB main', 'core wkr', 'maplibre wkr', 'frames', 'median ms', 'p95 ms', 'stall ms', 'result'];
  const rows = results.map((r) => {
    const w = r.heap?.workers ?? {};
    const f = r.frames?.panZoom;
    const phases = PHASE_ORDER.filter((p) => r.phasesS[p] !== undefined);
    return [
      r.size.toLocaleString('en-US'),
      r.csv.mb.toFixed(1),
      fmt(r.importS, 1),
      fmt(r.settledS, 1),
      r.heap?.mainSamples ? fmt(r.heap.mainPeakMB) : '–',
      w.core?.samples ? `${fmt(w.core.usedMB)}+${fmt(w.core.backingMB)}` : '–',
      w.maplibre?.samples ? `${fmt(w.maplibre.usedMB)}+${fmt(w.maplibre.backingMB)}` : '–',
      f ? String(f.frames) : '–',
      fmt(f?.medianMs, 1),
      fmt(f?.p95Ms, 1),
      r.importStall ? fmt(r.importStall.longestMs) : '–',
      r.ok ? (r.frames ? 'ok' : 'ok (no frames)') : `FAILED at ${r.failure?.step.split(' ')[0]} (after ${phases.at(-1) ?? 'nothing'})`,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);
  console.log('import: until counted, analysed and the map drawn and idle; quiet: until 30 frames in a row under 50 ms. ' +
    'heap: peak until quiet; workers "used + ArrayBuffer backing store" (MB). Frames: pan + zoom rAF deltas. ' +
    'stall: longest gap between rAF callbacks until quiet.');
  for (const r of results) {
    const ph = PHASE_ORDER.map((p) => `${p} ${fmt(r.phasesS[p], 1)}`).join(', ');
    console.log(`${r.size.toLocaleString('en-US')}: phases (s from setInputFiles): ${ph}` +
      (r.longTasks ? `; main-thread long tasks ${r.longTasks.count}, ${fmt(r.longTasks.totalMs / 1000, 1)} s in all` +
        (r.longTasks.top[0] ? `, longest ${r.longTasks.top[0].ms} ms at ${r.longTasks.top[0].atS} s (${r.longTasks.top[0].phase})` : '') : '') +
      (r.failure ? `; FAILED in "${r.failure.step}": ${r.failure.message}` : '') + `; load average ${r.loadAvg1}`);
    const lines = coreTimeline(r);
    if (lines.length > 0) console.log(`  core worker: ${lines.join('; ')}`);
    if (r.maplibreMessages?.count) {
      console.log(`  MapLibre worker messages ≥ 5 ms on the main thread: ${r.maplibreMessages.count}, ${r.maplibreMessages.totalMs} ms in all, longest ${r.maplibreMessages.maxMs} ms`);
    }
    if (r.renderedInCentre) console.log(`  drawn in the centre 400 px: ${Object.entries(r.renderedInCentre).map(([l, n]) => `${l} ${n}`).join(', ') || 'no household layer visible'}`);
  }
}

/**
 * Each request to the core worker during the import: sent (and how long sending took), answered
 * (the worker handles requests in order, so an answer's delay includes the requests queued before
 * it), read on the main thread.
 */
function coreTimeline(r: SizeResult): string[] {
  const out: string[] = [];
  for (const m of r.coreMessages ?? []) {
    if (m.dir !== 'out') continue;
    const answer = r.coreMessages!.find((a) => a.dir === 'in' && a.id === m.id && a.label !== 'progress');
    out.push(`${m.label} sent at ${m.atS.toFixed(1)} s (${m.ms} ms to send)` +
      (answer ? `, ${answer.label} ${(answer.atS - m.atS).toFixed(1)} s later, ${answer.ms} ms to read` : ', no answer during the import'));
  }
  return out;
}

async function main(): Promise<void> {
  console.log(`browser bench: sizes ${sizes.map((s) => s.toLocaleString('en-US')).join(', ')}; seed ${seed}; timeout ${timeoutMs / 1000} s per step`);
  if (build) {
    console.log('building the app (npx vite build) …');
    execSync('npx vite build', { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  let serverExited = false;
  server.on('exit', () => { serverExited = true; });
  const stopServer = () => {
    try { if (server.pid && !serverExited) process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
  };
  const onSignal = () => { stopServer(); process.exit(130); };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let browser: Browser | undefined;
  try {
    for (let k = 0; ; k++) {
      try { if ((await fetch(BASE_URL)).ok) break; } catch { /* not up yet */ }
      if (serverExited || k > 150) throw new Error(`vite preview did not start on port ${PORT} (in use?)`);
      await sleep(200);
    }
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
        '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--enable-precise-memory-info'],
    });
    const results: SizeResult[] = [];
    for (const size of sizes) results.push(await runSize(browser, size));
    printTable(results);
    const report = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '?', memoryGB: Number((totalmem() / 1e9).toFixed(1)), node: process.version },
      chromium: browser.version(),
      commit: (() => { try { return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim(); } catch { return null; } })(),
      // The build includes uncommitted changes in the working tree: name them.
      uncommitted: (() => { try { return execSync('git status --short -- src', { encoding: 'utf8' }).split('\n').filter(Boolean); } catch { return null; } })(),
      options: { sizes, seed, timeoutS: timeoutMs / 1000, build },
      results,
    };
    writeFileSync(outPath, JSON.stringify(report, null, 1));
    console.log(`\nJSON: ${outPath}`);
  } finally {
    await browser?.close().catch(() => undefined);
    stopServer();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

await main();

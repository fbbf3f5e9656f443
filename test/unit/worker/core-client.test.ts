/**
 * When the core worker itself fails, every waiting request fails in words (WorkerFailedError with
 * a code the UI translates) instead of waiting forever, and the next request gets a fresh worker.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CancelledError, createCoreClient, WorkerFailedError } from '../../../src/worker/core-client.ts';

class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  posted: { id: number; type: string; households?: unknown }[] = [];
  terminated = false;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: { id: number; type: string; households?: unknown }) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(id: number, result: unknown) {
    this.onmessage?.({ data: { id, ok: true, result } } as MessageEvent);
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.made = [];
});

describe('createCoreClient', () => {
  it('fails waiting requests in words when the worker dies, then starts a new worker', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const client = createCoreClient();
    const settings = { epsM: 500, minHouseholds: 3, uncovered: ['none', 'poor'] as const };
    const waiting = client.analyze([], [], { ...settings, uncovered: [...settings.uncovered] });
    const first = FakeWorker.made[0]!;
    expect(first.posted.map((m) => m.type)).toEqual(['setDataset', 'analyze']);
    first.onerror?.({ message: 'out of memory' } as ErrorEvent);
    await expect(waiting).rejects.toBeInstanceOf(WorkerFailedError);
    await expect(waiting).rejects.toMatchObject({ code: 'worker_failed', message: 'out of memory' });
    expect(first.terminated).toBe(true);

    // The next request: a new worker, and the dataset is sent again before the analysis.
    const again = client.analyze([], [], { ...settings, uncovered: [...settings.uncovered] });
    const second = FakeWorker.made[1]!;
    expect(second.posted.map((m) => m.type)).toEqual(['setDataset', 'analyze']);
    second.answer(second.posted[0]!.id, null);
    second.answer(second.posted[1]!.id, { clusters: [] });
    await expect(again).resolves.toEqual({ clusters: [] });
  });

  it('names the households the worker parsed instead of sending them back; other households cross whole', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const client = createCoreClient();
    const settings = { epsM: 500, minHouseholds: 3, uncovered: ['none' as const] };
    const parsing = client.parseHouseholds('a.csv', new ArrayBuffer(4));
    const worker = FakeWorker.made[0]!;
    const parsed = { households: [{ id: 'H1' }], issues: [], rows: 1 };
    worker.answer(worker.posted[0]!.id, parsed);
    const result = await parsing;
    void client.analyze(result.households as never, [], settings);
    expect(worker.posted[1]).toMatchObject({ type: 'setDataset', households: { parsedId: worker.posted[0]!.id } });
    const other = [{ id: 'H2' }] as never;
    void client.analyze(other, [], settings);
    expect(worker.posted[3]).toMatchObject({ type: 'setDataset', households: other });
  });

  it('cancel fails what is waiting with CancelledError and ends the worker; the next request starts afresh', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const client = createCoreClient();
    const parsing = client.parseHouseholds('big.csv', new ArrayBuffer(4));
    client.cancel();
    await expect(parsing).rejects.toBeInstanceOf(CancelledError);
    await expect(parsing).rejects.toMatchObject({ code: 'cancelled' });
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    void client.parseSites('s.csv', new ArrayBuffer(4));
    expect(FakeWorker.made).toHaveLength(2);
  });
});

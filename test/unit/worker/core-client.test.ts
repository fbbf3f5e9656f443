/**
 * When the core worker itself fails, every waiting request fails in words (WorkerFailedError with
 * a code the UI translates) instead of waiting forever, and the next request gets a fresh worker.
 * The page holds homes as a table: the client answers a home's details and the whole homes from
 * what it keeps (a small file's, a project's) or asks the worker that parsed a large file.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { householdIdAt, householdTableOf, type Household } from '../../../src/core/index.ts';
import { CancelledError, createCoreClient, WorkerFailedError } from '../../../src/worker/core-client.ts';

/** A request whose worker is made to fail on purpose: its rejection is expected. */
const quiet = (p: Promise<unknown>) => void p.catch(() => undefined);

const home = (id: string, reports: Household['reports'] = []): Household =>
  ({ id, lon: 108, lat: 30, students: 1, reports, cls: 'none', personal: { 姓名: id }, line: 2 });

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
    const waiting = client.analyze(householdTableOf([]), [], { ...settings, uncovered: [...settings.uncovered] });
    const first = FakeWorker.made[0]!;
    expect(first.posted.map((m) => m.type)).toEqual(['setDataset', 'analyze']);
    first.onerror?.({ message: 'out of memory' } as ErrorEvent);
    await expect(waiting).rejects.toBeInstanceOf(WorkerFailedError);
    await expect(waiting).rejects.toMatchObject({ code: 'worker_failed', message: 'out of memory' });
    expect(first.terminated).toBe(true);

    // The next request: a new worker, and the dataset is sent again before the analysis.
    const again = client.analyze(householdTableOf([]), [], { ...settings, uncovered: [...settings.uncovered] });
    const second = FakeWorker.made[1]!;
    expect(second.posted.map((m) => m.type)).toEqual(['setDataset', 'analyze']);
    second.answer(second.posted[0]!.id, null);
    second.answer(second.posted[1]!.id, { clusters: [] });
    await expect(again).resolves.toEqual({ clusters: [] });
  });

  it('names the households the worker read instead of sending them back; a small file\'s or project\'s cross whole to a new worker', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const client = createCoreClient();
    const settings = { epsM: 500, minHouseholds: 3, uncovered: ['none' as const] };
    const parsing = client.parseHouseholds('a.csv', new ArrayBuffer(4));
    const worker = FakeWorker.made[0]!;
    const parsed = { households: [home('H1')], issues: [], rows: 1 };
    worker.answer(worker.posted[0]!.id, parsed);
    const result = await parsing;
    expect(result.households.count).toBe(1);
    expect(householdIdAt(result.households, 0)).toBe('H1');
    quiet(client.analyze(result.households, [], settings));
    expect(worker.posted[1]).toMatchObject({ type: 'setDataset', households: { parsedId: worker.posted[0]!.id } });
    // A small project: read by the worker, its homes kept whole on this side too.
    const opening = client.openProject('p.blindspot.json', new ArrayBuffer(2));
    const homes = [home('H2')];
    const households = { source: { kind: 'file', name: 'a.csv', encoding: 'utf-8', format: 'csv', options: {} }, rows: 1, households: homes, issues: [] };
    worker.answer(worker.posted[3]!.id, { project: { schema: 'blindspot.project/1', households } });
    const opened = await opening;
    expect(opened.project.households!.households).toEqual([]);
    expect(householdIdAt(opened.households, 0)).toBe('H2');
    quiet(client.analyze(opened.households, [], settings));
    expect(worker.posted[4]).toMatchObject({ type: 'setDataset', households: { parsedId: worker.posted[3]!.id } });
    // That worker fails: the next one is sent the homes whole.
    worker.onerror?.({ message: 'out of memory' } as ErrorEvent);
    quiet(client.analyze(opened.households, [], settings));
    expect(FakeWorker.made[1]!.posted[0]).toMatchObject({ type: 'setDataset', households: homes });
    // A table the client neither read nor holds: refused, not sent without its reports.
    expect(() => client.analyze(householdTableOf([home('H3')]), [], settings)).toThrow(/did not parse or hold/);
  });

  it('a home\'s details and the whole homes: from this side for a small file, from the worker for a large one', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const client = createCoreClient();
    const small = [home('A', [{ line: 2, cls: 'none' }]), home('B')];
    const parsingSmall = client.parseHouseholds('small.csv', new ArrayBuffer(4));
    const worker = FakeWorker.made[0]!;
    worker.answer(worker.posted[0]!.id, { households: small, issues: [], rows: 2 });
    const smallTable = (await parsingSmall).households;
    await expect(client.householdDetails(smallTable, [], 0)).resolves.toEqual({ reports: small[0]!.reports, personal: { 姓名: 'A' } });
    await expect(client.householdsJson(smallTable, [])).resolves.toEqual([JSON.stringify(small).slice(1, -1)]);
    expect(worker.posted).toHaveLength(1); // nothing asked of the worker

    const large = householdTableOf([home('X'), home('Y')]);
    const parsingLarge = client.parseHouseholds('large.csv', new ArrayBuffer(4));
    worker.answer(worker.posted[1]!.id, { households: [], householdTable: large, issues: [], rows: 2 });
    const largeTable = (await parsingLarge).households;
    expect(largeTable).toBe(large);
    const sites: never[] = [];
    const details = client.householdDetails(largeTable, sites, 1);
    expect(worker.posted.slice(2)).toMatchObject([
      { type: 'setDataset', households: { parsedId: worker.posted[1]!.id } },
      { type: 'householdDetails', index: 1, householdId: 'Y' },
    ]);
    worker.answer(worker.posted[3]!.id, { reports: [], personal: {} });
    await expect(details).resolves.toEqual({ reports: [], personal: {} });
    void client.householdsJson(largeTable, sites);
    expect(worker.posted[4]).toMatchObject({ type: 'householdsJson' });
  });

  it('a large file\'s homes are parsed again in a new worker before the next request on them: nothing of them is lost', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const client = createCoreClient();
    const bytes = new TextEncoder().encode('id,lon,lat\nX,108,30\n').buffer;
    const parsing = client.parseHouseholds('large.csv', bytes, { crs: 'wgs84' });
    const first = FakeWorker.made[0]!;
    const large = householdTableOf([home('X')]);
    first.answer(first.posted[0]!.id, { households: [], householdTable: large, issues: [], rows: 1 });
    const table = (await parsing).households;
    expect(bytes.byteLength).toBeGreaterThan(0); // kept as given: the worker got a copy
    first.onerror?.({ message: 'out of memory' } as ErrorEvent);

    const settings = { epsM: 500, minHouseholds: 3, uncovered: ['none' as const] };
    void client.analyze(table, [], settings);
    const second = FakeWorker.made[1]!;
    const [parse, set, analyze] = second.posted as unknown as [
      { type: string; id: number; name: string; bytes: ArrayBuffer; options: object }, { type: string; households: unknown }, { type: string },
    ];
    expect([parse.type, set.type, analyze.type]).toEqual(['parseHouseholds', 'setDataset', 'analyze']);
    expect(parse).toMatchObject({ name: 'large.csv', options: { crs: 'wgs84' } });
    expect(new Uint8Array(parse.bytes)).toEqual(new Uint8Array(bytes));
    expect(parse.bytes).not.toBe(bytes);
    expect(set.households).toEqual({ parsedId: parse.id });
  });

  it('a large project\'s homes come as a table and are read again in a new worker', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const client = createCoreClient();
    const bytes = new TextEncoder().encode('{"schema":"blindspot.project/1"}').buffer;
    const opening = client.openProject('big.blindspot.json', bytes);
    const first = FakeWorker.made[0]!;
    const large = householdTableOf([home('X')]);
    first.answer(first.posted[0]!.id, { project: { schema: 'blindspot.project/1', households: null }, householdTable: large });
    const opened = await opening;
    expect(opened.households).toBe(large);
    first.onerror?.({ message: 'out of memory' } as ErrorEvent);
    void client.householdDetails(opened.households, [], 0);
    const [open, set, details] = FakeWorker.made[1]!.posted as unknown as [{ type: string; id: number; name: string; bytes: ArrayBuffer }, { households: unknown }, { type: string }];
    expect(open).toMatchObject({ type: 'openProject', name: 'big.blindspot.json' });
    expect(new Uint8Array(open.bytes)).toEqual(new Uint8Array(bytes));
    expect(set.households).toEqual({ parsedId: open.id });
    expect(details).toMatchObject({ type: 'householdDetails', index: 0, householdId: 'X' });
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

// @vitest-environment jsdom
/**
 * The import's status line as a user reads it: the stage in words with its count ("checking row
 * 320,000 of 1,000,000", in both languages), one progress bar whose value only rises over the
 * stages, and a cancel button in every stage — fed through the real action (`importHouseholdFile`)
 * from a stand-in worker client that reports progress as the worker does.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { CoreClient, OnProgress } from '../../../src/worker/core-client.ts';

vi.mock('maplibre-gl', () => ({}));

const { appStore } = await import('../../../src/state/app-store.ts');
const { initialUi } = await import('../../../src/state/store.ts');
const { StatusBar } = await import('../../../src/ui/StatusBar.tsx');
const { setCoreClient } = await import('../../../src/state/actions/core.ts');
const { importHouseholdFile } = await import('../../../src/state/actions/load-dataset.ts');
const { importProgressFraction, IMPORT_STAGE_SHARES } = await import('../../../src/ui/import-progress-fraction.ts');

beforeEach(() => appStore.setState((s) => ({ settings: { ...s.settings, lang: 'zh-CN' } })));
afterEach(() => {
  cleanup();
  appStore.setState({ ui: { ...initialUi, load: { state: 'idle' } } });
});

/** A worker client whose import reports what the test says and never answers; `cancel` is counted. */
function standInClient() {
  let report: OnProgress | undefined;
  const cancel = vi.fn();
  const client = {
    parseHouseholds: (_name: string, _bytes: ArrayBuffer, _options: unknown, onProgress?: OnProgress) => {
      report = onProgress;
      return new Promise(() => undefined);
    },
    cancel,
  } as unknown as CoreClient;
  return {
    client, cancel, started: () => report !== undefined,
    report: (done: number, total: number, stage: Parameters<OnProgress>[2]) => act(() => report!(done, total, stage)),
  };
}

const bar = () => screen.getByRole('progressbar') as HTMLProgressElement;

describe('StatusBar during an import', () => {
  it('shows each stage with its count and a bar that rises through every stage; cancel works in each', async () => {
    for (const stopIn of ['reading', 'validating', 'merging', 'sending', null] as const) {
      const { client, cancel, report, started } = standInClient();
      setCoreClient(client);
      render(<StatusBar />);
      act(() => void importHouseholdFile(new File(['id,lon,lat\n'], 'municipality.csv'))); // never answered
      await vi.waitFor(() => expect(started()).toBe(true));
      expect(screen.getByTestId('status-loading').textContent).toContain('正在读取 municipality.csv');
      const values: number[] = [];
      const steps: [number, number, 'reading' | 'validating' | 'merging' | 'sending', string][] = [
        [0, 0, 'reading', '第 1/4 步 · 正在读取表格…'],
        [1 << 20, 61_000_000, 'reading', '正在读取表格… 1%'],
        [19_520_000, 61_000_000, 'reading', '正在读取表格… 32%'],
        [61_000_000, 61_000_000, 'reading', '正在读取表格… 100%'],
        [0, 1_000_000, 'validating', '第 2/4 步 · 正在校验第 0 行，共 1,000,000 行'],
        [320_000, 1_000_000, 'validating', '正在校验第 320,000 行，共 1,000,000 行'],
        [1_000_000, 1_000_000, 'validating', '正在校验第 1,000,000 行，共 1,000,000 行'],
        [0, 959_490, 'merging', '第 3/4 步 · 正在合并同一户的报告：第 0 行，共 959,490 行'],
        [500_000, 959_490, 'merging', '正在合并同一户的报告：第 500,000 行，共 959,490 行'],
        [0, 0, 'sending', '第 4/4 步 · 正在显示…'],
      ];
      for (const [done, total, stage, text] of steps) {
        report(done, total, stage);
        expect(screen.getByTestId('status-loading').textContent).toContain(text);
        expect(bar().getAttribute('aria-valuetext')).toBe(screen.getByTestId('load-stage').textContent);
        expect(bar().max).toBe(100);
        values.push(bar().value);
        if (stage === stopIn) break;
      }
      for (let k = 1; k < values.length; k++) expect(values[k]).toBeGreaterThanOrEqual(values[k - 1]!);
      if (stopIn === null) {
        expect(values[0]).toBe(0);
        expect(values.filter((v) => v > 0 && v < 100).length).toBeGreaterThan(6);
        expect(new Set(values).size).toBeGreaterThan(7);
      }
      fireEvent.click(screen.getByTestId('cancel-load'));
      expect(cancel).toHaveBeenCalledTimes(1);
      expect(screen.queryByTestId('status-loading')).toBeNull();
      cleanup();
    }
  });

  it('speaks English when the page does', async () => {
    appStore.setState((s) => ({
      settings: { ...s.settings, lang: 'en' },
      ui: { ...s.ui, load: { state: 'loading', name: 'big.csv', progress: { stage: 'validating', done: 320_000, total: 1_000_000 } } },
    }));
    render(<StatusBar />);
    expect(screen.getByTestId('status-loading').textContent).toContain('step 2 of 4 · checking row 320,000 of 1,000,000');
    expect(bar().getAttribute('aria-label')).toBe('Reading progress');
  });
});

describe('importProgressFraction', () => {
  it('fills each stage\'s share in order, from 0 to 1', () => {
    const shares = Object.values(IMPORT_STAGE_SHARES);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(importProgressFraction({ stage: 'reading', done: 0, total: 0 })).toBe(0);
    expect(importProgressFraction({ stage: 'reading', done: 5, total: 10 })).toBeCloseTo(IMPORT_STAGE_SHARES.reading / 2, 10);
    expect(importProgressFraction({ stage: 'validating', done: 0, total: 10 })).toBeCloseTo(IMPORT_STAGE_SHARES.reading, 10);
    expect(importProgressFraction({ stage: 'sending', done: 1, total: 1 })).toBeCloseTo(1, 10);
    expect(importProgressFraction({ done: 3, total: 4 })).toBe(0.75); // no stage: the count alone
  });
});

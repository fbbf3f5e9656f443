// @vitest-environment jsdom
/**
 * The details of an opened home as a user reads them: the fields the page's table holds at once,
 * the reports and personal fields once the client answers (the page keeps no object per home),
 * and, when they cannot be read, a message saying so instead of "loading" for ever.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { householdTableOf, type Household } from '../../../src/core/index.ts';
import type { CoreClient } from '../../../src/worker/core-client.ts';

vi.mock('maplibre-gl', () => ({}));

const { appStore } = await import('../../../src/state/app-store.ts');
const { emptyDataset, initialUi } = await import('../../../src/state/store.ts');
const { setCoreClient } = await import('../../../src/state/actions/core.ts');
const { DetailsPanel } = await import('../../../src/ui/DetailsPanel.tsx');

const homes: Household[] = [
  { id: 'A', lon: 108.1, lat: 30.1, students: 2, cls: 'none', township: '六塘乡', village: '龙池村', line: 2, personal: {}, reports: [] },
  { id: 'B', lon: 108.2, lat: 30.2, students: 1, cls: 'good', line: 3, personal: {}, reports: [] },
];

function open(id: string, details: CoreClient['householdDetails']): void {
  setCoreClient({ householdDetails: details } as Partial<CoreClient> as CoreClient);
  appStore.setState((s) => ({
    dataset: { ...emptyDataset, households: householdTableOf(homes) },
    ui: { ...initialUi, selection: { kind: 'household', id } },
    settings: { ...s.settings, lang: 'en' },
  }));
}

afterEach(cleanup);

describe('DetailsPanel of a home', () => {
  it('shows the table\'s fields, then the reports the client answers for that home', async () => {
    const asked: number[] = [];
    open('A', (_h, _s, index) => {
      asked.push(index);
      return Promise.resolve({ reports: [{ line: 2, cls: 'none', rsrpDbm: -121 }, { line: 7, cls: 'poor' }], personal: { 姓名: '张三' } });
    });
    render(<DetailsPanel />);
    expect(screen.getByTestId('panel-id').textContent).toBe('A');
    expect(screen.getByTestId('panel-village').textContent).toBe('龙池村');
    expect(screen.getByTestId('panel-students').textContent).toBe('2');
    expect(screen.getByRole('status').textContent).toMatch(/loading/i);
    await act(async () => undefined);
    expect(asked).toEqual([0]);
    expect(document.querySelectorAll('.reports li')).toHaveLength(2);
    expect(document.body.textContent).toContain('RSRP -121 dBm');
    expect(screen.queryByText('张三')).toBeNull(); // personal fields stay hidden until asked
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says in words when the reports cannot be read', async () => {
    open('B', () => Promise.reject(new Error('the worker stopped')));
    render(<DetailsPanel />);
    await act(async () => undefined);
    expect(screen.getByRole('alert').textContent).toContain('the worker stopped');
    expect(screen.getByTestId('panel-id').textContent).toBe('B');
    expect(screen.queryByRole('status')).toBeNull();
  });
});

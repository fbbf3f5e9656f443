// @vitest-environment jsdom
/**
 * The import summary as a user reads it: counts, issues by code, each issue with its line, field
 * and reason in the interface language.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import type { ImportIssue } from '../../../src/core/index.ts';

vi.mock('maplibre-gl', () => ({}));

const { appStore } = await import('../../../src/state/app-store.ts');
const { emptyDataset, initialUi } = await import('../../../src/state/store.ts');
const { ImportSummary } = await import('../../../src/ui/ImportSummary.tsx');
const { setLang } = await import('../../../src/state/actions/ui-actions.ts');

const issues: ImportIssue[] = [
  { line: 3, field: 'lat', code: 'not_a_number', severity: 'error', value: 'abc', message: 'line 3: lat "abc" is not a number' },
  { line: 5, field: 'signal', code: 'unknown_signal_value', severity: 'warning', value: '满格', message: 'line 5: signal "满格" is not a known value' },
  { line: 9, field: 'lon', code: 'missing_coordinate', severity: 'error', message: 'line 9: lon is missing' },
];

beforeEach(() => {
  appStore.setState({
    dataset: {
      ...emptyDataset,
      rows: 10,
      issues,
      source: {
        kind: 'file',
        name: 'reports.csv',
        encoding: 'utf-8',
        format: 'csv',
        columns: [
          { index: 0, header: '经度', field: 'lon', samples: ['108.12'] },
          { index: 1, header: '备注', field: null, samples: ['无'] },
        ],
        headerSignature: '["经度","备注"]',
        options: {},
      },
    },
    ui: { ...initialUi, importSummaryOpen: true },
    settings: { lang: 'zh-CN' },
  });
});
afterEach(cleanup);

describe('ImportSummary', () => {
  it('lists every issue by line with its code and reason, errors and warnings counted apart', () => {
    render(<ImportSummary />);
    expect(screen.getByTestId('import-rows').textContent).toBe('10');
    expect(screen.getByTestId('import-errors').textContent).toBe('2');
    expect(screen.getByTestId('import-warnings').textContent).toBe('1');
    const rows = within(screen.getByTestId('issues-table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-line'))).toEqual(['3', '5', '9']);
    expect(rows[0]!.textContent).toContain('不是数字: abc');
    expect(rows[1]!.textContent).toContain('无法识别的信号值: 满格');
    // The column mapping shows each column with its samples and field, for the user to change.
    const mapping = within(screen.getByTestId('column-mapping'));
    expect((mapping.getByTestId('mapping-0') as HTMLSelectElement).value).toBe('lon');
    expect((mapping.getByTestId('mapping-1') as HTMLSelectElement).value).toBe('');
    expect(mapping.getByText('108.12')).toBeTruthy();
  });

  it('speaks English when the interface does', () => {
    render(<ImportSummary />);
    act(() => setLang('en'));
    const rows = within(screen.getByTestId('issues-table')).getAllByRole('row').slice(1);
    expect(rows[0]!.textContent).toContain('Not a number: abc');
    expect(screen.getByRole('heading', { name: 'Import result' })).toBeTruthy();
  });

  it('closes on Escape', () => {
    render(<ImportSummary />);
    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    });
    expect(appStore.getState().ui.importSummaryOpen).toBe(false);
  });
});

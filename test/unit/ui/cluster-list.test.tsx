// @vitest-environment jsdom
/**
 * The ranked cluster list as a user meets it, at 3,000 clusters: only the rows in and near the
 * view are in the page (spacer rows stand for the rest, the table still announces all 3,001
 * rows), scrolling brings the later rows in, a cluster selected elsewhere (its outline on the
 * map) is scrolled into view and marked, and a click or Enter on a row selects the cluster and
 * flies to it. A short list (the demo's 66) is a plain table of every row.
 *
 * jsdom lays nothing out: the scroll container is given the 260 px view the CSS gives it, and the
 * rows keep the hook's fallback height (24 px; the real height is measured in the browser, see
 * test/e2e/clusters.spec.ts).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { BlindspotCluster } from '../../../src/core/index.ts';

vi.mock('maplibre-gl', () => ({}));

const { appStore } = await import('../../../src/state/app-store.ts');
const { initialUi } = await import('../../../src/state/store.ts');
const { ClusterList } = await import('../../../src/ui/ClusterList.tsx');
const { TABLE_ROW_WINDOW_DEFAULTS } = await import('../../../src/ui/use-table-row-window.ts');

const VIEW_PX = 260;
const ROW_PX = TABLE_ROW_WINDOW_DEFAULTS.rowHeightPx;

function clusters(n: number): BlindspotCluster[] {
  return Array.from({ length: n }, (_, k) => {
    const lon = 107 + (k % 100) * 0.01;
    const lat = 29 + Math.floor(k / 100) * 0.01;
    return {
      id: `c-${k + 1}`,
      rank: k + 1,
      memberIndices: [],
      householdIds: [],
      uncoveredHouseholds: 10_000 - k,
      uncoveredStudents: 20_000 - k,
      households: 10_000 - k,
      students: 20_000 - k,
      villages: k % 3 === 0 ? ['龙池村', '双龙村', '坡口村'] : ['密园村'],
      townships: ['六塘乡'],
      centroid: [lon, lat],
      outline: { type: 'Polygon', coordinates: [[[lon, lat], [lon + 0.002, lat], [lon + 0.002, lat + 0.002], [lon, lat]]] },
      nearestSiteM: k % 7 === 0 ? null : 1234 + k,
    } as BlindspotCluster;
  });
}

const table = () => screen.getByTestId('cluster-list');
const container = () => table().parentElement as HTMLElement;
const dataRows = () => [...table().querySelectorAll<HTMLTableRowElement>('tbody tr[data-cluster-id]')];
const spacers = () => [...table().querySelectorAll<HTMLTableRowElement>('tbody tr.row-window-spacer')];
const spacerPx = () => spacers().reduce((sum, r) => sum + parseFloat(r.style.height), 0);

function scrollTo(px: number) {
  act(() => {
    container().scrollTop = px;
    fireEvent.scroll(container());
  });
}

/** The rows a user sees: those overlapping the view below the 24 px sticky header. */
function rowsInView(): number[] {
  const top = container().scrollTop;
  const first = Math.floor(top / ROW_PX);
  const last = Math.ceil((top + VIEW_PX - ROW_PX) / ROW_PX);
  return Array.from({ length: last - first }, (_, k) => first + k);
}

let clientHeight: PropertyDescriptor | undefined;
beforeAll(() => {
  clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('cluster-list') ? VIEW_PX : 0;
    },
  });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});
beforeEach(() => appStore.setState((s) => ({ settings: { ...s.settings, lang: 'zh-CN' }, ui: { ...initialUi } })));
afterEach(() => cleanup());

describe('ClusterList at 3,000 clusters', () => {
  const list = clusters(3000);

  it('renders only a window of rows, with spacers for the rest, and announces all of them', () => {
    render(<ClusterList clusters={list} />);
    const rows = dataRows();
    expect(rows.length).toBeGreaterThanOrEqual(rowsInView().length);
    expect(rows.length).toBeLessThanOrEqual(rowsInView().length + 2 * TABLE_ROW_WINDOW_DEFAULTS.overscanRows);
    expect(rows[0]!.getAttribute('data-cluster-id')).toBe('c-1');
    // The same columns as ever: rank, villages, homes, students, km to the nearest site.
    expect([...rows[0]!.cells].map((td) => td.textContent)).toEqual(['1', '龙池村、双龙村 等 1 个村', '10,000', '20,000', '—']);
    expect([...rows[1]!.cells].map((td) => td.textContent)).toEqual(['2', '密园村', '9,999', '19,999', '1.2']);
    for (const r of rows) expect(r.tabIndex).toBe(0);
    // The table is as tall as every row: the bottom spacer stands for the rows not rendered.
    expect(spacers()).toHaveLength(1);
    expect(spacerPx()).toBe((3000 - rows.length) * ROW_PX);
    expect(container().classList.contains('windowed')).toBe(true);
    // Screen readers: 3,000 rows and the header; each row its place in the whole list.
    expect(table().getAttribute('aria-rowcount')).toBe('3001');
    expect(table().querySelector('thead tr')!.getAttribute('aria-rowindex')).toBe('1');
    rows.forEach((r, k) => expect(r.getAttribute('aria-rowindex')).toBe(String(k + 2)));
  });

  it('scrolling renders the later rows in place of the earlier ones', () => {
    render(<ClusterList clusters={list} />);
    scrollTo(1500 * ROW_PX);
    const rows = dataRows();
    const ranks = rows.map((r) => Number(r.cells[0]!.textContent));
    for (const i of rowsInView()) expect(ranks).toContain(i + 1);
    expect(ranks).not.toContain(1);
    expect(rows.length).toBeLessThanOrEqual(rowsInView().length + 2 * TABLE_ROW_WINDOW_DEFAULTS.overscanRows);
    // Spacers above and below keep every rendered row at its place in the whole list.
    const [above] = spacers();
    expect(parseFloat(above!.style.height)).toBe((ranks[0]! - 1) * ROW_PX);
    expect(spacerPx() + rows.length * ROW_PX).toBe(3000 * ROW_PX);
    rows.forEach((r, k) => expect(r.getAttribute('aria-rowindex')).toBe(String(ranks[0]! + 1 + k)));

    // To the end: the last cluster is rendered, no spacer below.
    scrollTo(3000 * ROW_PX + ROW_PX - VIEW_PX);
    expect(dataRows().at(-1)!.getAttribute('data-cluster-id')).toBe('c-3000');
    expect(spacers()).toHaveLength(1);
  });

  it('a cluster selected elsewhere (on the map) far down the list is scrolled into view and marked', () => {
    render(<ClusterList clusters={list} />);
    expect(table().querySelector('[data-cluster-id="c-2501"]')).toBeNull();
    act(() => appStore.setState((s) => ({ ui: { ...s.ui, selection: { kind: 'cluster', id: 'c-2501' } } })));
    const row = table().querySelector<HTMLTableRowElement>('[data-cluster-id="c-2501"]');
    expect(row).not.toBeNull();
    expect(row!.className).toBe('selected');
    expect(rowsInView()).toContain(2500);
    // Just enough scroll: the row sits at the bottom of the view.
    expect(container().scrollTop).toBe(ROW_PX + 2501 * ROW_PX - VIEW_PX);
    expect(table().querySelectorAll('tr.selected')).toHaveLength(1);

    // Then one near the top: the list scrolls back up to it, just below the header.
    act(() => appStore.setState((s) => ({ ui: { ...s.ui, selection: { kind: 'cluster', id: 'c-5' } } })));
    expect(container().scrollTop).toBe(4 * ROW_PX);
    expect(rowsInView()[0]).toBe(4);
    expect(table().querySelector('[data-cluster-id="c-5"]')!.className).toBe('selected');
  });

  it('a selection that is already in view does not scroll the list', () => {
    render(<ClusterList clusters={list} />);
    scrollTo(1000 * ROW_PX);
    act(() => appStore.setState((s) => ({ ui: { ...s.ui, selection: { kind: 'cluster', id: 'c-1003' } } })));
    expect(container().scrollTop).toBe(1000 * ROW_PX);
  });

  it('a click or Enter on a row selects its cluster and flies to it', () => {
    render(<ClusterList clusters={list} />);
    scrollTo(2000 * ROW_PX);
    fireEvent.click(table().querySelector('[data-cluster-id="c-2003"]')!);
    expect(appStore.getState().ui.selection).toEqual({ kind: 'cluster', id: 'c-2003' });
    const c = list[2002]!;
    expect(appStore.getState().ui.flyTarget?.bounds).toEqual([c.centroid[0], c.centroid[1], c.centroid[0] + 0.002, c.centroid[1] + 0.002]);
    expect(table().querySelector('[data-cluster-id="c-2003"]')!.className).toBe('selected');
    expect(container().scrollTop).toBe(2000 * ROW_PX); // it was in view: no scroll

    fireEvent.keyDown(table().querySelector('[data-cluster-id="c-2004"]')!, { key: 'Enter' });
    expect(appStore.getState().ui.selection).toEqual({ kind: 'cluster', id: 'c-2004' });
  });
});

describe('ClusterList, short', () => {
  it('the demo’s 66 clusters: every row, no spacer, not windowed', () => {
    const list = clusters(66);
    render(<ClusterList clusters={list} />);
    expect(dataRows().map((r) => r.getAttribute('data-cluster-id'))).toEqual(list.map((c) => c.id));
    expect(table().querySelectorAll('tbody tr')).toHaveLength(66);
    expect(spacers()).toHaveLength(0);
    expect(container().className).toBe('table-scroll cluster-list');
    expect(table().getAttribute('aria-rowcount')).toBe('67');
    expect(dataRows()[0]!.cells[1]!.getAttribute('title')).toBeNull();
    scrollTo(500);
    expect(dataRows()).toHaveLength(66);
  });
});

/**
 * Windowing for a long table in a scroll container: only the body rows in (and near) the view are
 * rendered, with a spacer row above and below standing for the rest, so that the cost of a render
 * no longer grows with the number of rows (3,243 clusters at 1,000,000 homes took ~0.3 s of React
 * to render every row; windowed, a render is ~20–30 rows whatever the count).
 *
 * The contract with the table: one header row in a `thead` (sticky), body rows in a `tbody` that
 * carry `aria-rowindex = ariaRowIndex(i)`, spacer rows with the class `row-window-spacer`, and —
 * once windowed — body rows of one height (keep them to one line in CSS). The row height and the
 * header's height are measured from the rendered rows (before the first measurement:
 * `rowHeightPx`). Up to `minRowsToWindow` rows every row is rendered and rows may wrap: the table
 * is then exactly a plain table.
 *
 * Limits: a row scrolled far out of the window is unmounted, so keyboard focus on it is lost
 * (Tab from a row reaches the next one: the browser scrolls the focused row into view and the
 * overscan keeps its neighbours rendered). Cost per scroll event: a few layout reads and, when the
 * window moved by a row or more, one render of the window's rows.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { rowWindow, scrollTopToReveal } from './row-window.ts';

export const TABLE_ROW_WINDOW_DEFAULTS = {
  /** Up to this many rows all are rendered (~20 ms of React for 200 cluster rows). */
  minRowsToWindow: 200,
  /** Rows rendered beyond each edge of the view, so a quick scroll or Tab finds rows in place. */
  overscanRows: 10,
  /** Row height (px) until a rendered row has been measured. */
  rowHeightPx: 24,
  /** View height (px) while the container has none (not laid out yet). */
  viewportPx: 260,
};

export type TableRowWindowOptions = typeof TABLE_ROW_WINDOW_DEFAULTS;

export interface TableRowWindow {
  /** More than `minRowsToWindow` rows: only [start, end) are rendered, between spacer rows. */
  windowed: boolean;
  start: number;
  end: number;
  /** Heights of the spacer rows; 0: render no spacer row. */
  padTopPx: number;
  padBottomPx: number;
  /** Scrolls the container (only it, not the page) the least that shows body row `index`. */
  revealRow: (index: number) => void;
}

/** The aria-rowindex of body row i: the header row is row 1. */
export function ariaRowIndex(i: number): number {
  return i + 2;
}

interface Metrics {
  rowHeightPx: number;
  headerPx: number;
}

const BODY_ROWS = 'tbody > tr:not(.row-window-spacer)';

/** The pitch of the rendered body rows (first to last, so collapsed borders count once) and the header's height. */
function measure(container: HTMLElement, fallback: Metrics): Metrics {
  const rows = container.querySelectorAll<HTMLElement>(BODY_ROWS);
  let rowHeightPx = fallback.rowHeightPx;
  if (rows.length >= 2) {
    const pitch = (rows[rows.length - 1]!.getBoundingClientRect().top - rows[0]!.getBoundingClientRect().top) / (rows.length - 1);
    if (pitch > 0) rowHeightPx = pitch;
  } else if (rows.length === 1) {
    const h = rows[0]!.getBoundingClientRect().height;
    if (h > 0) rowHeightPx = h;
  }
  const head = container.querySelector('thead')?.getBoundingClientRect().height ?? 0;
  return { rowHeightPx, headerPx: head > 0 ? head : fallback.headerPx };
}

export function useTableRowWindow(
  scrollRef: RefObject<HTMLElement | null>,
  count: number,
  options: TableRowWindowOptions = TABLE_ROW_WINDOW_DEFAULTS,
): TableRowWindow {
  const { minRowsToWindow, overscanRows, rowHeightPx: defaultRowPx, viewportPx: defaultViewportPx } = options;
  const windowed = count > minRowsToWindow;
  const metrics = useRef<Metrics>({ rowHeightPx: defaultRowPx, headerPx: defaultRowPx });
  const [view, setView] = useState(() => ({
    ...rowWindow(count, 0, defaultViewportPx, defaultRowPx, defaultRowPx, overscanRows),
    rowHeightPx: defaultRowPx,
  }));

  /** Reads the scroll position and the sizes, and moves the window when its rows changed. */
  const sync = useCallback(() => {
    const el = scrollRef.current;
    if (!el || !windowed) return;
    const m = (metrics.current = measure(el, metrics.current));
    const range = rowWindow(count, el.scrollTop, el.clientHeight || defaultViewportPx, m.rowHeightPx, m.headerPx, overscanRows);
    setView((prev) =>
      prev.start === range.start && prev.end === range.end && prev.rowHeightPx === m.rowHeightPx ? prev : { ...range, rowHeightPx: m.rowHeightPx },
    );
  }, [scrollRef, windowed, count, overscanRows, defaultViewportPx]);

  // After a render that changed the rows (a new list, a new window): measure before paint.
  useLayoutEffect(sync, [sync]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el || !windowed) return;
    el.addEventListener('scroll', sync, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(sync);
    resize?.observe(el);
    return () => {
      el.removeEventListener('scroll', sync);
      resize?.disconnect();
    };
  }, [scrollRef, windowed, sync]);

  const revealRow = useCallback(
    (index: number) => {
      const el = scrollRef.current;
      if (!el || index < 0 || index >= count) return;
      const m = (metrics.current = measure(el, metrics.current));
      let top: number;
      let bottom: number;
      const row = el.querySelector<HTMLElement>(`tbody > tr[aria-rowindex="${ariaRowIndex(index)}"]`);
      const rowBox = row?.getBoundingClientRect();
      if (rowBox && rowBox.height > 0) {
        top = rowBox.top - el.getBoundingClientRect().top - el.clientTop + el.scrollTop;
        bottom = top + rowBox.height;
      } else if (windowed) {
        top = m.headerPx + index * m.rowHeightPx;
        bottom = top + m.rowHeightPx;
      } else {
        return; // every row is rendered but none is laid out: nothing to scroll
      }
      const next = scrollTopToReveal(top, bottom, el.scrollTop, el.clientHeight || defaultViewportPx, m.headerPx);
      if (Math.abs(next - el.scrollTop) < 0.5) return;
      el.scrollTop = next;
      sync(); // render the row now, not on the scroll event that follows
    },
    [scrollRef, count, windowed, defaultViewportPx, sync],
  );

  if (!windowed) return { windowed, start: 0, end: count, padTopPx: 0, padBottomPx: 0, revealRow };
  const end = Math.min(view.end, count);
  const start = Math.min(view.start, end);
  return {
    windowed,
    start,
    end,
    padTopPx: start * view.rowHeightPx,
    padBottomPx: (count - end) * view.rowHeightPx,
    revealRow,
  };
}

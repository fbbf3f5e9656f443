/**
 * The arithmetic of a windowed table: which body rows to render for a scroll position, and where
 * to scroll so that one row shows. The rows all have one height; the header (one row, `sticky`)
 * sits above them in the scrolled content and covers the top `headerPx` of the view.
 *
 * Content coordinates: body row i spans [headerPx + i·rowHeightPx, headerPx + (i + 1)·rowHeightPx).
 * Cost: O(1). Limits: exact only when every row really is `rowHeightPx` high (the caller keeps
 * rows to one line); an error there shifts rows by a few pixels, which the overscan absorbs.
 */

export interface RowRange {
  /** First body row rendered. */
  start: number;
  /** One past the last body row rendered. */
  end: number;
}

/** The body rows in view at `scrollTopPx`, plus `overscanRows` on each side, within [0, count). */
export function rowWindow(
  count: number,
  scrollTopPx: number,
  viewportPx: number,
  rowHeightPx: number,
  headerPx: number,
  overscanRows: number,
): RowRange {
  if (count <= 0 || rowHeightPx <= 0) return { start: 0, end: Math.max(0, count) };
  // The rows under the sticky header are hidden: the first row seen starts at scrollTop + header.
  const first = Math.floor(Math.max(0, scrollTopPx) / rowHeightPx);
  const last = Math.ceil((Math.max(0, scrollTopPx) + Math.max(0, viewportPx - headerPx)) / rowHeightPx);
  const start = Math.min(count, Math.max(0, first - overscanRows));
  const end = Math.min(count, Math.max(start, last + overscanRows));
  return { start, end };
}

/**
 * The scrollTop that shows the row spanning [rowTopPx, rowBottomPx) (content coordinates) below
 * the sticky header, moving as little as possible ("nearest"): unchanged when it already shows.
 */
export function scrollTopToReveal(
  rowTopPx: number,
  rowBottomPx: number,
  scrollTopPx: number,
  viewportPx: number,
  headerPx: number,
): number {
  if (rowTopPx < scrollTopPx + headerPx) return Math.max(0, rowTopPx - headerPx);
  if (rowBottomPx > scrollTopPx + viewportPx) {
    // A row taller than the view shows its top.
    return Math.max(0, Math.min(rowBottomPx - viewportPx, rowTopPx - headerPx));
  }
  return scrollTopPx;
}

/**
 * The ranked list of blind-spot clusters: rank, villages, uncovered homes and students, distance
 * to the nearest existing site. A click or Enter on a row selects the cluster and flies to it; a
 * cluster selected anywhere (its outline on the map) is scrolled into view in the list.
 *
 * Long lists (3,243 clusters at 1,000,000 homes) render only the rows in and near the view
 * (`useTableRowWindow`), one line each; short ones (the demo's 66) render every row as a plain
 * table. `aria-rowcount`/`aria-rowindex` give screen readers the whole list's size either way.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { BlindspotCluster } from '../core/index.ts';
import { outlineBounds } from '../map/data-sources.ts';
import { selectAndFly } from '../state/actions/ui-actions.ts';
import { useApp } from '../state/app-store.ts';
import { useCountText } from './area-format.tsx';
import { ariaRowIndex, useTableRowWindow } from './use-table-row-window.ts';
import { useT } from './use-t.ts';

const COLUMNS = 5;

function villagesText(villages: readonly string[], more: (n: number) => string): string {
  return villages.length <= 2 ? villages.join('、') : `${villages.slice(0, 2).join('、')} ${more(villages.length - 2)}`;
}

function distanceKm(m: number | null): string {
  return m === null ? '—' : (m / 1000).toFixed(1);
}

function SpacerRow({ heightPx }: { heightPx: number }) {
  if (heightPx <= 0) return null;
  return (
    <tr className="row-window-spacer" aria-hidden="true" style={{ height: heightPx }}>
      <td colSpan={COLUMNS} />
    </tr>
  );
}

export function ClusterList({ clusters }: { clusters: readonly BlindspotCluster[] }) {
  const t = useT();
  const count = useCountText();
  const selectedId = useApp((s) => (s.ui.selection?.kind === 'cluster' ? s.ui.selection.id : null));
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useTableRowWindow(scrollRef, clusters.length);
  const { revealRow } = rows;

  const selectedIndex = useMemo(() => (selectedId === null ? -1 : clusters.findIndex((c) => c.id === selectedId)), [clusters, selectedId]);
  // A cluster selected anywhere — a click on its outline, or on its row — shows in the list.
  useLayoutEffect(() => {
    if (selectedIndex >= 0) revealRow(selectedIndex);
  }, [selectedIndex, revealRow]);

  return (
    <div ref={scrollRef} className={rows.windowed ? 'table-scroll cluster-list windowed' : 'table-scroll cluster-list'}>
      <table data-testid="cluster-list" aria-rowcount={clusters.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th className="rank">{t('cluster.rank')}</th>
            <th>{t('cluster.villages')}</th>
            <th className="num">{t('cluster.householdsShort')}</th>
            <th className="num">{t('cluster.studentsShort')}</th>
            <th className="num" title={t('cluster.nearestSite')}>{t('cluster.nearestSiteKm')}</th>
          </tr>
        </thead>
        <tbody>
          <SpacerRow heightPx={rows.padTopPx} />
          {clusters.slice(rows.start, rows.end).map((c, k) => {
            const villages = villagesText(c.villages, (n) => t('cluster.moreVillages', { count: n }));
            return (
              <tr
                key={c.id}
                data-cluster-id={c.id}
                aria-rowindex={ariaRowIndex(rows.start + k)}
                className={c.id === selectedId ? 'selected' : ''}
                tabIndex={0}
                onClick={() => selectAndFly({ kind: 'cluster', id: c.id }, outlineBounds(c.outline))}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') selectAndFly({ kind: 'cluster', id: c.id }, outlineBounds(c.outline));
                }}
              >
                <td>{c.rank}</td>
                {/* One line when windowed: the whole list of villages on hover. */}
                <td className="villages" title={rows.windowed ? c.villages.join('、') : undefined}>{villages}</td>
                <td className="num">{count(c.uncoveredHouseholds)}</td>
                <td className="num">{count(c.uncoveredStudents)}</td>
                <td className="num">{distanceKm(c.nearestSiteM)}</td>
              </tr>
            );
          })}
          <SpacerRow heightPx={rows.padBottomPx} />
        </tbody>
      </table>
    </div>
  );
}

/**
 * The committee view's panel: areas (county, township or village) with households, students, how
 * many cannot attend, how many have audio only, how many stay uncovered once the proposed sites
 * are built — searchable, sortable, with a totals row; the map mode (village symbols or hexagons,
 * before or after the plan); privacy mode; CSV export and the printable report.
 * Never shows a household: only the aggregates of `aggregateAreas`.
 */
import { areaReportToCsv, type AreaCounts, type AreaLevel, type AreaRow } from '../core/index.ts';
import { selectArea, setCommittee, sortCommittee } from '../state/actions/committee-actions.ts';
import { useApp } from '../state/app-store.ts';
import { selectAreaReport, selectCommitteeRows, selectPrivacy } from '../state/committee-selectors.ts';
import type { CommitteeSortKey } from '../state/store.ts';
import { AreaNameCell, sumCounts, useCountText, useShareText } from './area-format.tsx';
import { downloadText } from './download-text.ts';
import { printReport } from './print-report.ts';
import { PrivacyToggle } from './PrivacyToggle.tsx';
import { ShareLegend } from './ShareLegend.tsx';
import { useT } from './use-t.ts';

const LEVELS: readonly AreaLevel[] = ['county', 'township', 'village'];

function SortHeader({ label, sortKey, numeric = true, sortable }: { label: string; sortKey: CommitteeSortKey; numeric?: boolean; sortable: boolean }) {
  const sort = useApp((s) => s.committee.sort);
  const active = sort.key === sortKey;
  if (!sortable) return <th className={numeric ? 'num' : undefined}>{label}</th>;
  return (
    <th className={numeric ? 'num' : undefined} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort" data-testid={`sort-${sortKey}`} onClick={() => sortCommittee(sortKey)}>
        {label}
        {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
}

function CountCells({ counts }: { counts: AreaCounts }) {
  const count = useCountText();
  const share = useShareText();
  return (
    <>
      <td className="num">{count(counts.households)}</td>
      <td className="num">{count(counts.students)}</td>
      <td className="num">{count(counts.byClassStudents.none)}</td>
      <td className="num">{count(counts.byClassStudents.poor)}</td>
      <td className="num" data-testid="area-uncovered">{count(counts.uncoveredStudents)}</td>
      <td className="num" data-testid="area-uncovered-after">{count(counts.uncoveredStudentsAfter)}</td>
      <td className="num">{share(counts)}</td>
    </>
  );
}

/** The table of areas (also printed in the report, there without sort buttons). */
export function AreaTable({ rows, testId, sortable = true }: { rows: readonly AreaRow[]; testId: string; sortable?: boolean }) {
  const t = useT();
  const selected = useApp((s) => s.committee.selected);
  return (
    <table data-testid={testId} className="area-table">
      <thead>
        <tr>
          <SortHeader label={t('committee.area')} sortKey="name" numeric={false} sortable={sortable} />
          <SortHeader label={t('committee.households')} sortKey="households" sortable={sortable} />
          <SortHeader label={t('committee.students')} sortKey="students" sortable={sortable} />
          <SortHeader label={t('class.none')} sortKey="none" sortable={sortable} />
          <SortHeader label={t('class.poor')} sortKey="poor" sortable={sortable} />
          <SortHeader label={t('committee.uncovered')} sortKey="uncoveredStudents" sortable={sortable} />
          <SortHeader label={t('committee.uncoveredAfter')} sortKey="uncoveredStudentsAfter" sortable={sortable} />
          <SortHeader label={t('committee.share')} sortKey="uncoveredShare" sortable={sortable} />
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.key}
            data-area-key={row.key}
            className={selected === row.key ? 'selected' : ''}
            tabIndex={0}
            onClick={() => selectArea(selected === row.key ? null : row.key, row.centroid)}
            onKeyDown={(e) => e.key === 'Enter' && selectArea(row.key, row.centroid)}
          >
            <AreaNameCell row={row} />
            <CountCells counts={row} />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-testid="area-totals">
          <th scope="row">{t('committee.totalRow', { count: rows.length })}</th>
          <CountCells counts={sumCounts(rows)} />
        </tr>
      </tfoot>
    </table>
  );
}

export function CommitteePanel() {
  const t = useT();
  const committee = useApp((s) => s.committee);
  const privacy = useApp(selectPrivacy);
  const report = useApp(selectAreaReport);
  const rows = useApp(selectCommitteeRows);
  const hasPlan = useApp((s) => s.plan.proposals.length > 0);
  const count = useCountText();
  const totals = report.totals;
  const uncoveredAreas = report.rows.filter((r) => r.uncoveredStudents > 0).length;
  const uncoveredAreasAfter = report.rows.filter((r) => r.uncoveredStudentsAfter > 0).length;

  const exportCsv = () =>
    downloadText(`blindspot-${committee.level}-report${privacy ? '-privacy' : ''}.csv`, areaReportToCsv({ ...report, rows }, { privacy }), 'text/csv;charset=utf-8');

  return (
    <section className="committee" aria-labelledby="committee-title">
      <h2 id="committee-title">{t('committee.title')}</h2>
      <PrivacyToggle />
      <p className="committee-summary" data-testid="committee-summary">
        {t('committee.summary', {
          uncovered: count(totals.uncoveredStudents),
          none: count(totals.byClassStudents.none),
          poor: count(totals.byClassStudents.poor),
          students: count(totals.students),
        })}
        {hasPlan && ` ${t('committee.summaryAfter', { after: count(totals.uncoveredStudentsAfter) })}`}
      </p>
      <p className="muted" data-testid="committee-areas">
        {t(`committee.areasWithUncovered.${committee.level}`, { before: uncoveredAreas, after: uncoveredAreasAfter })}
      </p>
      <div className="segmented" role="group" aria-label={t('committee.level')}>
        {LEVELS.map((level) => (
          <button
            key={level}
            type="button"
            data-testid={`level-${level}`}
            aria-pressed={committee.level === level}
            className={committee.level === level ? 'toggle on' : 'toggle'}
            onClick={() => setCommittee({ level, selected: null })}
          >
            {t(`committee.level.${level}`)}
          </button>
        ))}
      </div>
      <div className="segmented" role="group" aria-label={t('committee.mapMode')}>
        {(['symbols', 'hexagons'] as const).map((mode) => (
          <button key={mode} type="button" data-testid={`map-${mode}`} aria-pressed={committee.mapMode === mode} className={committee.mapMode === mode ? 'toggle on' : 'toggle'} onClick={() => setCommittee({ mapMode: mode })}>
            {t(`committee.map.${mode}`)}
          </button>
        ))}
        <label>
          <input type="checkbox" data-testid="map-after" checked={committee.after} onChange={(e) => setCommittee({ after: e.target.checked })} />
          {t('committee.showAfter')}
        </label>
      </div>
      <ShareLegend />
      <label className="text-field">
        <span>{t('committee.search')}</span>
        <input type="search" data-testid="area-search" value={committee.search} placeholder={t('committee.searchPlaceholder')} onChange={(e) => setCommittee({ search: e.target.value })} />
      </label>
      <div className="table-scroll area-scroll">
        <AreaTable rows={rows} testId="area-table" />
      </div>
      <div className="toolbar">
        <button type="button" data-testid="export-area-csv" onClick={exportCsv}>
          {t('committee.exportCsv')}
        </button>
        <button type="button" className="primary" data-testid="print-report" onClick={printReport}>
          {t('committee.print')}
        </button>
      </div>
    </section>
  );
}

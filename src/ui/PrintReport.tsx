/**
 * The printable committee report (A4 portrait, shown only by the print stylesheet): title, area,
 * date, data source, the map as it was when "print report" was pressed, the summary numbers, the
 * table of areas and the proposed sites with the villages they serve. Aggregates only: no
 * household id, name or position; in privacy mode counts 1–4 read "<5". In the UI's language.
 */
import { useMemo, useState } from 'react';
import { countsInPlan } from '../core/index.ts';
import { useApp } from '../state/app-store.ts';
import { selectAreaReport, selectCommitteeRows, selectPrivacy } from '../state/committee-selectors.ts';
import { selectPlanCoverage, siteSummaries } from '../state/plan-impact.ts';
import { selectAnalysis } from '../state/selectors.ts';
import { AreaTable } from './CommitteePanel.tsx';
import { sumCounts, useCountText } from './area-format.tsx';
import { useLang, useT } from './use-t.ts';

function ProposalsServed() {
  const t = useT();
  const count = useCountText();
  const households = useApp((s) => s.dataset.households);
  const proposals = useApp((s) => s.plan.proposals);
  const coverage = useApp(selectPlanCoverage);
  const uncovered = useApp((s) => s.analysis.settings.uncovered);
  const analysis = useApp(selectAnalysis);
  const summaries = useMemo(
    () => siteSummaries(households, coverage.proposals, uncovered, analysis ?? undefined, coverage.model), [households, coverage, uncovered, analysis],
  );
  const counting = proposals.filter(countsInPlan);
  if (counting.length === 0) return <p>{t('report.noProposals')}</p>;
  return (
    <table className="area-table" data-testid="report-proposals">
      <thead>
        <tr>
          <th>{t('plan.name')}</th>
          <th>{t('proposal.status')}</th>
          <th className="num">{t('report.newlyCoveredStudents')}</th>
          <th>{t('report.villagesServed')}</th>
        </tr>
      </thead>
      <tbody>
        {proposals.map((p, i) =>
          countsInPlan(p) ? (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>{t(`proposal.status.${p.status}`)}</td>
              <td className="num">{count(summaries[i]?.newlyCoveredStudents ?? 0)}</td>
              <td>{summaries[i]?.villages?.join('、') || '—'}</td>
            </tr>
          ) : null,
        )}
      </tbody>
    </table>
  );
}

export function PrintReport() {
  const t = useT();
  const lang = useLang();
  const count = useCountText();
  const privacy = useApp(selectPrivacy);
  const report = useApp(selectAreaReport);
  const rows = useApp(selectCommitteeRows);
  const committee = useApp((s) => s.committee);
  const source = useApp((s) => s.dataset.source);
  const totals = sumCounts(rows);
  const counties = [...new Set(report.rows.map((r) => r.county).filter(Boolean))];
  const [openedAt] = useState(() => new Date().toISOString()); // printed with Ctrl+P, without the button
  const date = new Date(committee.report?.preparedAt ?? openedAt).toLocaleDateString(lang === 'en' ? 'en-GB' : 'zh-CN');
  const sourceName = !source ? '—' : source.kind === 'demo' ? t('dataset.demoName') : (source.project ?? source.name);
  return (
    <article className="print-report" data-testid="report" lang={lang}>
      <h1>{t('report.title')}</h1>
      <dl className="report-meta">
        <dt>{t('report.area')}</dt>
        <dd>
          {counties.join('、') || '—'}
          {committee.search.trim() && ` · ${t('report.search', { text: committee.search.trim() })}`} · {t(`committee.level.${committee.level}`)}
        </dd>
        <dt>{t('report.date')}</dt>
        <dd>{date}</dd>
        <dt>{t('report.source')}</dt>
        <dd>{sourceName}</dd>
      </dl>
      <p className="report-privacy">{t(privacy ? 'report.privacyOn' : 'report.privacyOff')}</p>
      {committee.report?.mapImage && <img className="report-map" src={committee.report.mapImage} alt={t('report.mapAlt')} />}
      <h2>{t('report.summary')}</h2>
      <ul className="report-summary" data-testid="report-summary">
        <li>{t('report.summaryStudents', { households: count(totals.households), students: count(totals.students) })}</li>
        <li>{t('report.summaryUncovered', { uncovered: count(totals.uncoveredStudents), none: count(totals.byClassStudents.none), poor: count(totals.byClassStudents.poor) })}</li>
        <li>{t('report.summaryAfter', { after: count(totals.uncoveredStudentsAfter) })}</li>
      </ul>
      <h2>{t(`report.table.${committee.level}`)}</h2>
      <AreaTable rows={rows} testId="report-area-table" sortable={false} />
      <h2>{t('report.proposals')}</h2>
      <ProposalsServed />
    </article>
  );
}

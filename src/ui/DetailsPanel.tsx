/**
 * Details of the clicked household (or existing site). Personal fields (names, phones) stay
 * hidden until the user asks; every text from the file is rendered as text.
 */
import { PathProfile } from './PathProfile.tsx';
import { useEffect, useState } from 'react';
import type { BlindspotCluster, HouseholdRow, Report, Site } from '../core/index.ts';
import { householdDetails } from '../state/actions/household-details.ts';
import type { HouseholdDetails } from '../worker/protocol.ts';
import { CLASS_COLORS } from '../map/palette.ts';
import { select, setShowPersonal } from '../state/actions/ui-actions.ts';
import { useApp } from '../state/app-store.ts';
import { selectSelectedCluster, selectSelectedHousehold, selectSelectedProposal, selectSelectedSite } from '../state/selectors.ts';
import { ProposalDetails } from './ProposalDetails.tsx';
import { useT } from './use-t.ts';

function ReportLine({ report }: { report: Report }) {
  const t = useT();
  const measures: string[] = [];
  if (report.signal) measures.push(`${t('field.signal')} ${t(`class.${report.signal}`)}`);
  if (report.rsrpDbm !== undefined) measures.push(`RSRP ${report.rsrpDbm} dBm`);
  if (report.downMbps !== undefined) measures.push(`${t('field.down_mbps')} ${report.downMbps} Mbit/s`);
  return (
    <li>
      <span className="swatch small" style={{ background: CLASS_COLORS[report.cls] }} aria-hidden />
      <span className="report-class">{t(`class.${report.cls}`)}</span>{' '}
      <span>{measures.length > 0 ? measures.join(' · ') : t('panel.noMeasure')}</span>
      <span className="muted">
        {' '}
        · {t('panel.line', { line: report.line })}
        {report.reportedAt ? ` · ${report.reportedAt}` : ''}
        {report.operator ? ` · ${report.operator}` : ''}
      </span>
    </li>
  );
}

/** The home's reports and personal fields, asked for when it is opened (null until they come), or why they could not be read. */
function useDetails(household: HouseholdRow): HouseholdDetails | { failed: string } | null {
  const [fetched, setFetched] = useState<{ for: HouseholdRow; details: HouseholdDetails | { failed: string } } | null>(null);
  useEffect(() => {
    let live = true;
    householdDetails(household.id).then(
      (details) => live && setFetched({ for: household, details }),
      (err: unknown) => live && setFetched({ for: household, details: { failed: err instanceof Error ? err.message : String(err) } }),
    );
    return () => { live = false; };
  }, [household]);
  return fetched?.for === household ? fetched.details : null;
}

function HouseholdDetails({ household }: { household: HouseholdRow }) {
  const t = useT();
  const showPersonal = useApp((s) => s.ui.showPersonal);
  const answer = useDetails(household);
  const details = answer && 'failed' in answer ? null : answer;
  const personal = Object.entries(details?.personal ?? {});
  const reports = details?.reports ?? [];
  return (
    <>
      <h2>{t('panel.title')}</h2>
      <dl>
        <dt>{t('panel.id')}</dt>
        <dd data-testid="panel-id">{household.id}</dd>
        <dt>{t('field.county')}</dt>
        <dd>{household.county ?? '—'}</dd>
        <dt>{t('field.township')}</dt>
        <dd>{household.township ?? '—'}</dd>
        <dt>{t('field.village')}</dt>
        <dd data-testid="panel-village">{household.village ?? '—'}</dd>
        <dt>{t('field.students')}</dt>
        <dd data-testid="panel-students">{household.students}</dd>
        <dt>{t('panel.class')}</dt>
        <dd data-testid="panel-class">
          <span className="swatch small" style={{ background: CLASS_COLORS[household.cls] }} aria-hidden />
          {t(`class.${household.cls}`)}
        </dd>
        <dt>{t('panel.location')}</dt>
        <dd>
          {household.lon.toFixed(5)}, {household.lat.toFixed(5)}
        </dd>
      </dl>
      <PathProfile household={household} />
      <h3>{t('panel.reports', { count: reports.length })}</h3>
      {!answer && <p className="muted" role="status">{t('app.loading')}</p>}
      {answer && 'failed' in answer && <p className="error-text" role="alert">{t('panel.detailsFailed', { message: answer.failed })}</p>}
      <ul className="reports">
        {reports.map((r) => (
          <ReportLine key={r.line} report={r} />
        ))}
      </ul>
      <h3>{t('panel.personal')}</h3>
      {personal.length === 0 ? (
        <p className="muted">{t('panel.noPersonal')}</p>
      ) : showPersonal ? (
        <>
          <dl data-testid="panel-personal">
            {personal.map(([key, value]) => (
              <div key={key}>
                <dt>{key}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <button type="button" onClick={() => setShowPersonal(false)}>
            {t('panel.hidePersonal')}
          </button>
        </>
      ) : (
        <p>
          <span className="muted">{t('panel.personalHidden', { count: personal.length })}</span>{' '}
          <button type="button" data-testid="show-personal" onClick={() => setShowPersonal(true)}>
            {t('panel.showPersonal')}
          </button>
        </p>
      )}
    </>
  );
}

function SiteDetails({ site }: { site: Site }) {
  const t = useT();
  return (
    <>
      <h2>{t('site.title')}</h2>
      <p className="site-name">{site.name}</p>
      {site.synthetic && <p className="badge">{t('site.synthetic')}</p>}
      <ul className="plain">
        <li>{t('site.height', { value: site.antennaHeightM })}</li>
        <li>{t('site.band', { value: site.bandMHz })}</li>
        <li>{t('site.radius', { value: site.radiusM })}</li>
        {site.operator && <li>{site.operator}</li>}
        <li>
          {site.lon.toFixed(5)}, {site.lat.toFixed(5)}
        </li>
      </ul>
    </>
  );
}

function ClusterDetails({ cluster }: { cluster: BlindspotCluster }) {
  const t = useT();
  return (
    <>
      <h2 data-testid="cluster-title">{t('cluster.detailsTitle', { rank: cluster.rank })}</h2>
      <dl>
        <dt>{t('cluster.uncoveredHouseholds')}</dt>
        <dd data-testid="cluster-uncovered-households">{cluster.uncoveredHouseholds}</dd>
        <dt>{t('cluster.uncoveredStudents')}</dt>
        <dd data-testid="cluster-uncovered-students">{cluster.uncoveredStudents}</dd>
        <dt>{t('cluster.allHouseholds')}</dt>
        <dd>{cluster.households}</dd>
        <dt>{t('cluster.allStudents')}</dt>
        <dd>{cluster.students}</dd>
        <dt>{t('cluster.villages')}</dt>
        <dd data-testid="cluster-villages">{cluster.villages.join('、') || '—'}</dd>
        <dt>{t('cluster.townships')}</dt>
        <dd>{cluster.townships.join('、') || '—'}</dd>
        <dt>{t('cluster.nearestSite')}</dt>
        <dd>
          {cluster.nearestSiteM === null
            ? t('cluster.noSites')
            : t('cluster.km', { value: (cluster.nearestSiteM / 1000).toFixed(1) })}
        </dd>
        <dt>{t('cluster.centroid')}</dt>
        <dd>
          {cluster.centroid[0].toFixed(5)}, {cluster.centroid[1].toFixed(5)}
        </dd>
      </dl>
    </>
  );
}

export function DetailsPanel() {
  const t = useT();
  const household = useApp(selectSelectedHousehold);
  const site = useApp(selectSelectedSite);
  const cluster = useApp(selectSelectedCluster);
  const proposal = useApp(selectSelectedProposal);
  if (!household && !site && !cluster && !proposal) return null;
  return (
    <aside className="details" data-testid="details-panel">
      <button type="button" className="close" aria-label={t('panel.close')} onClick={() => select(null)}>
        ×
      </button>
      {household && <HouseholdDetails household={household} />}
      {site && <SiteDetails site={site} />}
      {cluster && <ClusterDetails cluster={cluster} />}
      {proposal && <ProposalDetails key={proposal.id} site={proposal} />}
    </aside>
  );
}

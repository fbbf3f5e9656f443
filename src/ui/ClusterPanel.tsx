/**
 * Blind-spot clusters: the analysis parameters, the ranked list (a click flies to the cluster),
 * the isolated homes, and the GeoJSON export.
 */
import { ATTENDANCE_CLASSES, clustersToGeoJson, householdRowAt, type AttendanceClass } from '../core/index.ts';
import { outlineBounds } from '../map/data-sources.ts';
import { selectAndFly, setAnalysisSettings } from '../state/actions/ui-actions.ts';
import { useApp } from '../state/app-store.ts';
import { selectAnalysis } from '../state/selectors.ts';
import { downloadText } from './download-text.ts';
import { useCountText } from './area-format.tsx';
import { selectPrivacy } from '../state/committee-selectors.ts';
import { NumberField } from './NumberField.tsx';
import { useT } from './use-t.ts';
import { errorText } from './error-text.ts';

const SHOWN_ISOLATED = 50;
const FLY_MARGIN_DEG = 0.004;

function villagesText(villages: readonly string[], more: (n: number) => string): string {
  return villages.length <= 2 ? villages.join('、') : `${villages.slice(0, 2).join('、')} ${more(villages.length - 2)}`;
}

function distanceKm(m: number | null): string {
  return m === null ? '—' : (m / 1000).toFixed(1);
}

function UncoveredClasses() {
  const t = useT();
  const uncovered = useApp((s) => s.analysis.settings.uncovered);
  const toggle = (cls: AttendanceClass) => {
    const next = uncovered.includes(cls) ? uncovered.filter((c) => c !== cls) : [...uncovered, cls];
    if (next.length > 0) setAnalysisSettings({ uncovered: ATTENDANCE_CLASSES.filter((c) => next.includes(c)) });
  };
  return (
    <fieldset className="uncovered-classes">
      <legend>{t('cluster.uncoveredClasses')}</legend>
      {ATTENDANCE_CLASSES.map((cls) => (
        <label key={cls}>
          <input
            type="checkbox"
            data-testid={`uncovered-${cls}`}
            checked={uncovered.includes(cls)}
            onChange={() => toggle(cls)}
          />
          {t(`class.${cls}`)}
        </label>
      ))}
    </fieldset>
  );
}

export function ClusterPanel() {
  const t = useT();
  const settings = useApp((s) => s.analysis.settings);
  const running = useApp((s) => s.analysis.running);
  const error = useApp((s) => s.analysis.error);
  const analysis = useApp(selectAnalysis);
  const households = useApp((s) => s.dataset.households);
  const selection = useApp((s) => s.ui.selection);
  const privacy = useApp(selectPrivacy);
  const count = useCountText();

  const exportClusters = () => {
    if (!analysis) return;
    const geojson = clustersToGeoJson(analysis, { generatedAt: new Date().toISOString(), privacy });
    downloadText('blindspot-clusters.geojson', JSON.stringify(geojson, null, 1), 'application/geo+json');
  };

  return (
    <section className="clusters" aria-labelledby="clusters-title" aria-busy={running}>
      <h2 id="clusters-title">
        {t('cluster.title')}
        {running && (
          <span className="busy" data-testid="analysis-running">
            {' '}
            {t('cluster.running')}
          </span>
        )}
      </h2>
      <details className="settings">
        <summary>{t('cluster.settings')}</summary>
        <NumberField
          label={t('cluster.epsM')}
          testId="eps-m"
          value={settings.epsM}
          min={10}
          max={20000}
          step={50}
          onCommit={(epsM) => setAnalysisSettings({ epsM })}
        />
        <NumberField
          label={t('cluster.minHouseholds')}
          testId="min-households"
          value={settings.minHouseholds}
          min={1}
          max={500}
          step={1}
          integer
          onCommit={(minHouseholds) => setAnalysisSettings({ minHouseholds })}
        />
        <UncoveredClasses />
      </details>
      {error && <p className="error-text" role="alert">{errorText(t, error)}</p>}
      {analysis && (
        <>
          <p className="cluster-summary" data-testid="cluster-summary">
            {t('cluster.summary', {
              clusters: analysis.clusters.length,
              isolated: analysis.isolatedIndices.length,
              students: analysis.uncoveredStudents,
            })}
          </p>
          {analysis.clusters.length > 0 && (
            <div className="table-scroll cluster-list">
              <table data-testid="cluster-list">
                <thead>
                  <tr>
                    <th>{t('cluster.rank')}</th>
                    <th>{t('cluster.villages')}</th>
                    <th className="num">{t('cluster.householdsShort')}</th>
                    <th className="num">{t('cluster.studentsShort')}</th>
                    <th className="num" title={t('cluster.nearestSite')}>{t('cluster.nearestSiteKm')}</th>
                  </tr>
                </thead>
                <tbody>
                  {analysis.clusters.map((c) => (
                    <tr
                      key={c.id}
                      data-cluster-id={c.id}
                      className={selection?.kind === 'cluster' && selection.id === c.id ? 'selected' : ''}
                      tabIndex={0}
                      onClick={() => selectAndFly({ kind: 'cluster', id: c.id }, outlineBounds(c.outline))}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') selectAndFly({ kind: 'cluster', id: c.id }, outlineBounds(c.outline));
                      }}
                    >
                      <td>{c.rank}</td>
                      <td>{villagesText(c.villages, (n) => t('cluster.moreVillages', { count: n }))}</td>
                      <td className="num">{count(c.uncoveredHouseholds)}</td>
                      <td className="num">{count(c.uncoveredStudents)}</td>
                      <td className="num">{distanceKm(c.nearestSiteM)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {!privacy && analysis.isolatedIndices.length > 0 && (
            <details className="isolated">
              <summary data-testid="isolated-summary">
                {t('cluster.isolated', { count: analysis.isolatedIndices.length })}
              </summary>
              <p className="hint">{t('cluster.isolatedHint')}</p>
              <ul>
                {analysis.isolatedIndices.slice(0, SHOWN_ISOLATED).map((i) => {
                  if (i >= households.count) return null;
                  const h = householdRowAt(households, i);
                  const m = FLY_MARGIN_DEG;
                  return (
                    <li key={h.id}>
                      <button
                        type="button"
                        className="link"
                        onClick={() => selectAndFly({ kind: 'household', id: h.id }, [h.lon - m, h.lat - m, h.lon + m, h.lat + m])}
                      >
                        {h.id}
                      </button>{' '}
                      <span className="muted">
                        {h.village ?? ''} · {t('cluster.studentsCount', { count: h.students })}
                      </span>
                    </li>
                  );
                })}
              </ul>
              {analysis.isolatedIndices.length > SHOWN_ISOLATED && (
                <p className="hint">{t('cluster.isolatedMore', { count: analysis.isolatedIndices.length - SHOWN_ISOLATED })}</p>
              )}
            </details>
          )}
          <button type="button" data-testid="export-clusters" disabled={analysis.clusters.length === 0} onClick={exportClusters}>
            {t('cluster.export')}
          </button>
        </>
      )}
    </section>
  );
}

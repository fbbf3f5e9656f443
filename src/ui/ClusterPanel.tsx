/**
 * Blind-spot clusters: the analysis parameters, the ranked list (a click flies to the cluster),
 * the isolated homes, and the GeoJSON export.
 */
import { ATTENDANCE_CLASSES, clustersToGeoJson, householdRowAt, type AttendanceClass } from '../core/index.ts';
import { selectAndFly, setAnalysisSettings } from '../state/actions/ui-actions.ts';
import { useApp } from '../state/app-store.ts';
import { selectAnalysis } from '../state/selectors.ts';
import { downloadText } from './download-text.ts';
import { selectPrivacy } from '../state/committee-selectors.ts';
import { NumberField } from './NumberField.tsx';
import { ClusterList } from './ClusterList.tsx';
import { useT } from './use-t.ts';
import { errorText } from './error-text.ts';

const SHOWN_ISOLATED = 50;
const FLY_MARGIN_DEG = 0.004;

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
  const privacy = useApp(selectPrivacy);

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
            <ClusterList clusters={analysis.clusters} />
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

/** Counts per attendance class (inside the area filter); a click shows or hides a class. */
import { ATTENDANCE_CLASSES } from '../core/index.ts';
import { CLASS_COLORS, CLUSTER_COLORS, SITE_COLORS } from '../map/palette.ts';
import { toggleClass } from '../state/actions/ui-actions.ts';
import { useApp } from '../state/app-store.ts';
import { selectAreaSummary } from '../state/selectors.ts';
import { useT } from './use-t.ts';

export function Legend() {
  const t = useT();
  const summary = useApp(selectAreaSummary);
  const hidden = useApp((s) => s.ui.hiddenClasses);
  const siteCount = useApp((s) => s.dataset.sites.length);
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t('legend.title')}</h2>
      <ul>
        {ATTENDANCE_CLASSES.map((cls) => {
          const counts = summary.byClass[cls];
          const off = hidden.includes(cls);
          return (
            <li key={cls}>
              <button
                type="button"
                className={off ? 'legend-row off' : 'legend-row'}
                aria-pressed={!off}
                data-testid={`legend-${cls}`}
                onClick={() => toggleClass(cls)}
              >
                <span className="swatch" style={{ background: CLASS_COLORS[cls] }} aria-hidden />
                <span className="legend-label">{t(`class.${cls}`)}</span>
                <span className="legend-count" data-testid={`count-${cls}`}>
                  {t('legend.householdsStudents', { households: counts.households, students: counts.students })}
                </span>
              </button>
            </li>
          );
        })}
        <li className="legend-row static">
          <span
            className="swatch area"
            style={{ background: `${CLUSTER_COLORS.fill}33`, borderColor: CLUSTER_COLORS.line }}
            aria-hidden
          />
          <span className="legend-label">{t('legend.cluster')}</span>
        </li>
        <li className="legend-row static">
          <span className="swatch ring" style={{ borderColor: CLUSTER_COLORS.isolatedRing }} aria-hidden />
          <span className="legend-label">{t('legend.isolated')}</span>
        </li>
        {siteCount > 0 && (
          <li className="legend-row static">
            <span className="swatch site" style={{ borderColor: SITE_COLORS.stroke }} aria-hidden />
            <span className="legend-label">{t('legend.sites', { count: siteCount })}</span>
          </li>
        )}
      </ul>
      <p className="hint">{t('legend.filterHint')}</p>
    </section>
  );
}

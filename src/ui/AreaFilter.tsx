/** Township / village filter (by the names the data carries). */
import { setTownship, setVillage } from '../state/actions/ui-actions.ts';
import { useApp } from '../state/app-store.ts';
import { selectAreaOptions, selectShownCount } from '../state/selectors.ts';
import { useT } from './use-t.ts';

export function AreaFilter() {
  const t = useT();
  const options = useApp(selectAreaOptions);
  const township = useApp((s) => s.ui.township);
  const village = useApp((s) => s.ui.village);
  const shown = useApp(selectShownCount);
  const villages = options.find((o) => o.township === township)?.villages ?? [];
  return (
    <section className="filter" aria-labelledby="filter-title">
      <h2 id="filter-title">{t('filter.title')}</h2>
      <label>
        {t('filter.township')}
        <select
          data-testid="filter-township"
          value={township ?? ''}
          onChange={(e) => setTownship(e.target.value === '' ? null : e.target.value)}
          disabled={options.length === 0}
        >
          <option value="">{t('filter.all')}</option>
          {options.map((o) => (
            <option key={o.township} value={o.township}>
              {o.township}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filter.village')}
        <select
          data-testid="filter-village"
          value={village ?? ''}
          onChange={(e) => setVillage(e.target.value === '' ? null : e.target.value)}
          disabled={villages.length === 0}
        >
          <option value="">{t('filter.all')}</option>
          {villages.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <p className="hint" data-testid="shown-count">{t('filter.shown', { count: shown })}</p>
    </section>
  );
}

/**
 * Terrain coverage (issue 8): load an elevation model (the demo's synthetic terrain, or GeoTIFF /
 * SRTM .hgt files), choose whether the plan counts with terrain or with radius circles, see what
 * is being computed, the dBm legend of the coverage map and the homes without a report that the
 * existing sites are predicted not to reach.
 */
import { useRef } from 'react';
import { DEMO_TERRAIN_LABEL, PROPAGATION_DEFAULTS } from '../core/index.ts';
import { formatNumber } from '../i18n/translate.ts';
import { RSRP_BANDS } from '../map/palette.ts';
import { clearDem, loadDemFiles, openDemoTerrain, setCoverageModel, setShowUnreported } from '../state/actions/terrain-actions.ts';
import { useApp } from '../state/app-store.ts';
import { selectTerrainPending } from '../state/plan-impact.ts';
import { errorText } from './error-text.ts';
import { useLang, useT } from './use-t.ts';

const DEM_FILES = '.tif,.tiff,.hgt,.zip,image/tiff,application/zip';

function DemPicker() {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const loading = useApp((s) => s.terrain.load.state === 'loading');
  return (
    <div className="toolbar">
      <button type="button" data-testid="terrain-demo" disabled={loading} onClick={() => void openDemoTerrain()}>
        {t('terrain.useDemo')}
      </button>
      <button type="button" disabled={loading} title={t('terrain.filesHint')} onClick={() => input.current?.click()}>
        {t('terrain.loadFiles')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        className="visually-hidden"
        accept={DEM_FILES}
        data-testid="terrain-files"
        aria-label={t('terrain.filesHint')}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) void loadDemFiles(files);
        }}
      />
    </div>
  );
}

function RsrpLegend() {
  const t = useT();
  const threshold = PROPAGATION_DEFAULTS.thresholdDbm;
  return (
    <ul className="rsrp-legend" aria-label={t('terrain.legendTitle')} data-testid="rsrp-legend">
      {RSRP_BANDS.map(([db, color]) => (
        <li key={db}>
          <span className="swatch small" style={{ background: color }} aria-hidden />
          {t('terrain.legendBand', { dbm: threshold + db })}
        </li>
      ))}
    </ul>
  );
}

function Unreported() {
  const t = useT();
  const lang = useLang();
  const unreported = useApp((s) => (s.terrain.unreported?.households === s.dataset.households ? s.terrain.unreported : null));
  const show = useApp((s) => s.terrain.showUnreported);
  const hasSites = useApp((s) => s.dataset.sites.length > 0);
  if (!hasSites) return <p className="muted">{t('terrain.unreportedNoSites')}</p>;
  if (!unreported) return null;
  return (
    <label className="unreported" data-testid="terrain-unreported" data-households={unreported.indices.length} data-students={unreported.students}>
      <input type="checkbox" checked={show} onChange={(e) => setShowUnreported(e.target.checked)} />
      {t('terrain.unreported', {
        households: formatNumber(lang, unreported.indices.length),
        students: formatNumber(lang, unreported.students),
        unknown: formatNumber(lang, unreported.unknownHouseholds),
      })}
    </label>
  );
}

export function TerrainPanel() {
  const t = useT();
  const lang = useLang();
  const dem = useApp((s) => s.terrain.dem);
  const load = useApp((s) => s.terrain.load);
  const model = useApp((s) => s.terrain.model);
  const error = useApp((s) => s.terrain.error);
  const pending = useApp(selectTerrainPending);
  const progress = useApp((s) => s.terrain.suggestProgress);
  const privacy = useApp((s) => s.ui.privacy.engineer);
  const label = dem?.source.kind === 'demo' && dem.label === DEMO_TERRAIN_LABEL ? t('terrain.demoLabel') : dem?.label;
  const cellM = dem ? Math.round(dem.cellSizeDeg[1] * 111_320) : 0;
  return (
    <section className="terrain" aria-labelledby="terrain-title" data-testid="terrain-panel" data-model={dem ? model : 'none'} data-pending={pending}>
      <h2 id="terrain-title">{t('terrain.title')}</h2>
      {!dem && <p className="hint">{t('terrain.hint')}</p>}
      {dem && (
        <p data-testid="terrain-dem">
          {t('terrain.loaded', { label: label ?? '', cell: formatNumber(lang, cellM) })}
          {dem.synthetic && <span className="muted"> {t('terrain.synthetic')}</span>}
        </p>
      )}
      {load.state === 'loading' && <p className="muted" role="status">{t('terrain.loading', { name: load.name === 'demo' ? t('terrain.demoLabel') : load.name })}</p>}
      {load.state === 'error' && <p className="error-text" role="alert">{errorText(t, load)}</p>}
      <DemPicker />
      {dem && (
        <>
          <fieldset className="coverage-model">
            <legend>{t('terrain.modelTitle')}</legend>
            <label>
              <input type="radio" name="coverage-model" data-testid="model-terrain" checked={model === 'terrain'} onChange={() => void setCoverageModel('terrain')} />
              {t('terrain.modelTerrain')}
            </label>
            <label>
              <input type="radio" name="coverage-model" data-testid="model-radius" checked={model === 'radius'} onChange={() => void setCoverageModel('radius')} />
              {t('terrain.modelRadius')}
            </label>
          </fieldset>
          {model === 'terrain' && <RsrpLegend />}
          {model === 'terrain' && pending && <p className="muted" role="status" data-testid="terrain-computing">{t('terrain.computing')}</p>}
          {progress && progress.total > 0 && (
            <label className="progress" data-testid="terrain-suggest-progress">
              {t('terrain.suggestProgress', { done: formatNumber(lang, progress.done), total: formatNumber(lang, progress.total) })}
              <progress value={progress.done} max={progress.total} />
            </label>
          )}
          {!privacy && <Unreported />}
          <button type="button" className="link" data-testid="terrain-clear" onClick={() => void clearDem()}>
            {t('terrain.clear')}
          </button>
        </>
      )}
      {error && <p className="error-text" role="alert">{errorText(t, error)}</p>}
    </section>
  );
}

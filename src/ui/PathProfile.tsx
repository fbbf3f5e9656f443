/**
 * The radio path from a base station to the selected household over the terrain (issue 8 §4):
 * pick any proposal (not rejected) or existing site — the nearest is shown first — and see the
 * ground, the line of sight, the first Fresnel zone, the predicted RSRP and the main obstacle.
 * Shown only while a DEM is loaded; the prediction runs in the worker.
 */
import { useEffect, useMemo, useState } from 'react';
import { countsInPlan, haversineM, PROPAGATION_DEFAULTS, type HouseholdRow, type RsrpPrediction, type Site } from '../core/index.ts';
import { predictPath } from '../state/actions/terrain-actions.ts';
import { useApp } from '../state/app-store.ts';
import { TerrainProfileChart } from './TerrainProfileChart.tsx';
import { errorText } from './error-text.ts';
import { useLang, useT } from './use-t.ts';

type Answer = { prediction: RsrpPrediction } | { error: { message: string; code?: string } };

export function PathProfile({ household }: { household: HouseholdRow }) {
  const t = useT();
  const lang = useLang();
  const dem = useApp((s) => s.terrain.dem);
  const proposals = useApp((s) => s.plan.proposals);
  const existing = useApp((s) => s.dataset.sites);
  const sites = useMemo(() => {
    const all: Site[] = [...proposals.filter(countsInPlan), ...existing];
    const km = (s: Site) => haversineM([s.lon, s.lat], [household.lon, household.lat]) / 1000;
    return all.map((site) => ({ site, km: km(site), value: `${site.status === 'existing' ? 'existing' : 'proposal'}:${site.id}` })).sort((a, b) => a.km - b.km);
  }, [proposals, existing, household]);
  const [chosen, setChosen] = useState<string | null>(null);
  const current = sites.find((s) => s.value === chosen) ?? sites[0];
  const site = current?.site;
  // The answer is for one (DEM, site, household): another one's answer is not shown.
  const [answered, setAnswered] = useState<{ for: unknown[]; answer: Answer } | null>(null);
  const asked = useMemo(() => [dem, site, household], [dem, site, household]);
  const answer = answered?.for === asked ? answered.answer : null;

  useEffect(() => {
    if (!asked[0] || !site) return;
    let live = true;
    predictPath(site, household.lon, household.lat).then(
      (prediction) => live && setAnswered({ for: asked, answer: { prediction } }),
      (err: unknown) => live && setAnswered({ for: asked, answer: { error: { message: err instanceof Error ? err.message : String(err), code: (err as { code?: string }).code } } }),
    );
    return () => { live = false; };
  }, [asked, site, household]);

  if (!dem || !current) return null;
  return (
    <section className="path-profile" data-testid="path-profile">
      <h3>{t('terrain.pathTitle')}</h3>
      <label>
        {t('terrain.pathFrom')}{' '}
        <select data-testid="path-site" value={current.value} onChange={(e) => setChosen(e.target.value)}>
          {sites.map(({ site, km, value }) => (
            <option key={value} value={value}>
              {t(site.status === 'existing' ? 'terrain.pathExisting' : 'terrain.pathProposal', { name: site.name, km: km.toFixed(1) })}
            </option>
          ))}
        </select>
      </label>
      {answer === null && <p className="muted" role="status">{t('terrain.computing')}</p>}
      {answer && 'error' in answer && <p className="error-text" role="alert">{errorText(t, answer.error)}</p>}
      {answer && 'prediction' in answer && (
        <TerrainProfileChart prediction={answer.prediction} thresholdDbm={PROPAGATION_DEFAULTS.thresholdDbm} siteName={current.site.name} targetLabel={household.id} lang={lang} />
      )}
    </section>
  );
}

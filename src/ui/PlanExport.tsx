/**
 * Exports the plan: GeoJSON (FORMATS §4, optionally with coverage polygons), KML for Google Earth
 * and a CSV table. Files are made on this machine and carry no household-level data.
 */
import { useState } from 'react';
import { proposalsToCsv, proposalsToGeoJson, proposalsToKml } from '../core/index.ts';
import { appStore, useApp } from '../state/app-store.ts';
import { planSiteSummaries, selectPlanCoverage } from '../state/plan-impact.ts';
import { selectPrivacy } from '../state/committee-selectors.ts';
import { downloadText } from './download-text.ts';
import { useT } from './use-t.ts';

type ExportKind = 'geojson' | 'kml' | 'csv';

function exportPlan(kind: ExportKind, includeCoverage: boolean): void {
  const state = appStore.getState();
  const { proposals } = state.plan;
  const summaries = planSiteSummaries(state);
  const { model } = selectPlanCoverage(state);
  if (kind === 'geojson') {
    const geojson = proposalsToGeoJson(proposals, summaries, { includeCoverage, coverageModel: model });
    downloadText('blindspot-sites.geojson', JSON.stringify(geojson, null, 1), 'application/geo+json');
  } else if (kind === 'kml') {
    downloadText('blindspot-sites.kml', proposalsToKml(proposals, summaries, { includeCoverage, coverageModel: model }), 'application/vnd.google-earth.kml+xml');
  } else {
    downloadText('blindspot-sites.csv', proposalsToCsv(proposals, summaries, { privacy: selectPrivacy(state) }), 'text/csv;charset=utf-8');
  }
}

export function PlanExport() {
  const t = useT();
  const empty = useApp((s) => s.plan.proposals.length === 0);
  const [includeCoverage, setIncludeCoverage] = useState(false);
  return (
    <fieldset className="plan-export">
      <legend>{t('plan.export')}</legend>
      <label>
        <input type="checkbox" data-testid="export-coverage" checked={includeCoverage} onChange={(e) => setIncludeCoverage(e.target.checked)} />
        {t('plan.exportCoverage')}
      </label>
      <div className="toolbar">
        <button type="button" data-testid="export-proposals-geojson" disabled={empty} onClick={() => exportPlan('geojson', includeCoverage)}>
          {t('plan.exportGeojson')}
        </button>
        <button type="button" data-testid="export-proposals-kml" disabled={empty} onClick={() => exportPlan('kml', includeCoverage)}>
          {t('plan.exportKml')}
        </button>
        <button type="button" data-testid="export-proposals-csv" disabled={empty} onClick={() => exportPlan('csv', false)}>
          {t('plan.exportCsv')}
        </button>
      </div>
    </fieldset>
  );
}

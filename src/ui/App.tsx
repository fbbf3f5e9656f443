/** The page: header, demo banner, sidebar (legend, filters), map, details and import summary. */
import { useCallback, useEffect, useState } from 'react';
import { openInitialDataset } from '../state/actions/load-dataset.ts';
import { startAnalysisRunner } from '../state/analysis-runner.ts';
import { startPlanPersistence } from '../state/saved-plan.ts';
import { startTerrainRunner } from '../state/terrain-runner.ts';
import { restoreSavedDem } from '../state/actions/terrain-actions.ts';
import { useApp } from '../state/app-store.ts';
import { AreaFilter } from './AreaFilter.tsx';
import { ClusterPanel } from './ClusterPanel.tsx';
import { CommitteePanel } from './CommitteePanel.tsx';
import { PrintReport } from './PrintReport.tsx';
import { PrivacyToggle } from './PrivacyToggle.tsx';
import { ShareLegend } from './ShareLegend.tsx';
import { selectPrivacy } from '../state/committee-selectors.ts';
import { DetailsPanel } from './DetailsPanel.tsx';
import { DropZone } from './DropZone.tsx';
import { Header } from './Header.tsx';
import { ImportSummary } from './ImportSummary.tsx';
import { Legend } from './Legend.tsx';
import { MappingDialog } from './MappingDialog.tsx';
import { MapView } from './MapView.tsx';
import { ProposalPanel } from './ProposalPanel.tsx';
import { TerrainPanel } from './TerrainPanel.tsx';
import { ALL_POINTS_MAX } from '../map/household-view.ts';
import { StatusBar } from './StatusBar.tsx';
import { StorageBanner } from './StorageBanner.tsx';
import { TemplateLinks } from './TemplateLinks.tsx';
import { useT } from './use-t.ts';
import { usePlanShortcuts } from './use-plan-shortcuts.ts';

export function App() {
  const t = useT();
  const isDemo = useApp((s) => s.dataset.source?.kind === 'demo');
  const summaryOpen = useApp((s) => s.ui.importSummaryOpen);
  const view = useApp((s) => s.ui.view);
  const privacy = useApp(selectPrivacy);
  const large = useApp((s) => s.dataset.households.count > ALL_POINTS_MAX);
  const [webGlFailed, setWebGlFailed] = useState(false);
  const onWebGlError = useCallback(() => setWebGlFailed(true), []);

  useEffect(() => startAnalysisRunner(), []);
  useEffect(() => startPlanPersistence(), []);
  useEffect(() => startTerrainRunner(), []);
  useEffect(() => {
    void restoreSavedDem();
  }, []);
  usePlanShortcuts();
  useEffect(() => {
    void openInitialDataset();
  }, []);

  return (
    <>
      <div className={`app ${view}`}>
        <Header />
        {isDemo && (
          <p className="demo-banner" data-testid="demo-banner">
            {t('demo.banner')}
          </p>
        )}
        <main className="workspace">
          <nav className="sidebar">
            {view === 'committee' ? (
              <CommitteePanel />
            ) : (
              <>
                <PrivacyToggle />
                {privacy ? <ShareLegend /> : <Legend />}
                {!privacy && large && <ShareLegend binsHint />}
                <ClusterPanel />
                <ProposalPanel />
                <TerrainPanel />
                {!privacy && <AreaFilter />}
                <TemplateLinks />
              </>
            )}
          </nav>
          <div className="map-wrap">
            {webGlFailed ? <p className="map-error">{t('map.webglFailed')}</p> : <MapView onWebGlError={onWebGlError} />}
            <StatusBar />
            <StorageBanner />
          </div>
          {view === 'engineer' && <DetailsPanel />}
        </main>
        {summaryOpen && <ImportSummary />}
        <MappingDialog />
        <DropZone />
      </div>
      {view === 'committee' && <PrintReport />}
    </>
  );
}

/** Title, dataset totals, the import button and the language switch. */
import { formatNumber, LANGS, type Lang } from '../i18n/translate.ts';
import { importHouseholdFile, importSitesFile } from '../state/actions/load-dataset.ts';
import { setImportSummaryOpen, setLang } from '../state/actions/ui-actions.ts';
import { openProjectFile } from '../state/actions/project-actions.ts';
import { saveProject } from './save-project.ts';
import { useApp } from '../state/app-store.ts';
import { selectTotalSummary } from '../state/selectors.ts';
import { FilePickButton } from './FilePickButton.tsx';
import { ViewSwitch } from './ViewSwitch.tsx';
import { useLang, useT } from './use-t.ts';

const LANG_NAMES: Record<Lang, string> = { 'zh-CN': '简体中文', en: 'English' };
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HOUSEHOLD_FILES = `.csv,.txt,.tsv,.xlsx,.geojson,.json,text/csv,${XLSX_TYPE},application/geo+json,application/json`;
const SITE_FILES = `.csv,.txt,.xlsx,text/csv,${XLSX_TYPE}`;
const PROJECT_FILES = '.json,application/json';


export function Header() {
  const t = useT();
  const lang = useLang();
  const summary = useApp(selectTotalSummary);
  const source = useApp((s) => s.dataset.source);
  const loading = useApp((s) => s.ui.load.state === 'loading');

  return (
    <header className="app-header">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <p className="subtitle">{t('app.subtitle')}</p>
      </div>
      <dl className="totals">
        <div>
          <dt>{t('summary.households')}</dt>
          <dd data-testid="household-count">{formatNumber(lang, summary.households)}</dd>
        </div>
        <div>
          <dt>{t('summary.students')}</dt>
          <dd data-testid="student-count">{formatNumber(lang, summary.students)}</dd>
        </div>
      </dl>
      <ViewSwitch />
      <div className="actions">
        {source && (
          <button type="button" className="link" data-testid="open-import-summary" onClick={() => setImportSummaryOpen(true)}>
            {source.kind === 'demo' ? t('dataset.demoName') : t('dataset.source', { name: source.name })}
          </button>
        )}
        <FilePickButton
          primary
          label={t('import.button')}
          hint={t('import.hint')}
          accept={HOUSEHOLD_FILES}
          testId="import-households"
          disabled={loading}
          onFile={(file) => void importHouseholdFile(file)}
        />
        <FilePickButton
          label={t('import.sitesButton')}
          hint={t('import.sitesHint')}
          accept={SITE_FILES}
          testId="import-sites"
          disabled={loading}
          onFile={(file) => void importSitesFile(file)}
        />
        <FilePickButton
          label={t('project.open')}
          hint={t('project.openHint')}
          accept={PROJECT_FILES}
          testId="open-project"
          disabled={loading}
          onFile={(file) => void openProjectFile(file)}
        />
        <button type="button" data-testid="save-project" title={t('project.saveHint')} disabled={loading || !source} onClick={saveProject}>
          {t('project.save')}
        </button>
        <label className="lang">
          <span className="visually-hidden">{t('lang.label')}</span>
          <select data-testid="lang-switch" value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {LANG_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}

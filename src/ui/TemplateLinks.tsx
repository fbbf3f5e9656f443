/** The household report templates, so committees send files that import cleanly. */
import { useT } from './use-t.ts';

export function TemplateLinks() {
  const t = useT();
  return (
    <p className="hint templates">
      {t('import.templates')}{' '}
      <a href="templates/household-report-template.xlsx" download data-testid="template-xlsx">
        {t('import.templateXlsx')}
      </a>{' '}
      ·{' '}
      <a href="templates/household-report-template.csv" download data-testid="template-csv">
        {t('import.templateCsv')}
      </a>
    </p>
  );
}

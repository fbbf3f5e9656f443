/** Shown when a file's columns could not be matched: the user says which column is what. */
import { cancelMapping, reimportHouseholds } from '../state/actions/load-dataset.ts';
import { useApp } from '../state/app-store.ts';
import { ColumnMappingEditor } from './ColumnMappingEditor.tsx';
import { useT } from './use-t.ts';

export function MappingDialog() {
  const t = useT();
  const request = useApp((s) => s.ui.mappingRequest);
  if (!request) return null;
  return (
    <div className="modal-backdrop">
      <section className="modal" role="dialog" aria-modal="true" aria-labelledby="mapping-title" data-testid="mapping-dialog">
        <header>
          <h2 id="mapping-title">{t('mapping.title', { name: request.name })}</h2>
          <button type="button" className="close" aria-label={t('import.close')} onClick={cancelMapping}>
            ×
          </button>
        </header>
        <p>{t('mapping.explain')}</p>
        <p className="muted" title={request.message}>
          {request.message}
        </p>
        <ColumnMappingEditor columns={request.description.columns} onApply={(mapping) => void reimportHouseholds({ mapping })} />
      </section>
    </div>
  );
}

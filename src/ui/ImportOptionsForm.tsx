/**
 * The choices a file was read with — encoding, worksheet, coordinate system — and the one-click
 * fix of rows whose latitude and longitude look swapped (applied only when the user agrees).
 * Each change reads the file again.
 */
import type { ImportIssue, InputCrs, TextEncoding } from '../core/index.ts';
import { reimportHouseholds } from '../state/actions/load-dataset.ts';
import type { DatasetSource } from '../state/store.ts';
import { useT } from './use-t.ts';

const CRS: InputCrs[] = ['wgs84', 'gcj02', 'bd09'];

export function ImportOptionsForm({ source, issues }: { source: DatasetSource; issues: readonly ImportIssue[] }) {
  const t = useT();
  const swapped = issues.filter((i) => i.code === 'swapped_lat_lon' && i.severity === 'error').map((i) => i.line);
  const text = source.format !== 'xlsx';
  return (
    <div className="import-options">
      {text && (
        <label>
          {t('import.encoding')}
          <select
            data-testid="import-encoding"
            value={source.options.encoding ?? source.encoding}
            onChange={(e) => void reimportHouseholds({ encoding: e.target.value as TextEncoding })}
          >
            <option value="utf-8">UTF-8</option>
            <option value="gb18030">GBK / GB18030</option>
            {source.encoding !== 'utf-8' && source.encoding !== 'gb18030' && <option value={source.encoding}>{source.encoding}</option>}
          </select>
        </label>
      )}
      {source.sheets && source.sheets.length > 1 && (
        <label>
          {t('import.sheet')}
          <select data-testid="import-sheet" value={source.sheet} onChange={(e) => void reimportHouseholds({ sheet: e.target.value })}>
            {source.sheets.map((sheet) => (
              <option key={sheet} value={sheet}>
                {sheet}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('import.crs')}
        <select
          data-testid="import-crs"
          value={source.options.crs ?? 'wgs84'}
          onChange={(e) => void reimportHouseholds({ crs: e.target.value as InputCrs })}
        >
          {CRS.map((crs) => (
            <option key={crs} value={crs}>
              {t(`crs.${crs}`)}
            </option>
          ))}
        </select>
      </label>
      {swapped.length > 0 && (
        <button
          type="button"
          data-testid="fix-swapped"
          onClick={() => {
            const already = source.options.fixSwappedLines;
            const lines = already === 'all' ? 'all' : [...(already ?? []), ...swapped];
            void reimportHouseholds({ fixSwappedLines: lines });
          }}
        >
          {t('import.fixSwapped', { count: swapped.length })}
        </button>
      )}
    </div>
  );
}

// The dashboard's controls: time range (presets or custom days), comparison with the previous period,
// which listening column, refresh, rebuild the counts from the archive, and print as a report.
import { useTranslation } from 'react-i18next';
import { RANGE_PRESETS, type RangePreset } from '../../../../src-shared/analytics/time-range.ts';
import type { ListeningColumn } from '../repositories/listening-repository.ts';

export interface ToolbarState {
  readonly preset: RangePreset;
  readonly customFrom: string;
  readonly customTo: string;
  readonly compare: boolean;
  /** '' for every column. */
  readonly column: string;
}

export function RangeToolbar({
  state,
  columns,
  onChange,
  onRebuild,
  rebuilding,
}: {
  state: ToolbarState;
  columns: readonly ListeningColumn[];
  onChange: (patch: Partial<ToolbarState>) => void;
  onRebuild: () => void;
  rebuilding: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="analytics-toolbar" role="toolbar" aria-label={t('analytics.toolbar')}>
      <div className="analytics-toolbar__ranges" role="group" aria-label={t('analytics.range.label')}>
        {RANGE_PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            className="button"
            aria-pressed={state.preset === p}
            onClick={() => onChange({ preset: p })}
          >
            {t(`analytics.range.${p}`)}
          </button>
        ))}
      </div>
      {state.preset === 'custom' && (
        <div className="analytics-toolbar__custom">
          <label>
            {t('analytics.range.from')}{' '}
            <input
              type="date"
              value={state.customFrom}
              onChange={(e) => onChange({ customFrom: e.target.value })}
            />
          </label>
          <label>
            {t('analytics.range.to')}{' '}
            <input
              type="date"
              value={state.customTo}
              onChange={(e) => onChange({ customTo: e.target.value })}
            />
          </label>
        </div>
      )}
      <label className="analytics-toolbar__compare">
        <input
          type="checkbox"
          checked={state.compare}
          onChange={(e) => onChange({ compare: e.target.checked })}
        />{' '}
        {t('analytics.compare')}
      </label>
      <label>
        {t('analytics.column.label')}{' '}
        <select value={state.column} onChange={(e) => onChange({ column: e.target.value })}>
          <option value="">{t('analytics.column.all')}</option>
          {columns.map((c) => (
            <option key={c.key} value={c.key}>
              {c.title}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button" onClick={onRebuild} disabled={rebuilding}>
        {rebuilding ? t('analytics.rebuild.running') : t('analytics.rebuild.action')}
      </button>
      <button type="button" className="button" onClick={() => window.print()}>
        {t('analytics.print')}
      </button>
    </div>
  );
}

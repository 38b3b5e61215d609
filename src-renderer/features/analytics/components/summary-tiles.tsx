// The period at a glance: items received, the change from the previous period, and the negative share.
import { useTranslation } from 'react-i18next';
import type { PeriodTotals } from '../../../../src-shared/analytics/aggregate.ts';
import { useFormatters } from '../model/formatters.ts';

export function SummaryTiles({ totals, compare }: { totals: PeriodTotals; compare: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const change =
    totals.change === null
      ? t('analytics.summary.noPrevious')
      : `${totals.change > 0 ? '+' : ''}${fmt.percent(totals.change)}`;
  return (
    <dl className="summary-tiles" data-testid="summary-tiles">
      <div>
        <dt>{t('analytics.summary.items')}</dt>
        <dd>{fmt.number(totals.current)}</dd>
      </div>
      {compare && (
        <div>
          <dt>{t('analytics.summary.change')}</dt>
          <dd>{change}</dd>
        </div>
      )}
      <div>
        <dt>{t('analytics.summary.negative')}</dt>
        <dd>{fmt.percent(totals.negativeShare)}</dd>
      </div>
    </dl>
  );
}

// Inquiry charts from the embedded desk: conversations started over time, and per expert or per desk
// (brand account) the median first-response time and the first-response SLA hit rate. A bar or row opens
// the archive's items from the desk's mentions sources over that span.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { DeskStats, DeskStatsRow } from '../../../../src-shared/contract/desk-contract.ts';
import type { TimeRange } from '../../../../src-shared/analytics/time-range.ts';
import { columnSourceKey } from '../../../../src-shared/domain/column.ts';
import { useFormatters } from '../model/formatters.ts';
import { useChartPalette } from '../model/palette.ts';
import { ChartCard } from './chart-card.tsx';
import type { ItemsQuery } from './items-behind.tsx';
import { CHART_HEIGHT } from './listening-charts.tsx';

export type InquiryGroup = 'experts' | 'desks';

const mentionsKey = (accountId: string) => columnSourceKey({ type: 'mentions', accountId, param: null });

/** Share of judged first responses (met or missed) that met the SLA, in percent; null when none judged. */
export function hitRate(row: DeskStatsRow): number | null {
  const judged = row.slaMet + row.slaMissed;
  return judged === 0 ? null : Math.round((row.slaMet / judged) * 1000) / 10;
}

interface InquiryProps {
  readonly stats: DeskStats;
  readonly range: TimeRange;
  readonly accountName: (id: string) => string;
  readonly onShowItems: (query: ItemsQuery) => void;
}

export function InquiryCharts({ stats, range, accountName, onShowItems }: InquiryProps) {
  const { t } = useTranslation();
  const [group, setGroup] = useState<InquiryGroup>('experts');
  const allDesks = stats.desks.map((d) => mentionsKey(d.key));
  const rows = stats[group];
  const label = (key: string) =>
    group === 'desks'
      ? accountName(key)
      : key === ''
        ? t('analytics.inquiries.unassigned')
        : key === 'me'
          ? t('analytics.inquiries.you')
          : key;
  const showRow = (i: number) => {
    const row = rows[i];
    if (!row) return;
    const keys = group === 'desks' ? [mentionsKey(row.key)] : allDesks;
    onShowItems({ from: range.from, to: range.to, columnKeys: keys });
  };
  return (
    <>
      <fieldset className="analytics__inquiry-group" data-testid="inquiry-group">
        <legend>{t('analytics.inquiries.groupBy')}</legend>
        {(['experts', 'desks'] as const).map((g) => (
          <label key={g}>
            <input type="radio" name="inquiry-group" checked={group === g} onChange={() => setGroup(g)} />
            {t(`analytics.inquiries.${g}`)}
          </label>
        ))}
      </fieldset>
      <InquiryVolume
        stats={stats}
        range={range}
        onShow={(from, to) => onShowItems({ from, to, columnKeys: allDesks })}
      />
      <GroupBars
        id="first-response"
        title={t('analytics.inquiries.firstResponse')}
        valueHeader={t('analytics.col.medianMinutes')}
        rows={rows.map((r) => ({
          label: label(r.key),
          value: r.medianFirstResponseMs === null ? null : Math.round(r.medianFirstResponseMs / 6_000) / 10,
          extra: [r.conversations, r.responded],
        }))}
        extraHeaders={[t('analytics.col.conversations'), t('analytics.col.responded')]}
        onShow={showRow}
      />
      <GroupBars
        id="sla-hit-rate"
        title={t('analytics.inquiries.slaHitRate')}
        valueHeader={t('analytics.col.hitRate')}
        percent
        rows={rows.map((r) => ({ label: label(r.key), value: hitRate(r), extra: [r.slaMet, r.slaMissed] }))}
        extraHeaders={[t('analytics.col.slaMet'), t('analytics.col.slaMissed')]}
        onShow={showRow}
      />
    </>
  );
}

function InquiryVolume({
  stats,
  range,
  onShow,
}: {
  stats: DeskStats;
  range: TimeRange;
  onShow: (from: number, to: number) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const palette = useChartPalette();
  const data = stats.volume.map((b) => ({ ...b, label: fmt.bucket(b.start, range.bucketMs) }));
  const show = (i: number) => {
    const b = stats.volume[i];
    if (b) onShow(b.start, b.start + range.bucketMs);
  };
  return (
    <ChartCard
      id="inquiry-volume"
      title={t('analytics.inquiries.volume')}
      wide
      emptyText={stats.volume.every((b) => b.conversations === 0) ? t('analytics.inquiries.none') : null}
      table={{
        header: [t('analytics.col.time'), t('analytics.col.conversations')],
        rows: data.map((b) => [b.label, b.conversations]),
      }}
      onShowItems={show}
    >
      <BarChart width={760} height={CHART_HEIGHT} data={data} responsive accessibilityLayer>
        <CartesianGrid stroke={palette.grid} strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={{ fill: palette.text, fontSize: 12 }} minTickGap={24} />
        <YAxis allowDecimals={false} tick={{ fill: palette.text, fontSize: 12 }} width={48} />
        <Tooltip formatter={(v) => fmt.number(Number(v))} />
        <Bar
          dataKey="conversations"
          name={t('analytics.col.conversations')}
          fill={palette.series[0]}
          isAnimationActive={false}
          onClick={(_entry, i) => show(i)}
        />
      </BarChart>
    </ChartCard>
  );
}

interface GroupRow {
  readonly label: string;
  /** null: nothing to measure yet (no response, nothing judged); drawn as no bar, shown as "–". */
  readonly value: number | null;
  readonly extra: readonly number[];
}

function GroupBars(props: {
  id: string;
  title: string;
  valueHeader: string;
  extraHeaders: readonly string[];
  rows: readonly GroupRow[];
  percent?: boolean;
  onShow: (row: number) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const palette = useChartPalette();
  const show = (v: number) => (props.percent ? fmt.percent(v) : fmt.number(v));
  const data = props.rows.map((r) => ({ label: r.label, value: r.value }));
  return (
    <ChartCard
      id={props.id}
      title={props.title}
      emptyText={props.rows.every((r) => r.value === null) ? t('analytics.inquiries.none') : null}
      table={{
        header: [t('analytics.col.who'), props.valueHeader, ...props.extraHeaders],
        rows: props.rows.map((r) => [r.label, r.value === null ? '–' : r.value, ...r.extra]),
      }}
      onShowItems={props.onShow}
    >
      <BarChart width={360} height={CHART_HEIGHT} data={data} responsive accessibilityLayer>
        <CartesianGrid stroke={palette.grid} strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={{ fill: palette.text, fontSize: 12 }} interval={0} />
        <YAxis
          tick={{ fill: palette.text, fontSize: 12 }}
          width={48}
          {...(props.percent ? { domain: [0, 100], unit: '%' } : {})}
        />
        <Tooltip formatter={(v) => show(Number(v))} />
        <Bar
          dataKey="value"
          name={props.valueHeader}
          fill={palette.series[2] ?? palette.series[0]}
          isAnimationActive={false}
          onClick={(_entry, i) => props.onShow(i)}
        >
          <LabelList dataKey="value" position="top" formatter={(v) => show(Number(v))} />
        </Bar>
      </BarChart>
    </ChartCard>
  );
}

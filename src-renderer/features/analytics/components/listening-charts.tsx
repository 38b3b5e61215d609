// The listening charts: volume over time against the previous period, sentiment share over time, and
// volume per network. Clicking a point (or a table row's link) asks for the items behind it.
import { useTranslation } from 'react-i18next';
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { SharePoint, VolumePoint } from '../../../../src-shared/analytics/aggregate.ts';
import type { Sentiment } from '../../../../src-shared/analytics/listening.ts';
import { useFormatters } from '../model/formatters.ts';
import { useChartPalette } from '../model/palette.ts';
import { ChartCard } from './chart-card.tsx';

export const CHART_HEIGHT = 240;

export interface Drill {
  readonly from: number;
  readonly to: number;
  readonly sentiment?: Sentiment;
  readonly network?: string;
  readonly lang?: string;
}

function pointIndex(state: { activeIndex?: unknown } | null | undefined): number | null {
  const index = Number(state?.activeIndex);
  return Number.isInteger(index) && index >= 0 ? index : null;
}

interface SeriesProps {
  readonly bucketMs: number;
  readonly compare: boolean;
  readonly onDrill: (drill: Drill) => void;
}

export function VolumeChart({
  points,
  bucketMs,
  compare,
  onDrill,
}: SeriesProps & { points: readonly VolumePoint[] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const palette = useChartPalette();
  const data = points.map((p) => ({ ...p, label: fmt.bucket(p.start, bucketMs) }));
  const drill = (i: number) => {
    const p = points[i];
    if (p) onDrill({ from: p.start, to: p.start + bucketMs });
  };
  const header = [t('analytics.col.time'), t('analytics.col.items')];
  if (compare) header.push(t('analytics.col.previous'));
  return (
    <ChartCard
      id="volume"
      title={t('analytics.volume.title')}
      wide
      emptyText={points.every((p) => p.total === 0 && p.previous === 0) ? t('analytics.noListening') : null}
      table={{
        header,
        rows: data.map((p) => (compare ? [p.label, p.total, p.previous] : [p.label, p.total])),
      }}
      onShowItems={drill}
    >
      <LineChart
        width={760}
        height={CHART_HEIGHT}
        data={data}
        responsive
        onClick={(state) => {
          const i = pointIndex(state);
          if (i !== null) drill(i);
        }}
        accessibilityLayer
      >
        <CartesianGrid stroke={palette.grid} strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={{ fill: palette.text, fontSize: 12 }} minTickGap={24} />
        <YAxis
          allowDecimals={false}
          tick={{ fill: palette.text, fontSize: 12 }}
          tickFormatter={fmt.number}
          width={48}
        />
        <Tooltip formatter={(v) => fmt.number(Number(v))} />
        <Legend />
        <Line
          type="monotone"
          dataKey="total"
          name={t('analytics.volume.current')}
          stroke={palette.series[0]}
          strokeWidth={2}
          dot={points.length <= 31}
          isAnimationActive={false}
        />
        {compare && (
          <Line
            type="monotone"
            dataKey="previous"
            name={t('analytics.volume.previous')}
            stroke={palette.previous}
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
          />
        )}
      </LineChart>
    </ChartCard>
  );
}

export function SentimentChart({
  shares,
  bucketMs,
  onDrill,
}: Omit<SeriesProps, 'compare'> & { shares: readonly SharePoint[] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const palette = useChartPalette();
  const data = shares.map((p) => ({ ...p, label: fmt.bucket(p.start, bucketMs) }));
  const drill = (i: number, sentiment?: Sentiment) => {
    const p = shares[i];
    if (p) onDrill({ from: p.start, to: p.start + bucketMs, sentiment });
  };
  const keys: Sentiment[] = ['positive', 'neutral', 'negative'];
  return (
    <ChartCard
      id="sentiment"
      title={t('analytics.sentiment.title')}
      wide
      emptyText={
        shares.every((p) => p.positive + p.neutral + p.negative === 0) ? t('analytics.noListening') : null
      }
      table={{
        header: [t('analytics.col.time'), ...keys.map((k) => `${t(`analytics.sentiment.${k}`)} (%)`)],
        rows: data.map((p) => [p.label, p.positive, p.neutral, p.negative]),
      }}
      onShowItems={(i) => drill(i)}
    >
      <AreaChart
        width={760}
        height={CHART_HEIGHT}
        data={data}
        responsive
        onClick={(state) => {
          const i = pointIndex(state);
          if (i !== null) drill(i);
        }}
        accessibilityLayer
      >
        <CartesianGrid stroke={palette.grid} strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={{ fill: palette.text, fontSize: 12 }} minTickGap={24} />
        <YAxis domain={[0, 100]} tick={{ fill: palette.text, fontSize: 12 }} unit="%" width={48} />
        <Tooltip formatter={(v) => fmt.percent(Number(v))} />
        <Legend />
        {keys.map((k) => (
          <Area
            key={k}
            type="monotone"
            dataKey={k}
            stackId="share"
            name={t(`analytics.sentiment.${k}`)}
            stroke={palette[k]}
            fill={palette[k]}
            fillOpacity={0.55}
            isAnimationActive={false}
          />
        ))}
      </AreaChart>
    </ChartCard>
  );
}

export function NetworkChart({
  totals,
  range,
  onDrill,
}: {
  totals: readonly { key: string; total: number }[];
  range: { from: number; to: number };
  onDrill: (drill: Drill) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const palette = useChartPalette();
  const data = totals.map((x) => ({ ...x, label: networkName(t, x.key) }));
  const drill = (i: number) => {
    const x = totals[i];
    if (x) onDrill({ from: range.from, to: range.to, network: x.key });
  };
  return (
    <ChartCard
      id="networks"
      title={t('analytics.networks.title')}
      emptyText={totals.length === 0 ? t('analytics.noListening') : null}
      table={{
        header: [t('analytics.col.network'), t('analytics.col.items')],
        rows: data.map((x) => [x.label, x.total]),
      }}
      onShowItems={drill}
    >
      <BarChart width={360} height={CHART_HEIGHT} data={data} responsive accessibilityLayer>
        <CartesianGrid stroke={palette.grid} strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={{ fill: palette.text, fontSize: 12 }} />
        <YAxis
          allowDecimals={false}
          tick={{ fill: palette.text, fontSize: 12 }}
          tickFormatter={fmt.number}
          width={48}
        />
        <Tooltip formatter={(v) => fmt.number(Number(v))} />
        <Bar
          dataKey="total"
          name={t('analytics.col.items')}
          fill={palette.series[0]}
          isAnimationActive={false}
          onClick={(_entry, i) => drill(i)}
        />
      </BarChart>
    </ChartCard>
  );
}

export function networkName(t: (key: string) => string, key: string): string {
  return ['bluesky', 'mastodon', 'rss'].includes(key) ? t(`analytics.network.${key}`) : key;
}

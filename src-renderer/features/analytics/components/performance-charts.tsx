// Charts of the user's own accounts: audience growth (followers per day), engagement by post and by
// network, and the top posts of the period.
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { AccountSnapshotRow, PostSampleRow } from '../../../db/analytics-rows.ts';
import { useFormatters } from '../model/formatters.ts';
import { useChartPalette } from '../model/palette.ts';
import { engagementOf } from '../repositories/performance-repository.ts';
import { ChartCard } from './chart-card.tsx';
import { CHART_HEIGHT, networkName } from './listening-charts.tsx';

const METRICS = ['likes', 'reposts', 'replies', 'quotes'] as const;

export function AudienceChart({
  snapshots,
  accountName,
}: {
  snapshots: readonly AccountSnapshotRow[];
  accountName: (id: string) => string;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const palette = useChartPalette();
  const accounts = [...new Set(snapshots.map((s) => s.accountId))].sort();
  // One pass: a year of two accounts is 730 snapshots, and scanning them all for each day was 267,000 steps.
  const byDay = new Map<string, Record<string, string | number>>();
  for (const s of snapshots) {
    let point = byDay.get(s.day);
    if (!point) byDay.set(s.day, (point = { day: s.day }));
    point[s.accountId] = s.followers;
  }
  const data = [...byDay.values()]
    .sort((a, b) => String(a.day).localeCompare(String(b.day)))
    .map((point) => ({ ...point, label: fmt.day(Date.parse(`${String(point.day)}T12:00:00Z`)) }));
  return (
    <ChartCard
      id="audience"
      title={t('analytics.audience.title')}
      emptyText={snapshots.length === 0 ? t('analytics.audience.empty') : null}
      table={{
        header: [
          t('analytics.col.day'),
          t('analytics.col.account'),
          t('analytics.col.followers'),
          t('analytics.col.following'),
          t('analytics.col.posts'),
        ],
        rows: [...snapshots]
          .sort((a, b) => a.day.localeCompare(b.day) || a.accountId.localeCompare(b.accountId))
          .map((s) => [s.day, accountName(s.accountId), s.followers, s.following, s.posts]),
      }}
    >
      <LineChart width={360} height={CHART_HEIGHT} data={data} responsive accessibilityLayer>
        <CartesianGrid stroke={palette.grid} strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={{ fill: palette.text, fontSize: 12 }} minTickGap={24} />
        <YAxis tick={{ fill: palette.text, fontSize: 12 }} tickFormatter={fmt.number} width={56} />
        <Tooltip formatter={(v) => fmt.number(Number(v))} />
        <Legend />
        {accounts.map((id, i) => (
          <Line
            key={id}
            dataKey={id}
            name={accountName(id)}
            stroke={palette.series[i % palette.series.length]}
            strokeWidth={2}
            // A dot per day is hundreds of SVG circles for a year; dots only where they can be told apart.
            dot={data.length <= 31}
            isAnimationActive={false}
            connectNulls
          />
        ))}
      </LineChart>
    </ChartCard>
  );
}

function shortText(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine;
}

export function EngagementByPost({ samples }: { samples: readonly PostSampleRow[] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const palette = useChartPalette();
  const top = [...samples].sort((a, b) => engagementOf(b) - engagementOf(a)).slice(0, 10);
  const data = top.map((s) => ({ ...s, label: shortText(s.text) || s.postKey }));
  // The split is drawn when every post has it; otherwise one bar of the total.
  const split = top.length > 0 && top.every((s) => METRICS.every((m) => s[m] !== null));
  const clicked = top.some((s) => s.clicks > 0);
  return (
    <ChartCard
      id="engagement-posts"
      title={t('analytics.engagement.byPost')}
      emptyText={samples.length === 0 ? t('analytics.engagement.empty') : null}
      table={{
        header: [
          t('analytics.col.post'),
          t('analytics.col.engagement'),
          ...(split ? METRICS.map((m) => t(`analytics.engagement.${m}`)) : []),
          t('analytics.col.clicks'),
        ],
        rows: data.map((s) => [
          s.label,
          s.engagement,
          ...(split ? METRICS.map((m) => s[m] ?? 0) : []),
          s.clicks,
        ]),
      }}
    >
      <BarChart width={360} height={CHART_HEIGHT} data={data} layout="vertical" responsive accessibilityLayer>
        <CartesianGrid stroke={palette.grid} strokeDasharray="3 3" />
        <XAxis type="number" tick={{ fill: palette.text, fontSize: 12 }} tickFormatter={fmt.number} />
        <YAxis type="category" dataKey="label" width={120} tick={{ fill: palette.text, fontSize: 11 }} />
        <Tooltip formatter={(v) => fmt.number(Number(v))} />
        <Legend />
        {split ? (
          METRICS.map((m, i) => (
            <Bar
              key={m}
              dataKey={m}
              stackId="e"
              name={t(`analytics.engagement.${m}`)}
              fill={palette.series[i]}
              isAnimationActive={false}
            />
          ))
        ) : (
          <Bar
            dataKey="engagement"
            name={t('analytics.col.engagement')}
            fill={palette.series[0]}
            isAnimationActive={false}
          />
        )}
        {/* Short-link clicks beside the engagement, drawn once any of these posts was clicked. */}
        {clicked && (
          <Bar
            dataKey="clicks"
            name={t('analytics.col.clicks')}
            fill={palette.series[METRICS.length]}
            isAnimationActive={false}
          />
        )}
      </BarChart>
    </ChartCard>
  );
}

export function EngagementByNetwork({ samples }: { samples: readonly PostSampleRow[] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const palette = useChartPalette();
  const sums = new Map<string, { posts: number; engagement: number }>();
  for (const s of samples) {
    const sum = sums.get(s.network) ?? { posts: 0, engagement: 0 };
    sum.posts += 1;
    sum.engagement += engagementOf(s);
    sums.set(s.network, sum);
  }
  const data = [...sums].map(([network, sum]) => ({
    label: networkName(t, network),
    engagement: sum.engagement,
    perPost: Math.round((sum.engagement / sum.posts) * 10) / 10,
    posts: sum.posts,
  }));
  return (
    <ChartCard
      id="engagement-networks"
      title={t('analytics.engagement.byNetwork')}
      emptyText={samples.length === 0 ? t('analytics.engagement.empty') : null}
      table={{
        header: [
          t('analytics.col.network'),
          t('analytics.col.posts'),
          t('analytics.col.engagement'),
          t('analytics.col.perPost'),
        ],
        rows: data.map((d) => [d.label, d.posts, d.engagement, d.perPost]),
      }}
    >
      <BarChart width={360} height={CHART_HEIGHT} data={data} responsive accessibilityLayer>
        <CartesianGrid stroke={palette.grid} strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={{ fill: palette.text, fontSize: 12 }} />
        <YAxis tick={{ fill: palette.text, fontSize: 12 }} tickFormatter={fmt.number} width={48} />
        <Tooltip formatter={(v) => fmt.number(Number(v))} />
        <Bar
          dataKey="perPost"
          name={t('analytics.col.perPost')}
          fill={palette.series[1]}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartCard>
  );
}

export function TopPosts({
  samples,
  accountName,
}: {
  samples: readonly PostSampleRow[];
  accountName: (id: string) => string;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const top = [...samples].sort((a, b) => engagementOf(b) - engagementOf(a)).slice(0, 10);
  return (
    <ChartCard
      id="top-posts"
      title={t('analytics.topPosts.title')}
      wide
      png={false}
      emptyText={samples.length === 0 ? t('analytics.engagement.empty') : null}
      table={{
        header: [
          t('analytics.col.post'),
          t('analytics.col.account'),
          t('analytics.col.time'),
          t('analytics.col.engagement'),
          t('analytics.col.clicks'),
        ],
        rows: top.map((s) => [
          shortText(s.text),
          accountName(s.accountId),
          fmt.dateTime(Date.parse(s.postedAt)),
          engagementOf(s),
          s.clicks,
        ]),
      }}
    >
      <ol className="top-posts">
        {top.map((s) => (
          <li key={s.postKey}>
            <span className="top-posts__text">{shortText(s.text)}</span>{' '}
            <span className="top-posts__meta">
              {accountName(s.accountId)} · {fmt.dateTime(Date.parse(s.postedAt))} ·{' '}
              {t('analytics.topPosts.engagement', {
                count: engagementOf(s),
                formatted: fmt.number(engagementOf(s)),
              })}
              {s.clicks > 0 &&
                ` · ${t('analytics.topPosts.clicks', { count: s.clicks, formatted: fmt.number(s.clicks) })}`}
            </span>
          </li>
        ))}
      </ol>
    </ChartCard>
  );
}

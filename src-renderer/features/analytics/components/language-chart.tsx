// Language share: the period's items per language (the most common ones, the rest together), as bars with
// each language's share in the table. Clicking a bar shows that language's items of the period.
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { KeyTotal } from '../../../../src-shared/analytics/listening-series.ts';
import { useFormatters } from '../model/formatters.ts';
import { useChartPalette } from '../model/palette.ts';
import { ChartCard } from './chart-card.tsx';
import { CHART_HEIGHT, type Drill } from './listening-charts.tsx';

/** Bars drawn; past that the long tail is one "other" bar (it has no single language to drill into). */
export const SHOWN_LANGUAGES = 8;
const OTHER = '\u0000other';

export function languageName(code: string, locale: string, unknown: string): string {
  if (!code || code === 'und') return unknown;
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function LanguageChart({
  languages,
  range,
  onDrill,
}: {
  languages: readonly KeyTotal[];
  range: { from: number; to: number };
  onDrill: (drill: Drill) => void;
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const palette = useChartPalette();
  const all = languages.reduce((sum, x) => sum + x.total, 0);
  const head = languages.slice(0, SHOWN_LANGUAGES);
  const rest = languages.slice(SHOWN_LANGUAGES).reduce((sum, x) => sum + x.total, 0);
  const shown = rest > 0 ? [...head, { key: OTHER, total: rest }] : head;
  const data = shown.map((x) => ({
    ...x,
    label:
      x.key === OTHER
        ? t('analytics.languages.other')
        : languageName(x.key, i18n.language, t('analytics.languages.unknown')),
    share: all === 0 ? 0 : Math.round((x.total / all) * 1000) / 10,
  }));
  const drill = (i: number) => {
    const x = shown[i];
    if (x && x.key !== OTHER) onDrill({ from: range.from, to: range.to, lang: x.key });
  };
  return (
    <ChartCard
      id="languages"
      title={t('analytics.languages.title')}
      emptyText={languages.length === 0 ? t('analytics.noListening') : null}
      table={{
        header: [t('analytics.col.language'), t('analytics.col.items'), t('analytics.col.share')],
        rows: data.map((x) => [x.label, x.total, x.share]),
      }}
      onShowItems={drill}
    >
      <BarChart width={360} height={CHART_HEIGHT} data={data} responsive accessibilityLayer>
        <CartesianGrid stroke={palette.grid} strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={{ fill: palette.text, fontSize: 12 }} interval={0} />
        <YAxis domain={[0, 100]} unit="%" tick={{ fill: palette.text, fontSize: 12 }} width={48} />
        <Tooltip formatter={(v) => fmt.percent(Number(v))} />
        <Bar
          dataKey="share"
          name={t('analytics.col.share')}
          fill={palette.series[1] ?? palette.series[0]}
          isAnimationActive={false}
          onClick={(_entry, i) => drill(i)}
        >
          <LabelList dataKey="share" position="top" formatter={(v) => fmt.percent(Number(v))} />
        </Bar>
      </BarChart>
    </ChartCard>
  );
}

// Best hours: a weekday × hour grid of the average items per hour, darker where the columns are busiest.
// Drawn as SVG (recharts has no heat map) so it exports to PNG like the other charts.
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../model/formatters.ts';
import { useChartPalette } from '../model/palette.ts';
import { ChartCard } from './chart-card.tsx';

const CELL = 22;
const LEFT = 44;
const TOP = 20;

export function BestHours({ grid }: { grid: readonly (readonly number[])[] }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const palette = useChartPalette();
  const max = Math.max(0, ...grid.flat());
  // Monday 2024-01-01 names the weekdays in the interface language.
  const dayName = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' });
  const days = Array.from({ length: 7 }, (_, d) => dayName.format(Date.UTC(2024, 0, 1 + d)));
  const rows = grid.map((row, d) => [days[d] ?? '', ...row]);
  return (
    <ChartCard
      id="best-hours"
      title={t('analytics.bestHours.title')}
      wide
      emptyText={max === 0 ? t('analytics.noListening') : null}
      table={{ header: [t('analytics.col.day'), ...Array.from({ length: 24 }, (_, h) => `${h}`)], rows }}
    >
      <svg
        width={LEFT + 24 * CELL}
        height={TOP + 7 * CELL}
        role="img"
        aria-label={t('analytics.bestHours.label')}
        className="best-hours"
      >
        {Array.from({ length: 24 }, (_, h) =>
          h % 3 === 0 ? (
            <text
              key={h}
              x={LEFT + h * CELL + CELL / 2}
              y={TOP - 6}
              fontSize={11}
              textAnchor="middle"
              fill={palette.text}
            >
              {h}
            </text>
          ) : null,
        )}
        {grid.map((row, d) => (
          <g key={d}>
            <text
              x={LEFT - 6}
              y={TOP + d * CELL + CELL * 0.7}
              fontSize={11}
              textAnchor="end"
              fill={palette.text}
            >
              {days[d]}
            </text>
            {row.map((value, h) => (
              <rect
                key={h}
                x={LEFT + h * CELL}
                y={TOP + d * CELL}
                width={CELL - 2}
                height={CELL - 2}
                rx={3}
                fill={palette.series[0]}
                fillOpacity={max === 0 ? 0 : 0.08 + 0.92 * (value / max)}
                stroke={palette.grid}
                data-value={value}
              >
                <title>
                  {t('analytics.bestHours.cell', { day: days[d], hour: h, count: fmt.number(value) })}
                </title>
              </rect>
            ))}
          </g>
        ))}
      </svg>
    </ChartCard>
  );
}

// One dashboard chart with what every chart offers: a table view of the same numbers (with a way to the
// items behind each row, where there are items), CSV export of that table, and PNG export of the drawing.
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toCsv } from '../../../../src-shared/analytics/csv.ts';
import { useFormatters } from '../model/formatters.ts';
import { downloadCsv, downloadDataUrl, svgToPng } from '../model/export-files.ts';
import { useChartPalette } from '../model/palette.ts';

export interface ChartTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

export interface ChartCardProps {
  readonly id: string;
  readonly title: string;
  readonly table: ChartTable;
  /** Shown instead of the chart when there is nothing to draw. */
  readonly emptyText?: string | null;
  readonly onShowItems?: (row: number) => void;
  readonly wide?: boolean;
  /** False for a card that draws HTML rather than SVG (a list): no PNG export. */
  readonly png?: boolean;
  readonly children: ReactNode;
}

export function ChartCard({
  id,
  title,
  table,
  emptyText,
  onShowItems,
  wide,
  png = true,
  children,
}: ChartCardProps) {
  const { t } = useTranslation();
  const palette = useChartPalette();
  const [asTable, setAsTable] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const figure = useRef<HTMLDivElement>(null);
  const headingId = `chart-${id}-title`;

  const exportPng = async () => {
    setProblem(null);
    // The drawing is the largest SVG: legends draw their small icons as SVGs too.
    const svg = largestSvg(figure.current);
    if (!svg) return setProblem(t('analytics.chart.pngUnavailable'));
    try {
      downloadDataUrl(await svgToPng(svg, palette.background), `roost-${id}.png`);
    } catch (error) {
      setProblem(t('analytics.chart.pngFailed', { message: (error as Error).message }));
    }
  };

  return (
    <section
      className={`chart-card${wide ? ' chart-card--wide' : ''}`}
      aria-labelledby={headingId}
      data-testid={`chart-${id}`}
    >
      <header className="chart-card__header">
        <h2 id={headingId}>{title}</h2>
        <div className="chart-card__tools" role="group" aria-label={t('analytics.chart.tools', { title })}>
          <button
            type="button"
            className="button"
            aria-pressed={asTable}
            onClick={() => setAsTable(!asTable)}
          >
            {t('analytics.chart.table')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => downloadCsv(toCsv(table.header, table.rows), `roost-${id}.csv`)}
          >
            {t('analytics.chart.csv')}
          </button>
          {png && (
            <button
              type="button"
              className="button"
              disabled={asTable || !!emptyText}
              onClick={() => void exportPng()}
            >
              {t('analytics.chart.png')}
            </button>
          )}
        </div>
      </header>
      {problem && (
        <p role="alert" className="chart-card__problem">
          {problem}
        </p>
      )}
      {asTable ? (
        <ChartTableView table={table} title={title} onShowItems={onShowItems} />
      ) : emptyText ? (
        <p className="chart-card__empty">{emptyText}</p>
      ) : (
        <div className="chart-card__figure" ref={figure}>
          {children}
        </div>
      )}
    </section>
  );
}

function ChartTableView({
  table,
  title,
  onShowItems,
}: {
  table: ChartTable;
  title: string;
  onShowItems?: (row: number) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const show = (cell: string | number) => (typeof cell === 'number' ? fmt.number(cell) : cell);
  return (
    <div className="chart-card__table-wrap">
      <table className="chart-table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            {table.header.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
            {onShowItems && <th scope="col">{t('analytics.chart.items')}</th>}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {show(cell)}
                  </th>
                ) : (
                  <td key={j}>{show(cell)}</td>
                ),
              )}
              {onShowItems && (
                <td>
                  <button type="button" className="link-button" onClick={() => onShowItems(i)}>
                    {t('analytics.chart.showItems')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function largestSvg(root: HTMLElement | null): SVGSVGElement | null {
  let best: SVGSVGElement | null = null;
  let bestArea = 0;
  for (const svg of root?.querySelectorAll('svg') ?? []) {
    const box = svg.getBoundingClientRect();
    if (box.width * box.height > bestArea) {
      best = svg;
      bestArea = box.width * box.height;
    }
  }
  return best;
}

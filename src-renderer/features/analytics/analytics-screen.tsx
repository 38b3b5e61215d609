// The Analytics section: listening volume and sentiment over a chosen range against the previous period,
// networks, languages, best hours, audience growth, engagement and top posts; inquiries from the desk; spike
// alerts and campaign results. Every chart has a table view, CSV and PNG export; the whole dashboard prints
// as a report. The listening series are read and summed in the analytics worker.
import { memo, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveRange, type RangePreset, type TimeRange } from '../../../src-shared/analytics/time-range.ts';
import { useRoost } from '../../app-context.tsx';
import { SectionHeading } from '../shell/ui/section-heading.tsx';
import { useAnalyticsSetup, type AnalyticsSetup } from './analytics-setup.tsx';
import { AlertsPanel } from './components/alerts-panel.tsx';
import { CampaignsPanel } from './components/campaigns-panel.tsx';
import { BestHours } from './components/best-hours.tsx';
import { InquiryCharts } from './components/inquiry-charts.tsx';
import { ItemsBehind, type ItemsQuery } from './components/items-behind.tsx';
import { LanguageChart } from './components/language-chart.tsx';
import { NetworkChart, SentimentChart, VolumeChart, type Drill } from './components/listening-charts.tsx';
import {
  AudienceChart,
  EngagementByNetwork,
  EngagementByPost,
  TopPosts,
} from './components/performance-charts.tsx';
import { RangeToolbar, type ToolbarState } from './components/range-toolbar.tsx';
import { SummaryTiles } from './components/summary-tiles.tsx';
import { useFormatters } from './model/formatters.ts';
import { createListeningLoader } from './model/listening-loader.ts';
import { useDashboardData } from './model/use-dashboard-data.ts';
import { useDeskStats } from './model/use-desk-stats.ts';
import '../../styles/analytics.css';

/** The minute reload keeps unchanged numbers as the same objects (use-dashboard-data.ts), so only the charts
 * whose numbers changed draw again: redrawing all thirteen was a long task on a loaded machine. */
const Memo = {
  VolumeChart: memo(VolumeChart),
  SentimentChart: memo(SentimentChart),
  NetworkChart: memo(NetworkChart),
  LanguageChart: memo(LanguageChart),
  AudienceChart: memo(AudienceChart),
  EngagementByPost: memo(EngagementByPost),
  EngagementByNetwork: memo(EngagementByNetwork),
  BestHours: memo(BestHours),
  TopPosts: memo(TopPosts),
  CampaignsPanel: memo(CampaignsPanel),
  InquiryCharts: memo(InquiryCharts),
  SummaryTiles: memo(SummaryTiles),
};

export function AnalyticsScreen() {
  const { t } = useTranslation();
  const { setup, failed } = useAnalyticsSetup();
  return (
    <section className="analytics" aria-labelledby="section-heading" data-testid="analytics">
      <SectionHeading>{t('nav.analytics')}</SectionHeading>
      {failed && <p role="alert">{t('analytics.dbFailed')}</p>}
      {!setup && !failed && <p role="status">{t('analytics.loading')}</p>}
      {setup && <Dashboard setup={setup} />}
    </section>
  );
}

function initialState(now: number, preset: RangePreset): ToolbarState {
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  return {
    preset,
    customFrom: day(now - 7 * 86_400_000),
    customTo: day(now),
    compare: true,
    column: '',
  };
}

function Dashboard({ setup }: { setup: AnalyticsSetup }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const now = setup.now ?? Date.now;
  const [state, setState] = useState<ToolbarState>(() => initialState(now(), setup.initialPreset ?? '7d'));
  const [reloadKey, setReloadKey] = useState(0);
  const [rebuilding, setRebuilding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [drill, setDrill] = useState<ItemsQuery | null>(null);
  const accounts = useRoost((s) => s.accounts);

  const { range, rangeError } = useMemo((): { range: TimeRange | null; rangeError: string | null } => {
    try {
      const custom = { from: state.customFrom, to: state.customTo };
      return { range: resolveRange(state.preset, now(), custom), rangeError: null };
    } catch {
      return { range: null, rangeError: t('analytics.range.invalid') };
    }
    // The clock is read when the range changes or the dashboard reloads, not on every render.
  }, [state.preset, state.customFrom, state.customTo, reloadKey, t]);

  const columnKeys = useMemo(() => (state.column ? [state.column] : null), [state.column]);
  const fallback = useMemo(() => resolveRange('7d', now()), [now]);
  const offset = setup.offsetMinutes ?? -new Date().getTimezoneOffset();
  // Without a worker (tests of the screen alone), the same loader runs here.
  const source = useMemo(() => setup.series ?? createListeningLoader(setup.db), [setup]);
  const shown = range ?? fallback;
  const { data, error } = useDashboardData(setup.db, source, shown, columnKeys, offset, reloadKey);
  const desk = useDeskStats(shown, reloadKey);

  const accountName = useCallback(
    (id: string) => {
      const account = accounts?.find((a) => a.id === id);
      return account ? `@${account.handle}` : id;
    },
    [accounts],
  );

  const rebuild = async () => {
    setRebuilding(true);
    setNotice(null);
    try {
      const result = await setup.archive.rebuildListening();
      setNotice(t('analytics.rebuild.done', { count: result.items, formatted: fmt.number(result.items) }));
      setReloadKey((k) => k + 1);
    } catch (e) {
      setNotice(t('analytics.rebuild.failed', { message: (e as Error).message }));
    } finally {
      setRebuilding(false);
    }
  };

  const columns = data?.columns;
  const onDrill = useCallback(
    (d: Drill) => {
      const keys = state.column ? [state.column] : (columns?.map((c) => c.key) ?? []);
      setDrill({ ...d, columnKeys: keys });
    },
    [state.column, columns],
  );

  return (
    <>
      <RangeToolbar
        state={state}
        columns={data?.columns ?? []}
        onChange={(patch) => setState((s) => ({ ...s, ...patch }))}
        onRebuild={() => void rebuild()}
        rebuilding={rebuilding}
      />
      <p className="analytics__period" data-testid="analytics-period">
        {t('analytics.period', { from: fmt.dateTime(shown.from), to: fmt.dateTime(shown.to) })}
      </p>
      {rangeError && <p role="alert">{rangeError}</p>}
      {notice && <p role="status">{notice}</p>}
      {error && <p role="alert">{t('analytics.loadFailed', { message: error })}</p>}
      {drill && <ItemsBehind archive={setup.archive} query={drill} onClose={() => setDrill(null)} />}
      {data && (
        <>
          <Memo.SummaryTiles totals={data.series.totals} compare={state.compare} />
          <div className="analytics__grid">
            <Memo.VolumeChart
              points={data.series.points}
              bucketMs={shown.bucketMs}
              compare={state.compare}
              onDrill={onDrill}
            />
            <Memo.SentimentChart shares={data.series.shares} bucketMs={shown.bucketMs} onDrill={onDrill} />
            <Memo.NetworkChart totals={data.series.networks} range={shown} onDrill={onDrill} />
            <Memo.LanguageChart languages={data.series.languages} range={shown} onDrill={onDrill} />
            <Memo.AudienceChart snapshots={data.snapshots} accountName={accountName} />
            <Memo.EngagementByPost samples={data.samples} />
            <Memo.EngagementByNetwork samples={data.samples} />
            <Memo.BestHours grid={data.series.bestHours} />
            <Memo.TopPosts samples={data.samples} accountName={accountName} />
          </div>
          <section className="analytics__inquiries" aria-labelledby="inquiries-title">
            <h2 id="inquiries-title">{t('analytics.inquiries.title')}</h2>
            {desk.error && <p role="alert">{t('analytics.inquiries.failed', { message: desk.error })}</p>}
            {desk.stats && (
              <div className="analytics__grid">
                <Memo.InquiryCharts
                  stats={desk.stats}
                  range={shown}
                  accountName={accountName}
                  onShowItems={setDrill}
                />
              </div>
            )}
          </section>
          <AlertsPanel
            db={setup.db}
            columns={data.columns}
            reloadKey={reloadKey}
            onShowItems={setDrill}
            notifications={setup.Notification}
          />
          <Memo.CampaignsPanel db={setup.db} samples={data.samples} />
        </>
      )}
    </>
  );
}

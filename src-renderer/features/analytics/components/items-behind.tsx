// The items behind a chart point: the archive searched with the point's columns, time span and (where the
// point has one) sentiment, network or language. Item text is shown as plain text; React escapes it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveHit, AnalyticsArchive } from '../../../archive/archive-port.ts';
import { useFormatters } from '../model/formatters.ts';
import type { Drill } from './listening-charts.tsx';

const LIMIT = 100;

export interface ItemsQuery extends Drill {
  readonly columnKeys: readonly string[];
}

/** One search per column (the archive filters by one column), merged newest first. */
export async function itemsBehind(archive: AnalyticsArchive, q: ItemsQuery): Promise<ArchiveHit[]> {
  const results = await Promise.all(
    q.columnKeys.map((columnKey) =>
      archive.search({
        text: '',
        columnKey,
        from: new Date(q.from).toISOString(),
        to: new Date(q.to - 1).toISOString(),
        sentiments: q.sentiment ? [q.sentiment] : undefined,
        networks: q.network ? [q.network as ArchiveHit['item']['network']] : undefined,
        languages: q.lang ? [q.lang] : undefined,
        limit: LIMIT,
      }),
    ),
  );
  const byKey = new Map<string, ArchiveHit>();
  for (const hit of results.flat()) if (!byKey.has(hit.item.key)) byKey.set(hit.item.key, hit);
  return [...byKey.values()].sort((a, b) => b.item.createdAt.localeCompare(a.item.createdAt)).slice(0, LIMIT);
}

export function ItemsBehind({
  archive,
  query,
  onClose,
}: {
  archive: AnalyticsArchive;
  query: ItemsQuery;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [hits, setHits] = useState<readonly ArchiveHit[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setHits(null);
    setProblem(null);
    itemsBehind(archive, query).then(
      (found) => current && setHits(found),
      (error: unknown) => current && setProblem((error as Error).message),
    );
    return () => {
      current = false;
    };
  }, [archive, query]);
  const span = `${fmt.dateTime(query.from)} – ${fmt.dateTime(query.to)}`;
  return (
    <section className="items-behind" aria-labelledby="items-behind-title" data-testid="items-behind">
      <header className="items-behind__header">
        <h2 id="items-behind-title">
          {t('analytics.items.title', { span })}
          {query.sentiment && ` · ${t(`analytics.sentiment.${query.sentiment}`)}`}
          {query.network && ` · ${query.network}`}
          {query.lang && ` · ${query.lang}`}
        </h2>
        <button type="button" className="button" onClick={onClose}>
          {t('analytics.items.close')}
        </button>
      </header>
      {problem && <p role="alert">{t('analytics.items.failed', { message: problem })}</p>}
      {!hits && !problem && <p role="status">{t('analytics.items.loading')}</p>}
      {hits && (
        <>
          <p role="status">{t('analytics.items.count', { count: hits.length })}</p>
          <ul className="items-behind__list">
            {hits.map(({ item }) => (
              <li key={item.key} className="items-behind__item">
                <span className="items-behind__author">@{item.author.handle}</span>{' '}
                <time dateTime={item.createdAt}>{fmt.dateTime(Date.parse(item.createdAt))}</time>
                <p>{item.text}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

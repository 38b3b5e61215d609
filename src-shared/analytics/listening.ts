// Listening counts: how many items a column received per hour, split by sentiment, language and network.
// Pure arithmetic shared by the archive worker (counting at ingest), the rebuild and the dashboard.

export const HOUR_MS = 3_600_000;

export type Sentiment = 'positive' | 'neutral' | 'negative';

/** One column's items in one hour. `hour` is the epoch time (ms, UTC) the hour starts at. */
export interface ListeningCount {
  readonly columnKey: string;
  readonly hour: number;
  readonly total: number;
  readonly sentiment: Readonly<Record<Sentiment, number>>;
  /** Items per primary language ('en', 'fr', 'und'…). */
  readonly lang: Readonly<Record<string, number>>;
  /** Items per network ('bluesky', 'mastodon', 'rss'). */
  readonly network: Readonly<Record<string, number>>;
}

/** What counting needs to know of one item. */
export interface CountedItem {
  readonly time: number;
  readonly sentiment: Sentiment;
  readonly lang: string;
  readonly network: string;
}

export function hourOf(time: number): number {
  return Math.floor(time / HOUR_MS) * HOUR_MS;
}

interface MutableCount {
  columnKey: string;
  hour: number;
  total: number;
  sentiment: Record<Sentiment, number>;
  lang: Record<string, number>;
  network: Record<string, number>;
}

export function emptyCount(columnKey: string, hour: number): ListeningCount {
  return {
    columnKey,
    hour,
    total: 0,
    sentiment: { positive: 0, neutral: 0, negative: 0 },
    lang: {},
    network: {},
  };
}

/** Adds items to per-hour counts, keyed by hour; one call per column. */
export class CountTally {
  private readonly byHour = new Map<number, MutableCount>();
  private readonly columnKey: string;

  constructor(columnKey: string) {
    this.columnKey = columnKey;
  }

  add(item: CountedItem): void {
    const hour = hourOf(item.time);
    let count = this.byHour.get(hour);
    if (!count) {
      count = {
        columnKey: this.columnKey,
        hour,
        total: 0,
        sentiment: { positive: 0, neutral: 0, negative: 0 },
        lang: {},
        network: {},
      };
      this.byHour.set(hour, count);
    }
    count.total += 1;
    count.sentiment[item.sentiment] += 1;
    count.lang[item.lang] = (count.lang[item.lang] ?? 0) + 1;
    count.network[item.network] = (count.network[item.network] ?? 0) + 1;
  }

  get size(): number {
    return this.byHour.size;
  }

  counts(): ListeningCount[] {
    return [...this.byHour.values()];
  }
}

/** The sum of two counts of the same column and hour (a stored row and a batch's delta). */
export function mergeCounts(a: ListeningCount, b: ListeningCount): ListeningCount {
  const sum = (x: Readonly<Record<string, number>>, y: Readonly<Record<string, number>>) => {
    const out: Record<string, number> = { ...x };
    for (const [k, v] of Object.entries(y)) out[k] = (out[k] ?? 0) + v;
    return out;
  };
  return {
    columnKey: a.columnKey,
    hour: a.hour,
    total: a.total + b.total,
    sentiment: sum(a.sentiment, b.sentiment) as Record<Sentiment, number>,
    lang: sum(a.lang, b.lang),
    network: sum(a.network, b.network),
  };
}

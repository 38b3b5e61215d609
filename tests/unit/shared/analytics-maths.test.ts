// The dashboard's maths on known inputs: ranges and their previous period, bucketing with the previous
// period aligned, sentiment shares, the week-hour grid in a local time zone, CSV writing and reading,
// the conversions import (good files, GA4 and Matomo layouts, and every kind of bad row), and ROI.
import { describe, expect, test } from 'vitest';
import {
  periodTotals,
  sentimentShare,
  totalsBy,
  volumeSeries,
  weekHourGrid,
} from '../../../src-shared/analytics/aggregate.ts';
import { importConversionsText } from '../../../src-shared/analytics/conversions-import.ts';
import { parseCsv, toCsv } from '../../../src-shared/analytics/csv.ts';
import {
  emptyCount,
  HOUR_MS,
  mergeCounts,
  CountTally,
  type ListeningCount,
} from '../../../src-shared/analytics/listening.ts';
import { campaignResult, resultsByNetwork } from '../../../src-shared/analytics/roi.ts';
import { previousRange, resolveRange } from '../../../src-shared/analytics/time-range.ts';

const DAY = 24 * HOUR_MS;
const NOW = Date.UTC(2026, 2, 10, 14, 25); // Tuesday 10 March 2026, 14:25 UTC

function count(columnKey: string, hour: number, pos: number, neu: number, neg: number): ListeningCount {
  return {
    ...emptyCount(columnKey, hour),
    total: pos + neu + neg,
    sentiment: { positive: pos, neutral: neu, negative: neg },
    network: { bluesky: pos + neu, mastodon: neg },
    lang: { en: pos + neu + neg },
  };
}

describe('counting', () => {
  test('a tally groups by hour and merges with a stored row', () => {
    const tally = new CountTally('c');
    tally.add({ time: NOW, sentiment: 'positive', lang: 'en', network: 'bluesky' });
    tally.add({ time: NOW + 60_000, sentiment: 'negative', lang: 'fr', network: 'bluesky' });
    tally.add({ time: NOW + HOUR_MS, sentiment: 'neutral', lang: 'en', network: 'rss' });
    const [first, second] = tally.counts();
    expect(first).toMatchObject({ hour: Date.UTC(2026, 2, 10, 14), total: 2, lang: { en: 1, fr: 1 } });
    expect(second?.total).toBe(1);
    const merged = mergeCounts(first!, first!);
    expect(merged).toMatchObject({
      total: 4,
      sentiment: { positive: 2, negative: 2, neutral: 0 },
      network: { bluesky: 4 },
    });
  });
});

describe('time ranges', () => {
  test('presets end at the next whole hour and the previous period touches them', () => {
    const r = resolveRange('7d', NOW);
    expect(r.to).toBe(Date.UTC(2026, 2, 10, 15));
    expect(r.to - r.from).toBe(7 * DAY);
    expect(r.bucketMs).toBe(HOUR_MS);
    expect(resolveRange('30d', NOW).bucketMs).toBe(DAY);
    expect(resolveRange('1y', NOW).bucketMs).toBe(7 * DAY);
    const p = previousRange(r);
    expect([p.to, p.to - p.from]).toEqual([r.from, 7 * DAY]);
  });

  test('a custom range covers whole days and refuses a reversed one', () => {
    const r = resolveRange('custom', NOW, { from: '2026-01-01', to: '2026-01-03' });
    expect([r.from, r.to]).toEqual([Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 4)]);
    expect(() => resolveRange('custom', NOW, { from: '2026-01-03', to: '2026-01-01' })).toThrow(/before/);
    expect(() => resolveRange('custom', NOW, { from: 'soon', to: '2026-01-01' })).toThrow(/YYYY-MM-DD/);
  });
});

describe('aggregation', () => {
  const range = resolveRange('24h', NOW);
  const counts = [
    count('c', range.from, 1, 2, 1),
    count('c', range.from + HOUR_MS, 0, 0, 3),
    count('c', range.from - DAY, 5, 0, 0), // the previous period's first hour
    count('c', range.from - 2 * DAY, 9, 9, 9), // outside both
  ];

  test('volume per bucket with the previous period aligned', () => {
    const points = volumeSeries(counts, range);
    expect(points).toHaveLength(24);
    expect(points[0]).toEqual({
      start: range.from,
      total: 4,
      positive: 1,
      neutral: 2,
      negative: 1,
      previous: 5,
    });
    expect(points[1]).toMatchObject({ total: 3, negative: 3, previous: 0 });
    expect(points.slice(2).every((p) => p.total === 0)).toBe(true);
    expect(periodTotals(points)).toEqual({ current: 7, previous: 5, change: 40, negativeShare: 57.1 });
  });

  test('sentiment shares are percentages of each bucket, 0 when it is empty', () => {
    const shares = sentimentShare(volumeSeries(counts, range));
    expect(shares[0]).toMatchObject({ positive: 25, neutral: 50, negative: 25 });
    expect(shares[1]).toMatchObject({ negative: 100 });
    expect(shares[5]).toMatchObject({ positive: 0, neutral: 0, negative: 0 });
  });

  test('totals per network in the range only', () => {
    expect(totalsBy(counts, range, 'network')).toEqual([
      { key: 'mastodon', total: 4 },
      { key: 'bluesky', total: 3 },
    ]);
  });

  test('the week-hour grid averages per local weekday and hour', () => {
    const week = resolveRange('7d', NOW);
    const monday9 = Date.UTC(2026, 2, 9, 8); // 09:00 in UTC+1
    const grid = weekHourGrid([count('c', monday9, 6, 0, 0)], week, 60);
    expect(grid[0]?.[9]).toBe(6);
    expect(grid.flat().reduce((a, b) => a + b, 0)).toBe(6);
  });
});

describe('CSV', () => {
  test('writes quoted cells and defuses formulas; reads them back', () => {
    const text = toCsv(
      ['name', 'n'],
      [
        ['a, "b"', 3],
        ['=HYPERLINK("x")', -1],
      ],
    );
    expect(text).toBe('name,n\r\n"a, ""b""",3\r\n"\'=HYPERLINK(""x"")",-1\r\n');
    expect(parseCsv(text).map((r) => r.fields)).toEqual([
      ['name', 'n'],
      ['a, "b"', '3'],
      ['\'=HYPERLINK("x")', '-1'],
    ]);
  });

  test('a field spanning lines keeps the line its record starts on', () => {
    const records = parseCsv('a,b\n"x\ny",2\nz,3\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });
});

describe('conversions import', () => {
  const header = 'date,utm_campaign,utm_source,utm_medium,utm_content,conversions,revenue';

  test('a good file imports every row', () => {
    const result = importConversionsText(
      `${header}\n2026-03-01,spring,bluesky,social,a,3,45.50\n2026-03-02,spring,mastodon,social,,1,0\n`,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map((r) => [r.line, r.utmSource, r.conversions, r.revenue])).toEqual([
      [2, 'bluesky', 3, 45.5],
      [3, 'mastodon', 1, 0],
    ]);
  });

  test('a GA4 export (comment lines, YYYYMMDD dates, its column names) and a Matomo one (semicolons)', () => {
    const ga4 =
      '# ----\n# Conversions\n# ----\nDate,Session campaign,Session source,Session medium,Key events,Total revenue\n20260301,spring,bluesky,social,2,20\n';
    const a = importConversionsText(ga4);
    expect(a.ok && a.rows.map((r) => [r.line, r.date, r.conversions])).toEqual([[5, '2026-03-01', 2]]);
    const matomo =
      'Date;Campaign Name;Campaign Source;nb_conversions;revenue\n2026-03-01;spring;mastodon;4;12.5\n';
    const b = importConversionsText(matomo);
    expect(b.ok && b.rows.map((r) => [r.utmSource, r.conversions, r.revenue])).toEqual([
      ['mastodon', 4, 12.5],
    ]);
  });

  test('bad rows are all reported with their lines and nothing is returned', () => {
    const file = [
      header,
      '2026-03-01,spring,bluesky,social,a,3,10',
      '2026-02-30,spring,bluesky,social,b,1,0',
      '2026-03-02,,bluesky,social,c,1,0',
      '2026-03-02,spring,bluesky,social,d,1.5,0',
      '2026-03-02,spring,bluesky,social,e,1,"1,000"',
      '2026-03-02,spring,bluesky',
      '2026-03-01,spring,bluesky,social,a,7,70',
    ].join('\n');
    const result = importConversionsText(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { kind: 'badDate', line: 3, value: '2026-02-30' },
      { kind: 'missingValue', line: 4, column: 'utm_campaign' },
      { kind: 'badNumber', line: 5, column: 'conversions', value: '1.5' },
      { kind: 'badNumber', line: 6, column: 'revenue', value: '1,000' },
      { kind: 'fieldCount', line: 7, expected: 7, found: 3 },
      { kind: 'duplicate', line: 8, firstLine: 2 },
    ]);
  });

  test('wrong columns, an empty file and an unclosed quote', () => {
    expect(importConversionsText('day,campaign\n2026-01-01,x\n')).toEqual({
      ok: false,
      problems: [{ kind: 'missingColumns', line: 1, columns: ['utm_source', 'conversions'] }],
    });
    expect(importConversionsText(`${header}\n`)).toEqual({ ok: false, problems: [{ kind: 'empty' }] });
    const unclosed = importConversionsText(`${header}\n2026-01-01,"spring,x,y,z,1,2\n`);
    expect(unclosed.ok === false && unclosed.problems[0]).toMatchObject({ kind: 'syntax', line: 2 });
  });
});

describe('ROI', () => {
  const campaign = { utmCampaign: 'spring', cost: 200, valuePerConversion: 10, valuePerClick: 0.5 };
  const conversions = [
    { utmCampaign: 'spring', utmSource: 'bluesky', conversions: 10, revenue: 100 },
    { utmCampaign: 'spring', utmSource: 'Mastodon', conversions: 5, revenue: 0 },
    { utmCampaign: 'autumn', utmSource: 'bluesky', conversions: 99, revenue: 999 },
  ];
  const messages = [
    { utmCampaign: 'spring', network: 'bluesky', clicks: 40 },
    { utmCampaign: 'spring', network: 'bluesky', clicks: 20 },
    { utmCampaign: 'spring', network: 'mastodon', clicks: 40 },
    { utmCampaign: null, network: 'bluesky', clicks: 500 },
  ];

  test('value, value per message, cost per conversion and ROI of a campaign', () => {
    const r = campaignResult(campaign, conversions, messages);
    // value = 100 revenue + 15 × 10 + 100 clicks × 0.5 = 300
    expect(r).toEqual({
      messages: 3,
      clicks: 100,
      conversions: 15,
      revenue: 100,
      value: 300,
      valuePerMessage: 100,
      costPerConversion: 200 / 15,
      roi: 0.5,
    });
    expect(campaignResult({ ...campaign, cost: 0 }, conversions, messages).roi).toBeNull();
    expect(campaignResult(campaign, [], []).valuePerMessage).toBeNull();
  });

  test('per network, the cost shared by messages', () => {
    const rows = resultsByNetwork(campaign, conversions, messages);
    expect(rows.map((r) => [r.network, r.result.messages, r.result.conversions, r.result.value])).toEqual([
      ['bluesky', 2, 10, 100 + 100 + 30],
      ['mastodon', 1, 5, 50 + 20],
    ]);
    expect(rows[0]?.result.roi).toBeCloseTo((230 - 400 / 3) / (400 / 3));
  });
});

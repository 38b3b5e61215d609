// Positions, gaps and paging back on a real AppView: `since` is the newest item held, a full page that does
// not reach it is a gap, and `before` with the page's cursor walks back through what is older.
import { beforeAll, describe, expect, it } from 'vitest';
import type { PageRequest } from '../../../src-main/connectors/connector.ts';
import { person, sandbox, source, uniqueWord } from './support/world.ts';
import type { Person } from './support/world.ts';

let reader: Person;
let poster: Person;
const word = uniqueWord();

async function postMany(count: number, from: number): Promise<string[]> {
  const uris: string[] = [];
  for (let i = from; i < from + count; i++) {
    uris.push((await sandbox.post({ handle: poster.account.handle, text: `Post ${i} ${word}` })).uri);
  }
  return uris.reverse(); // newest first, like a column
}

const request = (since: string | null, before: string | null, limit: number): PageRequest => ({
  source: source('author', poster.account.did),
  since,
  before,
  limit,
});

beforeAll(async () => {
  [reader, poster] = [await person('reader'), await person('poster')];
});

describe('Bluesky paging against the local network', () => {
  it('marks a gap when more arrived than one page, fills it, and pages back to the start', async () => {
    const firstBatch = await postMany(12, 0);
    const first = await reader.connector.fetchPage(request(null, null, 5));
    expect(first.items.map((i) => i.remoteId)).toEqual(firstBatch.slice(0, 5));
    expect(first.gap).toBe(false);
    expect(first.older).not.toBeNull();
    const held = first.newest as string;

    const secondBatch = await postMany(8, 12);
    const top = await reader.connector.fetchPage(request(held, null, 5));
    expect(top.items.map((i) => i.remoteId)).toEqual(secondBatch.slice(0, 5));
    expect(top.gap).toBe(true);

    // Loading the gap: page back from the top page until `since` is reached.
    const fill = await reader.connector.fetchPage(request(held, top.older, 5));
    expect(fill.items.map((i) => i.remoteId)).toEqual(secondBatch.slice(5));
    expect(fill.gap).toBe(false);

    // Nothing new: an empty page, no gap.
    const idle = await reader.connector.fetchPage(request(top.newest, null, 5));
    expect(idle).toMatchObject({ items: [], gap: false, newest: null });

    // A few new ones: fewer than a page, no gap.
    const thirdBatch = await postMany(2, 20);
    const small = await reader.connector.fetchPage(request(top.newest, null, 5));
    expect(small.items.map((i) => i.remoteId)).toEqual(thirdBatch);
    expect(small.gap).toBe(false);

    // Paging back from the very top reaches every post exactly once, then runs out.
    const seen: string[] = [];
    let before: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const page = await reader.connector.fetchPage(request(null, before, 6));
      seen.push(...page.items.map((i) => i.remoteId));
      if (!page.older || page.items.length === 0) break;
      before = page.older;
    }
    expect(seen).toEqual([...thirdBatch, ...secondBatch, ...firstBatch]);
  });

  it('reports no rate limit when the server sends no rate-limit headers (the local PDS does not)', async () => {
    const page = await reader.connector.fetchPage(request(null, null, 1));
    expect(page.rateLimit).toBeNull();
  });
});

// Cursors survive a restart: a second poller on the same SQLite file resumes from the saved position and does not
// refetch what the first one already reported.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccountRepository } from '../../../src-main/accounts/account-repository.ts';
import { createCursorRepository } from '../../../src-main/streams/cursor-repository.ts';
import { openMainStore, type MainStore } from '../../../src-main/store/main-store.ts';
import { createCursorStore } from '../../../src-main/streams/cursor-store.ts';
import { columnSourceKey } from '../../../src-shared/domain/column.ts';
import { makeTempDir, sampleAccount, type TempDir } from '../store/helpers.ts';
import { createFakeTime } from './support/fake-time.ts';
import { createHarness, mastodonSource } from './support/harness.ts';

let temp: TempDir;
const opened: MainStore[] = [];
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  temp.remove();
});

function open(): MainStore {
  const store = openMainStore({ path: temp.file('main.sqlite') });
  opened.push(store);
  return store;
}

describe('cursor persistence', () => {
  it('resumes from the saved cursor and validators after a restart', async () => {
    const source = mastodonSource('acct-1');
    const key = columnSourceKey(source);
    const first = open();
    createAccountRepository(first).insert(sampleAccount(1, { id: 'acct-1', network: 'mastodon' }));
    const time = createFakeTime();
    const before = createHarness({ time, cursors: createCursorStore(createCursorRepository(first)) });
    before.net.post(source, 5);
    before.poller.subscribe(source);
    before.start();
    await time.advance(60_000);
    before.stop();
    first.close();
    expect(before.batches(key).flatMap((b) => b.items.map((i) => i.actionRef))).toEqual([
      '5',
      '4',
      '3',
      '2',
      '1',
    ]);

    // A new process: same file, fresh poller and server state continuing where the old one was.
    const second = open();
    const after = createHarness({ time, cursors: createCursorStore(createCursorRepository(second)) });
    after.net.post(source, 5); // ids 1..5 again on this fresh fake, then two new ones
    after.net.post(source, 2);
    after.poller.subscribe(source);
    after.start();
    await time.advance(0);
    expect(after.net.requests[0]).toMatchObject({ since: '5', etag: '"v5"' });
    expect(after.batches(key).flatMap((b) => b.items.map((i) => i.actionRef))).toEqual(['7', '6']);
    expect(createCursorRepository(second).get('acct-1', key)).toMatchObject({ cursor: '7', etag: '"v7"' });
    after.stop();
  });

  it('keeps polling when the cursor cannot be saved because the account was removed', async () => {
    const store = open();
    const time = createFakeTime();
    const h = createHarness({ time, cursors: createCursorStore(createCursorRepository(store)) });
    const source = mastodonSource('ghost');
    h.net.post(source, 1);
    h.poller.subscribe(source);
    h.start();
    await time.advance(0);
    expect(h.batches()).toHaveLength(1);
    expect(h.errors.map((e) => (e.error as { code?: string }).code)).toEqual(['not_found']);
    expect(h.poller.state(columnSourceKey(source))).toEqual({ kind: 'polling' });
    // The position is still held in memory: the next poll asks only for what is newer.
    await time.advance(60_000);
    expect(h.net.requests.at(-1)?.since).toBe('1');
    h.stop();
  });
});

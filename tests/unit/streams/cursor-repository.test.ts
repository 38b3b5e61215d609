// Poll cursors over a real in-memory SQLite database.
import { beforeEach, describe, expect, it } from 'vitest';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import { createAccountRepository } from '../../../src-main/accounts/account-repository.ts';
import {
  createCursorRepository,
  type CursorRepository,
} from '../../../src-main/streams/cursor-repository.ts';
import { openMainStore, type MainStore } from '../../../src-main/store/main-store.ts';
import { makeClock, sampleAccount } from '../store/helpers.ts';

describe('cursor repository', () => {
  let store: MainStore;
  let clock: ReturnType<typeof makeClock>;
  let cursors: CursorRepository;
  beforeEach(() => {
    store = openMainStore({ path: ':memory:' });
    clock = makeClock();
    createAccountRepository(store).insert(sampleAccount(1));
    cursors = createCursorRepository(store, { now: clock.now });
    return () => store.close();
  });

  it('returns null before the first put, then what was put', () => {
    expect(cursors.get('acct-1', 'home')).toBeNull();
    const put = cursors.put({
      accountId: 'acct-1',
      columnKey: 'home',
      cursor: 'c1',
      etag: null,
      lastModified: null,
    });
    expect(put.updatedAt).toBe('2025-01-01T00:00:00.000Z');
    expect(cursors.get('acct-1', 'home')).toEqual(put);
  });

  it('replaces the whole cursor on a second put and keeps columns apart', () => {
    cursors.put({
      accountId: 'acct-1',
      columnKey: 'feed',
      cursor: 'x',
      etag: '"v1"',
      lastModified: 'Mon, 01 Jan 2024',
    });
    cursors.put({ accountId: 'acct-1', columnKey: 'home', cursor: 'h', etag: null, lastModified: null });
    clock.advance(5000);
    cursors.put({ accountId: 'acct-1', columnKey: 'feed', cursor: null, etag: '"v2"', lastModified: null });
    expect(cursors.get('acct-1', 'feed')).toEqual({
      accountId: 'acct-1',
      columnKey: 'feed',
      cursor: null,
      etag: '"v2"',
      lastModified: null,
      updatedAt: '2025-01-01T00:00:05.000Z',
    });
    expect(cursors.get('acct-1', 'home')?.cursor).toBe('h');
  });

  it("answers 'not_found' for an account that does not exist (e.g. removed mid-poll)", () => {
    let error: unknown;
    try {
      cursors.put({ accountId: 'gone', columnKey: 'home', cursor: 'c', etag: null, lastModified: null });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RoostError);
    expect((error as RoostError).code).toBe('not_found');
    expect(cursors.get('gone', 'home')).toBeNull();
  });
});

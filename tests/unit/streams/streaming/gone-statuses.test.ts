// A Mastodon status deleted while no stream was open is learnt of when someone acts on it: the server's
// 404 for a favourite, boost or thread view becomes a `streams:deleted` event, and the user still gets the
// error. Against the replay server (documented example responses on loopback, not a real Mastodon).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ItemRef } from '../../../../src-shared/contract/streams-contract.ts';
import type { JsonObject } from '../../../support/mastodon-replay/fixtures.ts';
import { ACCOUNT_ID, mastodon, startLiveHarness, type LiveHarness } from './live-harness.ts';

let h: LiveHarness;
beforeEach(async () => {
  h = await startLiveHarness();
});
afterEach(async () => {
  await h.close();
});

function ref(statusId: string, network: ItemRef['network'] = 'mastodon'): ItemRef {
  return {
    network,
    remoteId: `https://mastodon.example/users/someone/statuses/${statusId}`,
    actionRef: statusId,
    viewerLiked: null,
    viewerReposted: null,
  };
}

describe('statuses found gone when acted on', () => {
  it('a favourite, an undone favourite or a thread view of a deleted status reports it deleted, and still fails', async () => {
    await expect(h.streams.act(ACCOUNT_ID, ref('404001'), 'like')).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(h.streams.act(ACCOUNT_ID, ref('404002'), 'unlike')).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(h.streams.thread(ACCOUNT_ID, ref('404003'))).rejects.toMatchObject({ code: 'not_found' });
    expect(h.deletions).toEqual([
      { accountId: ACCOUNT_ID, actionRef: '404001' },
      { accountId: ACCOUNT_ID, actionRef: '404002' },
      { accountId: ACCOUNT_ID, actionRef: '404003' },
    ]);
  });

  it('a status that exists is favourited and nothing is reported deleted', async () => {
    const { columnKey } = h.streams.subscribe('col-home', mastodon('home'), true);
    await h.until(() => h.itemsFor(columnKey).length > 0, 'first poll');
    const status = h.server.timelines.get('home')?.[0] as JsonObject;
    await h.streams.act(ACCOUNT_ID, ref(String(status.id)), 'like');
    await h.streams.thread(ACCOUNT_ID, ref(String(status.id)));
    expect(h.deletions).toEqual([]);
  });
});

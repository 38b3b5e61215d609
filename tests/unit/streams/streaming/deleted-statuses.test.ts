// Deleted statuses through the streaming manager: a `delete` frame on a current connection becomes one
// deletion for the account; frames from a connection that was closed or replaced are ignored. Sockets are
// in-memory doubles driven by hand (no network), so a superseded socket can still be made to speak.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SocketFactory, SocketHandlers } from '../../../../src-main/connectors/mastodon/streaming.ts';
import {
  createStreamingManager,
  type StreamDeletion,
  type StreamingManager,
} from '../../../../src-main/streams/streaming-manager.ts';
import type { ColumnSource } from '../../../../src-shared/domain/column.ts';
import { createFakeTime, type FakeTime } from '../support/fake-time.ts';

interface FakeSocket {
  readonly url: string;
  readonly handlers: SocketHandlers;
  closed: boolean;
}

let time: FakeTime;
let sockets: FakeSocket[];
let deletions: StreamDeletion[];
let manager: StreamingManager;

const socketFactory: SocketFactory = (url, _headers, handlers) => {
  const socket: FakeSocket = { url, handlers, closed: false };
  sockets.push(socket);
  return {
    ping: () => undefined,
    close: () => {
      socket.closed = true;
    },
  };
};

beforeEach(() => {
  time = createFakeTime();
  sockets = [];
  deletions = [];
  manager = createStreamingManager({
    timers: { ...time.timers, now: time.now, random: () => 0.5 },
    resolve: () =>
      Promise.resolve({
        baseUrl: 'wss://streaming.example.social',
        accessToken: 'token',
        origin: 'https://example.social',
      }),
    markStreaming: () => undefined,
    onItems: () => undefined,
    onDeleted: (deletion) => deletions.push(deletion),
    onNeedsSignIn: () => undefined,
    socketFactory,
  });
});
afterEach(() => {
  manager.stop();
});

function source(type: ColumnSource['type'], accountId = 'acc-1', param: string | null = null): ColumnSource {
  return { type, accountId, param };
}

/** Attaches a column and opens the socket it gets; returns that socket. */
async function openColumn(columnKey: string, src: ColumnSource): Promise<FakeSocket> {
  const before = sockets.length;
  manager.attach(columnKey, src);
  await time.settle();
  const socket = sockets[before];
  if (socket === undefined) throw new Error(`no socket opened for ${columnKey}`);
  socket.handlers.open();
  return socket;
}

function sendDelete(socket: FakeSocket, statusId: string, stream = 'user'): void {
  socket.handlers.message(JSON.stringify({ stream: [stream], event: 'delete', payload: statusId }));
}

describe('deleted statuses from the streaming manager', () => {
  it('emits a delete on a current connection once, with the account and the status id', async () => {
    const socket = await openColumn('home', source('home'));
    sendDelete(socket, '106692867363994015');
    sendDelete(socket, '106692867363994015');
    sendDelete(socket, '106692867363994016');
    expect(deletions).toEqual([
      { accountId: 'acc-1', network: 'mastodon', actionRef: '106692867363994015' },
      { accountId: 'acc-1', network: 'mastodon', actionRef: '106692867363994016' },
    ]);
  });

  it('emits one delete per account when several of its streams carry it, one for each account', async () => {
    const user = await openColumn('home', source('home'));
    const tag = await openColumn('cats', source('hashtag', 'acc-1', '#cats'));
    const other = await openColumn('other-home', source('home', 'acc-2'));
    expect(sockets).toHaveLength(3);
    sendDelete(user, '42');
    sendDelete(tag, '42', 'hashtag');
    sendDelete(other, '42');
    expect(deletions.map((d) => `${d.accountId}:${d.actionRef}`)).toEqual(['acc-1:42', 'acc-2:42']);
  });

  it('ignores a delete from a connection that was replaced, and emits the replacement’s', async () => {
    const first = await openColumn('home', source('home'));
    manager.setOnline(false);
    manager.setOnline(true);
    await time.settle();
    expect(first.closed).toBe(true);
    const second = sockets[1];
    if (second === undefined) throw new Error('the connection was not reopened');
    second.handlers.open();

    sendDelete(first, '7');
    expect(deletions).toEqual([]);
    sendDelete(second, '7');
    expect(deletions).toEqual([{ accountId: 'acc-1', network: 'mastodon', actionRef: '7' }]);
  });

  it('ignores a delete from a connection whose last column went away', async () => {
    const release = manager.attach('home', source('home'));
    await time.settle();
    const socket = sockets[0];
    if (socket === undefined) throw new Error('no socket opened');
    socket.handlers.open();
    release();
    expect(manager.connectionCount()).toBe(0);
    sendDelete(socket, '8');
    expect(deletions).toEqual([]);
  });

  it('forgets an account’s deletes once none of its streams is open, so a later one goes out again', async () => {
    const release = manager.attach('home', source('home'));
    await time.settle();
    sockets[0]?.handlers.open();
    if (sockets[0]) sendDelete(sockets[0], '9');
    release();
    const again = await openColumn('home', source('home'));
    sendDelete(again, '9');
    expect(deletions.map((d) => d.actionRef)).toEqual(['9', '9']);
  });
});

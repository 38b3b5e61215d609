// The IPC wiring with main's real router and event bus; only ipcMain and the window are stand-ins, because
// Electron itself cannot run under Node. Checks sender gating, routing, and the ready gate for events.
import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { registerIpc, type IpcTarget } from '../../../src-main/electron/ipc.ts';
import { createRouter, type CallContext, type Handlers } from '../../../src-main/rpc/router.ts';
import { createEventBus } from '../../../src-main/rpc/event-bus.ts';
import { REQUEST_METHODS } from '../../../src-shared/contract/methods.ts';
import { EVENT_CHANNEL } from '../../../src-shared/contract/preload-api.ts';
import type { Account } from '../../../src-shared/domain/account.ts';
import { withOtherMethodsRefused } from '../../support/partial-handlers.ts';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

class RecordingIpcMain {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  async invoke(channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, ...args);
  }
}

function windowTarget(id: number): IpcTarget & { sent: unknown[][]; destroyed: boolean } {
  return {
    id,
    sent: [],
    destroyed: false,
    send(channel: string, ...args: unknown[]) {
      this.sent.push([channel, ...args]);
    },
    isDestroyed() {
      return this.destroyed;
    },
  };
}

function invokeEvent(senderId: number, url: string | null, isTopFrame = true): IpcMainInvokeEvent {
  const senderFrame = url === null ? null : { url, parent: isTopFrame ? null : {} };
  return { sender: { id: senderId }, senderFrame } as unknown as IpcMainInvokeEvent;
}

const account: Account = {
  id: 'acc-1',
  network: 'bluesky',
  service: 'https://pds.example',
  remoteId: 'did:plc:abc',
  handle: 'alice.example',
  displayName: 'Alice',
  avatarUrl: null,
  status: 'active',
  protected: false,
  createdAt: '2025-01-01T00:00:00.000Z',
};

function setup() {
  const calls: { method: string; input: unknown; ctx: CallContext }[] = [];
  const handlers: Handlers = withOtherMethodsRefused({
    'app:info': (input, ctx) => {
      calls.push({ method: 'app:info', input, ctx });
      return { version: '1.2.3', mode: 'electron', platform: 'linux' };
    },
    'app:ready': () => ({ queued: 0 }),
    'vault:status': () => ({ state: 'available', detail: '' }),
    'accounts:list': () => [account],
    'accounts:add': () => account,
    'accounts:remove': (input, ctx) => {
      calls.push({ method: 'accounts:remove', input, ctx });
      return { removed: true };
    },
    'accounts:setProtected': () => account,
  });
  const router = createRouter(handlers);
  const events = createEventBus();
  const ipcMain = new RecordingIpcMain();
  const target = windowTarget(7);
  let current: IpcTarget | undefined = target;
  const wiring = registerIpc({ ipcMain, services: { router, events }, target: () => current });
  const trusted = invokeEvent(7, 'app://roost/index.html');
  return {
    calls,
    events,
    ipcMain,
    target,
    wiring,
    trusted,
    closeWindow: () => {
      current = undefined;
    },
  };
}

describe('registerIpc', () => {
  it('registers one handler per contract method and nothing else', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...REQUEST_METHODS].sort());
  });

  it('routes a trusted call with the electron transport and returns the Result', async () => {
    const { ipcMain, trusted, calls } = setup();
    await expect(ipcMain.invoke('accounts:remove', trusted, { id: 'acc-1' })).resolves.toEqual({
      ok: true,
      value: { removed: true },
    });
    expect(calls).toEqual([
      {
        method: 'accounts:remove',
        input: { id: 'acc-1' },
        ctx: { transport: 'electron', actor: { kind: 'local-user' } },
      },
    ]);
  });

  it('passes only the first argument as input, validated by the contract', async () => {
    const { ipcMain, trusted, calls } = setup();
    const result = await ipcMain.invoke('accounts:remove', trusted, { id: 'acc-1', extra: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await ipcMain.invoke('app:info', trusted, {}, 'ignored', 'also ignored');
    expect(calls).toEqual([
      { method: 'app:info', input: {}, ctx: { transport: 'electron', actor: { kind: 'local-user' } } },
    ]);
  });

  it.each([
    ['another webContents', invokeEvent(8, 'app://roost/index.html')],
    ['a page on another origin', invokeEvent(7, 'https://evil.example/')],
    ['a look-alike app origin', invokeEvent(7, 'app://roost.evil/index.html')],
    ['a subframe', invokeEvent(7, 'app://roost/index.html', false)],
    ['a destroyed frame', invokeEvent(7, null)],
  ])('refuses %s without running the handler', async (_label, event) => {
    const { ipcMain, calls } = setup();
    await expect(ipcMain.invoke('accounts:remove', event, { id: 'acc-1' })).resolves.toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Untrusted IPC sender' },
    });
    expect(calls).toEqual([]);
  });

  it('refuses every call once the window is gone', async () => {
    const { ipcMain, trusted, closeWindow } = setup();
    closeWindow();
    await expect(ipcMain.invoke('app:info', trusted, {})).resolves.toMatchObject({
      error: { code: 'forbidden' },
    });
  });

  it('holds events until app:ready, which reports and flushes them in order', async () => {
    const { ipcMain, trusted, events, target } = setup();
    events.emit('app:power', { state: 'suspend' });
    events.emit('app:connectivity', { online: false });
    expect(target.sent).toEqual([]);

    await expect(ipcMain.invoke('app:ready', trusted, {})).resolves.toEqual({
      ok: true,
      value: { queued: 2 },
    });
    expect(target.sent).toEqual([
      [EVENT_CHANNEL, 'app:power', { state: 'suspend' }],
      [EVENT_CHANNEL, 'app:connectivity', { online: false }],
    ]);

    events.emit('app:connectivity', { online: true });
    expect(target.sent.at(-1)).toEqual([EVENT_CHANNEL, 'app:connectivity', { online: true }]);
  });

  it('does not open the gate for an untrusted or invalid app:ready', async () => {
    const { ipcMain, trusted, events, target, wiring } = setup();
    events.emit('app:power', { state: 'resume' });
    await ipcMain.invoke('app:ready', invokeEvent(8, 'app://roost/'), {});
    await ipcMain.invoke('app:ready', trusted, { flush: true });
    expect(wiring.gate.isOpen).toBe(false);
    expect(target.sent).toEqual([]);
  });

  it('queues again while the page reloads', async () => {
    const { ipcMain, trusted, events, target, wiring } = setup();
    await ipcMain.invoke('app:ready', trusted, {});
    wiring.pageNavigating();
    events.emit('app:power', { state: 'resume' });
    expect(target.sent).toEqual([]);
    await expect(ipcMain.invoke('app:ready', trusted, {})).resolves.toEqual({
      ok: true,
      value: { queued: 1 },
    });
    expect(target.sent).toEqual([[EVENT_CHANNEL, 'app:power', { state: 'resume' }]]);
  });

  it('does not send to a destroyed window', async () => {
    const { ipcMain, trusted, events, target } = setup();
    await ipcMain.invoke('app:ready', trusted, {});
    target.destroyed = true;
    events.emit('app:power', { state: 'resume' });
    expect(target.sent).toEqual([]);
  });

  it('dispose removes every handler and stops forwarding events', async () => {
    const { ipcMain, trusted, events, target, wiring } = setup();
    await ipcMain.invoke('app:ready', trusted, {});
    wiring.dispose();
    expect(ipcMain.handlers.size).toBe(0);
    events.emit('app:power', { state: 'resume' });
    expect(target.sent).toEqual([]);
  });
});

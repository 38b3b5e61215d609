// Proves that who is calling travels with every request: the desktop's transports (Electron IPC, browser
// mode's WebSocket) mark it as the local user, and the router hands any actor — a team member too — to
// the handler unchanged, so the same handlers can be served by the team server.
import { createAppLanguage } from '../../../src-main/app/app-language.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRouter, type Handlers } from '../../../src-main/rpc/router.ts';
import { localUserContext, type CallContext } from '../../../src-main/rpc/call-context.ts';
import { createEventBus } from '../../../src-main/rpc/event-bus.ts';
import { startBrowserHost, type BrowserHost } from '../../../src-main/browser/browser-host.ts';
import type { MainServices } from '../../../src-main/app/types.ts';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import { withOtherMethodsRefused } from '../../support/partial-handlers.ts';
import { connectWire } from '../support/host-fixture.ts';

const member: CallContext = {
  transport: 'team-server',
  actor: { kind: 'member', memberId: '01J0000000000000000000MEMB', deviceId: 'device-1', role: 'lead' },
};

/** A handler whose answer depends on the caller, the way a team-aware handler reads it. */
function handlersSeeing(seen: CallContext[]): Handlers {
  return withOtherMethodsRefused({
    'accounts:list': (_input, ctx) => {
      seen.push(ctx);
      if (ctx.actor.kind === 'member' && ctx.actor.role !== 'owner') {
        throw new RoostError('invalid_input', 'Only an owner may list the brand accounts here.');
      }
      return [];
    },
  });
}

describe('the call context carries the actor', () => {
  it('reaches the handler unchanged for the local user and for a team member', async () => {
    const seen: CallContext[] = [];
    const router = createRouter(handlersSeeing(seen));

    expect(await router.dispatch('accounts:list', {}, localUserContext('electron'))).toEqual({
      ok: true,
      value: [],
    });
    const refused = await router.dispatch('accounts:list', {}, member);

    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(seen).toEqual([{ transport: 'electron', actor: { kind: 'local-user' } }, member]);
  });

  it('is the local user on both of the desktop transports', () => {
    expect(localUserContext('electron')).toEqual({ transport: 'electron', actor: { kind: 'local-user' } });
    expect(localUserContext('browser')).toEqual({ transport: 'browser', actor: { kind: 'local-user' } });
  });
});

describe('browser mode sets the actor', () => {
  let host: BrowserHost | null = null;
  let dir = '';
  afterEach(async () => {
    await host?.stop();
    host = null;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('marks a request over its WebSocket as the local user of the browser transport', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'roost-actor-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Roost</title>');
    const seen: CallContext[] = [];
    const services: MainServices = {
      router: createRouter(handlersSeeing(seen)),
      events: createEventBus(),
      language: createAppLanguage(),
      setOnline: () => undefined,
      notifyPower: () => undefined,
      stop: async () => undefined,
    };
    host = await startBrowserHost({ services, staticDir: dir });
    const client = await connectWire(
      `ws://127.0.0.1:${host.port}/rpc?token=${encodeURIComponent(host.token)}`,
      `http://127.0.0.1:${host.port}`,
    );

    const result = await client.request('accounts:list', {});
    client.close();

    expect(result.result).toEqual({ ok: true, value: [] });
    expect(seen).toEqual([{ transport: 'browser', actor: { kind: 'local-user' } }]);
  });
});

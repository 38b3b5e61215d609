import { describe, expect, it } from 'vitest';
import { createRouter, type Handlers } from '../../../src-main/rpc/router.ts';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import { withOtherMethodsRefused } from '../../support/partial-handlers.ts';

const account = {
  id: 'a1',
  network: 'bluesky' as const,
  service: 'https://pds.example',
  remoteId: 'did:plc:abc',
  handle: 'alice.test',
  displayName: 'Alice',
  avatarUrl: null,
  status: 'active' as const,
  protected: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return withOtherMethodsRefused({
    'app:info': () => ({ version: '1', mode: 'browser', platform: 'linux' }),
    'app:ready': () => ({ queued: 0 }),
    'vault:status': () => ({ state: 'available', detail: '' }),
    'accounts:list': () => [account],
    'accounts:add': () => account,
    'accounts:remove': () => ({ removed: true }),
    'accounts:setProtected': () => account,
    ...overrides,
  });
}

describe('router', () => {
  it('answers a valid request with ok and the handler value', async () => {
    const router = createRouter(handlers());
    expect(
      await router.dispatch('accounts:list', {}, { transport: 'browser', actor: { kind: 'local-user' } }),
    ).toEqual({
      ok: true,
      value: [account],
    });
  });

  it('refuses unknown methods, including prototype names', async () => {
    const router = createRouter(handlers());
    for (const method of ['nope', 'constructor', '__proto__', 'toString', 42, null]) {
      const result = await router.dispatch(
        method,
        {},
        { transport: 'browser', actor: { kind: 'local-user' } },
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('validates input before the handler runs and reports field paths', async () => {
    let called = false;
    const router = createRouter(handlers({ 'accounts:remove': () => ((called = true), { removed: true }) }));
    const result = await router.dispatch(
      'accounts:remove',
      { id: 7 },
      { transport: 'browser', actor: { kind: 'local-user' } },
    );
    expect(called).toBe(false);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'id' }] } });
  });

  it('passes RoostError codes through and hides unexpected errors behind internal', async () => {
    const seen: string[] = [];
    const router = createRouter(
      handlers({
        'accounts:list': () => {
          throw new RoostError('keychain_locked', 'locked');
        },
        'accounts:remove': () => {
          throw new Error('secret-token-123 leaked in a stack');
        },
      }),
      { onInternalError: (method) => seen.push(method) },
    );
    expect(
      await router.dispatch('accounts:list', {}, { transport: 'browser', actor: { kind: 'local-user' } }),
    ).toEqual({
      ok: false,
      error: { code: 'keychain_locked', message: 'locked' },
    });
    const hidden = await router.dispatch(
      'accounts:remove',
      { id: 'x' },
      { transport: 'browser', actor: { kind: 'local-user' } },
    );
    expect(hidden).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(hidden)).not.toContain('secret-token-123');
    expect(seen).toEqual(['accounts:remove']);
  });

  it('refuses an add request with a non-http server URL or an oversized password', async () => {
    const router = createRouter(handlers());
    const base = { network: 'bluesky', identifier: 'a', appPassword: 'p' };
    for (const input of [
      { ...base, service: 'javascript:alert(1)' },
      { ...base, service: 'file:///etc/passwd' },
      { ...base, service: 'https://pds.example', appPassword: 'x'.repeat(257) },
    ]) {
      expect(
        await router.dispatch('accounts:add', input, { transport: 'browser', actor: { kind: 'local-user' } }),
      ).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
  });
});

// The contract client: typed calls through a transport, outputs and events checked against the contract.
import { describe, expect, test } from 'vitest';
import type { Result } from '../../../src-shared/contract/errors.ts';
import { createClient } from '../../../src-renderer/bridge/client.ts';
import type { Transport } from '../../../src-renderer/bridge/transport.ts';
import { createMemoryMain } from '../support/memory-main.ts';

/** A transport that answers every request with one fixed (possibly malformed) result. */
function answering(result: unknown): Transport {
  return {
    ...createMemoryMain().transport,
    request: async () => result as Result<unknown>,
  };
}

describe('contract client', () => {
  test('returns checked values for valid calls', async () => {
    const main = createMemoryMain([
      { identifier: 'c.test', password: 'pw', handle: 'c.test', displayName: 'C' },
    ]);
    const client = createClient(main.transport);
    const added = await client.call('accounts:add', {
      network: 'bluesky',
      service: 'https://pds.example',
      identifier: 'c.test',
      appPassword: 'pw',
    });
    expect(added.ok && added.value.handle).toBe('c.test');
    const list = await client.call('accounts:list', {});
    expect(list.ok && list.value.map((a) => a.handle)).toEqual(['c.test']);
  });

  test('passes main’s invalid_input issues through', async () => {
    const client = createClient(createMemoryMain().transport);
    const result = await client.call('accounts:remove', { id: '' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues?.map((i) => i.path)).toEqual(['id']);
  });

  test('turns an output that breaks the contract into an internal error and reports it', async () => {
    const seen: string[] = [];
    const client = createClient(answering({ ok: true, value: { removed: 'yes' } }), {
      onContractViolation: (where) => seen.push(where),
    });
    const result = await client.call('accounts:remove', { id: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(seen).toEqual(['accounts:remove']);
  });

  test('rejects unknown error codes and malformed results', async () => {
    const unknownCode = await createClient(
      answering({ ok: false, error: { code: 'teapot', message: 'x' } }),
    ).call('app:info', {});
    expect(unknownCode).toMatchObject({ ok: false, error: { code: 'internal' } });
    const garbage = await createClient(answering('nonsense')).call('app:info', {});
    expect(garbage).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  test('delivers events by name, parsed, and drops payloads that break the contract', async () => {
    const main = createMemoryMain();
    const seen: string[] = [];
    const client = createClient(main.transport, {
      onContractViolation: (where) => seen.push(`violation:${where}`),
    });
    const got: boolean[] = [];
    const off = client.on('app:connectivity', ({ online }) => got.push(online));
    main.emit('app:connectivity', { online: false });
    main.emit('app:power', { state: 'resume' });
    main.emit('app:connectivity', { online: 'maybe' } as never);
    off();
    main.emit('app:connectivity', { online: true });
    expect(got).toEqual([false]);
    expect(seen).toEqual(['violation:app:connectivity']);
  });
});

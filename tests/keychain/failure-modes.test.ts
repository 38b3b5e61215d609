// How the keychain behaves when the Secret Service is missing, locked or stuck. Each case runs against a real
// bus: a socket that does not exist, a private bus without a provider, a private gnome-keyring that is locked,
// and a worker process that is frozen with SIGSTOP.
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Keychain } from '../../src-main/vault/keychain.ts';
import {
  createSecretServiceKeychain,
  forkKeychainWorker,
} from '../../src-main/vault/secret-service-keychain.ts';
import { startBareBus, startPrivateKeyring } from './support/private-buses.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function keychainOn(address: string, timeoutMs = 5_000): Keychain {
  const keychain = createSecretServiceKeychain({
    env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: address },
    timeoutMs,
  });
  cleanups.push(() => keychain.stop());
  return keychain;
}

async function expectEveryCallUnavailable(keychain: Keychain, detail: RegExp): Promise<void> {
  const service = `roost-test-${randomUUID()}`;
  const unavailable = { state: 'unavailable', detail: expect.stringMatching(detail) };
  expect(await keychain.getPassword(service, 'a')).toEqual(unavailable);
  expect(await keychain.setPassword(service, 'a', 'never-shown-secret')).toEqual(unavailable);
  expect(await keychain.deletePassword(service, 'a')).toEqual(unavailable);
  expect(await keychain.findCredentials(service)).toEqual(unavailable);
  expect(await keychain.status()).toEqual(unavailable);
}

describe('keychain failure modes', () => {
  it('reports unavailable, well before the timeout, when the session bus does not exist', async () => {
    const keychain = keychainOn(`unix:path=${join(tmpdir(), `no-bus-${randomUUID()}`)}`);
    const started = Date.now();
    await expectEveryCallUnavailable(keychain, /Failed to connect to socket/);
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('reports unavailable when the bus has no Secret Service provider', async () => {
    const bus = await startBareBus();
    cleanups.push(() => bus.stop());
    const keychain = keychainOn(bus.address);
    const started = Date.now();
    await expectEveryCallUnavailable(keychain, /org\.freedesktop\.secrets was not provided/);
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('reports locked for reads, writes, deletes and finds while the collection is locked, and recovers after unlock', async () => {
    const keyring = await startPrivateKeyring();
    cleanups.push(() => keyring.stop());
    const keychain = keychainOn(keyring.address);
    const service = `roost-test-${randomUUID()}`;
    expect(await keychain.setPassword(service, 'stored', 'kept-secret')).toEqual({ state: 'ok' });
    expect(await keychain.status()).toMatchObject({ state: 'available' });

    await keyring.lock();
    expect(await keyring.isLocked()).toBe(true);
    expect(await keychain.getPassword(service, 'stored')).toEqual({ state: 'locked' });
    // The library answers null for a missing item in a locked collection; the keychain must not say not_stored.
    expect(await keychain.getPassword(service, 'missing')).toEqual({ state: 'locked' });
    expect(await keychain.setPassword(service, 'new', 'another-secret')).toEqual({ state: 'locked' });
    expect(await keychain.setPassword(service, 'stored', 'replacement')).toEqual({ state: 'locked' });
    expect(await keychain.deletePassword(service, 'stored')).toEqual({ state: 'locked' });
    expect(await keychain.findCredentials(service)).toEqual({ state: 'locked' });
    expect(await keychain.status()).toMatchObject({ state: 'locked' });

    await keyring.restartUnlocked();
    expect(await keyring.isLocked()).toBe(false);
    expect(await keychain.getPassword(service, 'stored')).toEqual({ state: 'stored', value: 'kept-secret' });
    expect(await keychain.getPassword(service, 'missing')).toEqual({ state: 'not_stored' });
    expect(await keychain.status()).toMatchObject({ state: 'available' });
  });

  it('times out on a worker that never answers, kills it, and serves the next call from a new worker', async () => {
    const pids: number[] = [];
    const keychain = createSecretServiceKeychain({
      timeoutMs: 1_000,
      launch: () =>
        forkKeychainWorker({ env: process.env, onSpawn: (pid) => pid !== undefined && pids.push(pid) }),
    });
    cleanups.push(() => keychain.stop());
    const service = `roost-test-${randomUUID()}`;
    expect(await keychain.setPassword(service, 'a', 'value-a')).toEqual({ state: 'ok' });
    expect(pids).toHaveLength(1);
    const frozen = pids[0]!;

    process.kill(frozen, 'SIGSTOP');
    const results = await Promise.all([
      keychain.getPassword(service, 'a'),
      keychain.findCredentials(service),
    ]);
    expect(results).toEqual([{ state: 'timed_out' }, { state: 'timed_out' }]);
    await expect.poll(() => isAlive(frozen), { timeout: 5_000 }).toBe(false);

    expect(await keychain.getPassword(service, 'a')).toEqual({ state: 'stored', value: 'value-a' });
    expect(pids).toHaveLength(2);
    expect(pids[1]).not.toBe(frozen);
  });

  it('answers unavailable for calls in flight when the worker dies, then respawns it', async () => {
    const pids: number[] = [];
    const keychain = createSecretServiceKeychain({
      timeoutMs: 10_000,
      launch: () =>
        forkKeychainWorker({ env: process.env, onSpawn: (pid) => pid !== undefined && pids.push(pid) }),
    });
    cleanups.push(() => keychain.stop());
    const service = `roost-test-${randomUUID()}`;
    expect(await keychain.getPassword(service, 'a')).toEqual({ state: 'not_stored' });
    process.kill(pids[0]!, 'SIGSTOP');
    const inFlight = keychain.getPassword(service, 'a');
    process.kill(pids[0]!, 'SIGKILL');
    expect(await inFlight).toEqual({ state: 'unavailable', detail: expect.stringContaining('SIGKILL') });
    expect(await keychain.getPassword(service, 'a')).toEqual({ state: 'not_stored' });
    expect(pids).toHaveLength(2);
  });

  it('answers unavailable after stop() without starting a worker', async () => {
    const pids: number[] = [];
    const keychain = createSecretServiceKeychain({
      launch: () =>
        forkKeychainWorker({ env: process.env, onSpawn: (pid) => pid !== undefined && pids.push(pid) }),
    });
    await keychain.stop();
    expect(await keychain.status()).toEqual({ state: 'unavailable', detail: 'keychain stopped' });
    expect(pids).toHaveLength(0);
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

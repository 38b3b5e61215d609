// The worker-side operations over an in-memory keyring that can be locked or made unreachable, mimicking what
// @napi-rs/keyring does on the Secret Service in each state.
import { describe, expect, it } from 'vitest';
import { createKeyringOperations, INDEX_ACCOUNT } from '../../../src-main/vault/keyring-operations.ts';
import type { KeyringEntry } from '../../../src-main/vault/keyring-operations.ts';

function memoryKeyring() {
  const items = new Map<string, string>();
  const state = { locked: false, unreachable: false };
  const key = (service: string, account: string) => `${service}\u0000${account}`;
  const openEntry = (service: string, account: string): KeyringEntry => {
    if (state.unreachable) throw new Error('Platform failure: DBus error: Failed to connect to socket /x');
    const id = key(service, account);
    const refuseIfLocked = () => {
      if (state.locked)
        throw new Error("Couldn't access platform storage: Secret Service: unlock prompt was dismissed");
    };
    return {
      async getPassword() {
        // Like gnome-keyring: a missing item is found missing even when locked.
        if (!items.has(id)) return null;
        refuseIfLocked();
        return items.get(id) ?? null;
      },
      async setPassword(password) {
        refuseIfLocked();
        await Promise.resolve();
        items.set(id, password);
      },
      async deletePassword() {
        if (!items.has(id)) return false;
        refuseIfLocked();
        return items.delete(id);
      },
    };
  };
  return { items, state, openEntry, key };
}

describe('keyring operations', () => {
  it('keeps an index of accounts per service for find', async () => {
    const keyring = memoryKeyring();
    const ops = createKeyringOperations(keyring.openEntry);
    await ops.set('svc', 'a', '1');
    await ops.set('svc', 'b', '2');
    await ops.set('other', 'c', '3');
    expect(JSON.parse(keyring.items.get(keyring.key('svc', INDEX_ACCOUNT)) ?? '')).toEqual(['a', 'b']);
    expect(await ops.find('svc')).toEqual({
      state: 'found',
      credentials: [
        { account: 'a', password: '1' },
        { account: 'b', password: '2' },
      ],
    });
    expect(await ops.delete('svc', 'a')).toEqual({ state: 'ok', deleted: true });
    expect(await ops.find('svc')).toEqual({ state: 'found', credentials: [{ account: 'b', password: '2' }] });
  });

  it('loses no index entry when sets run concurrently', async () => {
    const keyring = memoryKeyring();
    const ops = createKeyringOperations(keyring.openEntry);
    const names = Array.from({ length: 10 }, (_, i) => `n${i}`);
    await Promise.all(names.map((name) => ops.set('svc', name, name)));
    const found = await ops.find('svc');
    expect(found.state === 'found' && found.credentials.map((c) => c.account)).toEqual(names);
  });

  it('skips index names whose entry was removed behind its back, and survives a corrupt index', async () => {
    const keyring = memoryKeyring();
    const ops = createKeyringOperations(keyring.openEntry);
    await ops.set('svc', 'a', '1');
    await ops.set('svc', 'gone', '2');
    keyring.items.delete(keyring.key('svc', 'gone'));
    expect(await ops.find('svc')).toEqual({ state: 'found', credentials: [{ account: 'a', password: '1' }] });
    keyring.items.set(keyring.key('svc', INDEX_ACCOUNT), '{not json');
    expect(await ops.find('svc')).toEqual({ state: 'found', credentials: [] });
  });

  it('tells locked apart from not stored when the library answers null', async () => {
    const keyring = memoryKeyring();
    const ops = createKeyringOperations(keyring.openEntry);
    await ops.set('svc', 'a', '1');
    expect(await ops.get('svc', 'missing')).toEqual({ state: 'not_stored' });
    keyring.state.locked = true;
    expect(await ops.get('svc', 'missing')).toEqual({ state: 'locked' });
    expect(await ops.get('svc', 'a')).toEqual({ state: 'locked' });
    expect(await ops.set('svc', 'b', '2')).toEqual({ state: 'locked' });
    expect(await ops.delete('svc', 'a')).toEqual({ state: 'locked' });
    expect(await ops.find('svc')).toEqual({ state: 'locked' });
  });

  it('reports unavailable when no entry can be opened', async () => {
    const keyring = memoryKeyring();
    keyring.state.unreachable = true;
    const ops = createKeyringOperations(keyring.openEntry);
    const unavailable = {
      state: 'unavailable',
      detail: 'Platform failure: DBus error: Failed to connect to socket /x',
    };
    expect(await ops.get('svc', 'a')).toEqual(unavailable);
    expect(await ops.set('svc', 'a', 'secret')).toEqual(unavailable);
    expect(await ops.status('probe')).toEqual(unavailable);
  });

  it('writes the status probe once, then only reads it', async () => {
    const keyring = memoryKeyring();
    const ops = createKeyringOperations(keyring.openEntry);
    expect(await ops.status('probe')).toMatchObject({ state: 'available' });
    expect(keyring.items.size).toBe(1);
    keyring.state.locked = true;
    expect(await ops.status('probe')).toMatchObject({ state: 'locked' });
  });
});

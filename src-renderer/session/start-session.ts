// Keeps the store in step with main: transport state, the account list, the keychain state and
// connectivity. Each time the link comes (back) online it says app:ready and refetches, because events
// sent while it was down are lost.
import type { RoostClient } from '../bridge/client.ts';
import type { RoostStore } from '../store/store.ts';

export function startSession(client: RoostClient, store: RoostStore): () => void {
  const { getState } = store;
  let stopped = false;

  // Subscribed before app:ready so the events main flushes on ready are not missed.
  const unsubscribers = [
    client.on('accounts:changed', ({ accounts }) => getState().setAccounts(accounts)),
    client.on('app:connectivity', ({ online }) => getState().setInternet(online)),
    client.onState((state) => {
      getState().setTransport(state);
      if (state === 'online') void sync();
    }),
  ];

  async function sync(): Promise<void> {
    await client.call('app:ready', {});
    if (stopped) return;
    await Promise.all([refreshAccounts(client, store), refreshVault(client, store)]);
  }

  getState().setTransport(client.state());
  if (client.state() === 'online') void sync();

  return () => {
    stopped = true;
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

export async function refreshAccounts(client: RoostClient, store: RoostStore): Promise<void> {
  const result = await client.call('accounts:list', {});
  if (result.ok) store.getState().setAccounts(result.value);
}

export async function refreshVault(client: RoostClient, store: RoostStore): Promise<void> {
  const result = await client.call('vault:status', {});
  if (result.ok) store.getState().setVault(result.value);
}

// Which mentioned handles are Bluesky accounts, for the composer's warning. The composer asks again as the
// author types, so answers are kept for a few minutes (bounded); a server that cannot answer is reported
// as `unchecked` and asked again next time, never remembered as "no account".
import type { MentionDids } from '../connectors/bluesky/mention-resolver.ts';

export type MentionStatus = 'account' | 'no_account' | 'unchecked';

export interface MentionCheckerDeps {
  /** Resolves through the account's own server; throws when it cannot say. */
  readonly resolve: (accountId: string, handles: readonly string[]) => Promise<MentionDids>;
  readonly clock: { now(): number };
  readonly ttlMs?: number;
  readonly maxEntries?: number;
}

export interface MentionChecker {
  check(accountId: string, handles: readonly string[]): Promise<ReadonlyMap<string, MentionStatus>>;
}

export function createMentionChecker(deps: MentionCheckerDeps): MentionChecker {
  const ttlMs = deps.ttlMs ?? 5 * 60_000;
  const maxEntries = deps.maxEntries ?? 2_000;
  const known = new Map<string, { status: 'account' | 'no_account'; at: number }>();
  const keyOf = (accountId: string, handle: string) => `${accountId}\u0000${handle}`;

  function remember(key: string, status: 'account' | 'no_account', at: number): void {
    known.delete(key);
    known.set(key, { status, at });
    // Maps keep insertion order: the first key is the oldest answer.
    while (known.size > maxEntries) known.delete(known.keys().next().value as string);
  }

  return {
    async check(accountId, handles) {
      const now = deps.clock.now();
      const out = new Map<string, MentionStatus>();
      const ask: string[] = [];
      for (const handle of new Set(handles.map((h) => h.toLowerCase()))) {
        const hit = known.get(keyOf(accountId, handle));
        if (hit && now - hit.at < ttlMs) out.set(handle, hit.status);
        else ask.push(handle);
      }
      if (ask.length === 0) return out;
      try {
        const dids = await deps.resolve(accountId, ask);
        for (const handle of ask) {
          const status = dids.get(handle) ? 'account' : 'no_account';
          remember(keyOf(accountId, handle), status, now);
          out.set(handle, status);
        }
      } catch {
        for (const handle of ask) out.set(handle, 'unchecked');
      }
      return out;
    },
  };
}

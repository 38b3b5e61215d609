// Text limits per chosen account, read from main once per account; the networks' defaults apply until
// main answers (or when it cannot).
import { useCallback, useEffect, useState } from 'react';
import type { Account } from '../../../../src-shared/domain/account.ts';
import type { Capabilities } from '../../../../src-shared/domain/capabilities.ts';
import type { RoostClient } from '../../../bridge/client.ts';
import { limitsFrom, type TextLimits } from './limits.ts';
import type { PostNetwork } from './draft.ts';

export function useLimits(
  client: RoostClient,
  accounts: readonly Account[],
): (account: Account) => TextLimits {
  const [known, setKnown] = useState<ReadonlyMap<string, Capabilities>>(new Map());
  const ids = accounts.map((a) => a.id).join(',');

  useEffect(() => {
    let cancelled = false;
    for (const id of ids.split(',').filter(Boolean)) {
      if (known.has(id)) continue;
      void client.call('streams:capabilities', { accountId: id }).then((result) => {
        if (cancelled || !result.ok) return;
        setKnown((prev) => new Map(prev).set(id, result.value));
      });
    }
    return () => {
      cancelled = true;
    };
    // `known` is read only to skip accounts already fetched.
  }, [client, ids]);

  return useCallback((account) => limitsFrom(account.network as PostNetwork, known.get(account.id)), [known]);
}

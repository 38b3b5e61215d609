// The team brand accounts this member may post as from the composer: none without a team; otherwise those
// the server gives them publish or publish-with-approval access to (view and reply-only access cannot start a
// post; replies to inquiries are written in the Inbox). Follows the
// team cache, so an admin's change of access shows here without reopening the composer.
import { useCallback, useEffect, useState } from 'react';
import type { BrandAccessLevel, BrandAccount } from '../../../../src-shared/team/team-contract.ts';
import { useServices } from '../../../app-context.tsx';

export interface TeamBrand {
  readonly account: BrandAccount;
  readonly access: Extract<BrandAccessLevel, 'publish' | 'publish_with_approval'>;
}

const NONE: readonly TeamBrand[] = [];
const BRAND_ENTITIES = new Set(['brandAccount', 'brandAccess', 'member']);

export function useTeamBrands(): readonly TeamBrand[] {
  const { client } = useServices();
  const [brands, setBrands] = useState<readonly TeamBrand[]>(NONE);
  const reload = useCallback(async () => {
    const status = await client.call('team:status', {});
    if (!status.ok || status.value.state === 'none' || status.value.state === 'revoked') {
      setBrands(NONE);
      return;
    }
    const list = await client.call('team:brandAccounts', {});
    // Offline or refused: keep what was shown; the next change or visit tries again.
    if (!list.ok) return;
    setBrands(
      list.value.flatMap(({ account, access }) =>
        account.removedAt === null && (access === 'publish' || access === 'publish_with_approval')
          ? [{ account, access }]
          : [],
      ),
    );
  }, [client]);
  useEffect(() => {
    void reload();
    const offChanged = client.on('team:changed', (change) => {
      if (BRAND_ENTITIES.has(change.entity)) void reload();
    });
    const offStatus = client.on('team:status', () => void reload());
    return () => {
      offChanged();
      offStatus();
    };
  }, [client, reload]);
  return brands;
}

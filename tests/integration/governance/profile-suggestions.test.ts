// Organisation-domain suggestions from a real profile on the local Bluesky network: a link written in the
// account's description, read through the account's own connector, becomes a suggestion.
import { beforeAll, describe, expect, it } from 'vitest';
import { suggestOrgDomains } from '../../../src-main/governance/domain-suggestions.ts';
import { readProfileTexts } from '../../../src-main/governance/profile-texts.ts';
import type { Account } from '../../../src-shared/domain/account.ts';
import { info, person, uniqueWord, type Person } from '../bluesky/support/world.ts';

let me: Person;
beforeAll(async () => {
  me = await person('gov');
});

describe('profile links as organisation-domain suggestions', () => {
  it('suggests the domain a profile description links to, next to the handle', async () => {
    const shop = `${uniqueWord('shop')}.brand.example`;
    await me.agent.upsertProfile((existing) => ({
      ...existing,
      description: `Official. Orders: https://${shop}/new`,
    }));
    const account: Account = {
      id: 'acct-gov',
      network: 'bluesky',
      service: info.pdsUrl,
      remoteId: me.account.did,
      handle: me.account.handle,
      displayName: 'Gov',
      avatarUrl: null,
      status: 'active',
      protected: true,
      createdAt: new Date().toISOString(),
    };
    // The app view indexes the profile change shortly after the PDS accepts it.
    await expect
      .poll(
        async () => (await readProfileTexts([account], async () => me.connector)).flatMap((p) => p.texts),
        {
          timeout: 10_000,
          interval: 250,
        },
      )
      .toContain(`Official. Orders: https://${shop}/new`);
    const profiles = await readProfileTexts([account], async () => me.connector);
    expect(suggestOrgDomains([account], profiles, [])).toEqual([me.account.handle, shop]);
  });
});

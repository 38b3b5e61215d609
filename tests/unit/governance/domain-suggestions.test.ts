// Which organisation domains are suggested from the connected accounts: custom-domain handles, a brand's
// own Mastodon instance and links in profiles, never shared hosts, the account's own server or duplicates.
import { describe, expect, test } from 'vitest';
import { suggestOrgDomains } from '../../../src-main/governance/domain-suggestions.ts';
import type { Account } from '../../../src-shared/domain/account.ts';
import { accountFixture, EPOCH } from '../../support/builders/accounts.ts';

function account(id: string, extra: Partial<Account>): Account {
  return accountFixture(0, {
    id,
    remoteId: `did:plc:${id}`,
    handle: `${id}.bsky.social`,
    displayName: id,
    createdAt: EPOCH,
    ...extra,
  });
}

describe('suggestOrgDomains', () => {
  test('a custom-domain handle is suggested; a bsky.social or PDS-named handle is not', () => {
    const accounts = [
      account('a', { handle: 'news.brand.example' }),
      account('b', {}),
      account('c', { handle: 'c.pds.example' }),
    ];
    expect(suggestOrgDomains(accounts, [], [])).toEqual(['news.brand.example']);
  });

  test('a brand instance from the Mastodon account URL, not a shared instance', () => {
    const accounts = [
      account('m1', {
        network: 'mastodon',
        handle: 'brand@social.brand.example',
        remoteId: 'https://social.brand.example/users/brand',
      }),
      account('m2', {
        network: 'mastodon',
        handle: 'brand@mastodon.social',
        remoteId: 'https://mastodon.social/users/brand',
      }),
    ];
    expect(suggestOrgDomains(accounts, [], [])).toEqual(['social.brand.example']);
  });

  test('links and bare domains in profiles, without link hubs, duplicates or configured domains', () => {
    const accounts = [account('a', {}), account('b', {})];
    const profiles = [
      {
        accountId: 'a',
        texts: ['Official. Shop at https://shop.brand.example/new and https://linktr.ee/brand'],
      },
      { accountId: 'b', texts: ['brand.example', 'https://SHOP.brand.example'] },
      { accountId: 'someone-else', texts: ['https://other.example'] },
    ];
    expect(suggestOrgDomains(accounts, profiles, [])).toEqual(['shop.brand.example', 'brand.example']);
    expect(suggestOrgDomains(accounts, profiles, ['Brand.Example'])).toEqual(['shop.brand.example']);
  });
});

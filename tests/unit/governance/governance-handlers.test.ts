// Main's side of Settings → Governance, on real files in a temporary folder and through main's real
// router: reading defaults, saving what the publishing guards then read, refusing bad entries without
// touching the files, keeping keys the screen does not edit, and export/import round trips.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createRouter } from '../../../src-main/rpc/router.ts';
import { governanceHandlers } from '../../../src-main/governance/governance-handlers.ts';
import {
  loadBlockList,
  loadPublishingSettings,
  SETTINGS_FILE,
  USER_BLOCKLIST_FILE,
} from '../../../src-main/publishing/publishing-settings.ts';
import type { GovernancePolicy, GovernanceView } from '../../../src-shared/contract/governance-contract.ts';
import type { Account } from '../../../src-shared/domain/account.ts';
import { withOtherMethodsRefused } from '../../support/partial-handlers.ts';
import { accountFixture, EPOCH } from '../../support/builders/accounts.ts';

let dir: string;
let shipped: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'roost-governance-'));
  shipped = mkdtempSync(path.join(tmpdir(), 'roost-shipped-'));
  writeFileSync(path.join(shipped, 'default.txt'), '# shipped\ngrabify.link\niplogger.org\n');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(shipped, { recursive: true, force: true });
});

function account(extra: Partial<Account>): Account {
  return accountFixture(1, {
    id: 'a1',
    remoteId: 'did:plc:brand',
    handle: 'brand.example',
    displayName: 'Brand',
    protected: true,
    createdAt: EPOCH,
    ...extra,
  });
}

function router(accounts: readonly Account[] = [account({})]) {
  return createRouter(
    withOtherMethodsRefused(
      governanceHandlers({ dataDir: dir, accounts: () => accounts, shippedBlockLists: shipped }),
    ),
  );
}

const POLICY: GovernancePolicy = {
  orgDomains: ['Brand.Example', 'https://shop.brand.example/path', 'brand.example'],
  blockedTerms: [' giveaway ', 'giveaway', 'leak'],
  quietHours: { '*': { start: '22:00', end: '07:00', timeZone: 'Europe/Paris' } },
  levels: { 'link-lookalike': 'block' },
  blockList: '# ours\nevil.example\n',
};

describe('governance:get', () => {
  test('with no files: empty policy, the shipped list beside it and the handle domain suggested', async () => {
    const result = await router().dispatch(
      'governance:get',
      {},
      { transport: 'electron', actor: { kind: 'local-user' } },
    );
    expect(result).toEqual({
      ok: true,
      value: {
        policy: { orgDomains: [], blockedTerms: [], quietHours: {}, levels: {}, blockList: '' },
        shippedBlockList: ['grabify.link', 'iplogger.org'],
        suggestedDomains: ['brand.example'],
      },
    });
  });
});

describe('governance:update', () => {
  test('writes a tidy policy that the publishing guards read at once', async () => {
    const result = await router().dispatch(
      'governance:update',
      { policy: POLICY },
      { transport: 'electron', actor: { kind: 'local-user' } },
    );
    expect(result.ok).toBe(true);
    const settings = loadPublishingSettings(dir);
    expect(settings.orgDomains).toEqual(['brand.example', 'shop.brand.example']);
    expect(settings.blockedTerms).toEqual(['giveaway', 'leak']);
    expect(settings.quietHours['*']).toEqual({ start: '22:00', end: '07:00', timeZone: 'Europe/Paris' });
    expect(settings.levels['link-lookalike']).toBe('block');
    const blocks = loadBlockList(dir, shipped);
    expect(blocks.domains.has('evil.example')).toBe(true);
    expect(blocks.domains.has('grabify.link')).toBe(true);
    // The accepted domain is no longer suggested.
    if (result.ok) expect((result.value as GovernanceView).suggestedDomains).toEqual([]);
    // Only the two files: no temporary file is left behind.
    expect(readdirSync(dir).sort()).toEqual([SETTINGS_FILE, USER_BLOCKLIST_FILE].sort());
  });

  test('keeps settings the screen does not edit', async () => {
    writeFileSync(
      path.join(dir, SETTINGS_FILE),
      JSON.stringify({ graceMinutes: 42, timeZone: 'Asia/Tokyo' }),
    );
    await router().dispatch(
      'governance:update',
      { policy: POLICY },
      { transport: 'electron', actor: { kind: 'local-user' } },
    );
    const saved = JSON.parse(readFileSync(path.join(dir, SETTINGS_FILE), 'utf8')) as Record<string, unknown>;
    expect(saved['graceMinutes']).toBe(42);
    expect(saved['timeZone']).toBe('Asia/Tokyo');
  });

  test('a bad domain, block-list line or time zone refuses everything and names the entries', async () => {
    await router().dispatch(
      'governance:update',
      { policy: POLICY },
      { transport: 'electron', actor: { kind: 'local-user' } },
    );
    const before = readFileSync(path.join(dir, SETTINGS_FILE), 'utf8');
    const result = await router().dispatch(
      'governance:update',
      {
        policy: {
          ...POLICY,
          orgDomains: ['fine.example', 'not a domain'],
          blockList: 'ok.example\nnot a domain either\n',
          quietHours: { a1: { start: '22:00', end: '06:00', timeZone: 'Mars/Olympus' } },
        },
      },
      { transport: 'electron', actor: { kind: 'local-user' } },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues?.map((i) => i.path)).toEqual([
      'policy.orgDomains.1',
      'policy.blockList',
      'policy.quietHours.a1',
    ]);
    expect(result.error.issues?.[1]?.message).toContain('Line 2');
    expect(readFileSync(path.join(dir, SETTINGS_FILE), 'utf8')).toBe(before);
    expect(readFileSync(path.join(dir, USER_BLOCKLIST_FILE), 'utf8')).toBe(POLICY.blockList);
  });

  test('a broken settings file is kept aside, not lost, when a new policy is saved', async () => {
    writeFileSync(path.join(dir, SETTINGS_FILE), '{ not json');
    const result = await router().dispatch(
      'governance:update',
      { policy: POLICY },
      { transport: 'electron', actor: { kind: 'local-user' } },
    );
    expect(result.ok).toBe(true);
    const aside = readdirSync(dir).filter((n) => n.startsWith(`${SETTINGS_FILE}.invalid-`));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(dir, aside[0] ?? ''), 'utf8')).toBe('{ not json');
  });
});

describe('governance:export and governance:import', () => {
  test('an export imported into another data folder gives the same policy', async () => {
    await router().dispatch(
      'governance:update',
      { policy: POLICY },
      { transport: 'electron', actor: { kind: 'local-user' } },
    );
    const exported = await router().dispatch(
      'governance:export',
      {},
      { transport: 'electron', actor: { kind: 'local-user' } },
    );
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    const first = dir;
    dir = mkdtempSync(path.join(tmpdir(), 'roost-governance-'));
    try {
      const imported = await router().dispatch(
        'governance:import',
        { json: (exported.value as { json: string }).json },
        { transport: 'electron', actor: { kind: 'local-user' } },
      );
      expect(imported.ok).toBe(true);
      if (imported.ok)
        expect((imported.value as GovernanceView).policy.orgDomains).toEqual([
          'brand.example',
          'shop.brand.example',
        ]);
      expect(loadBlockList(dir, shipped).domains.has('evil.example')).toBe(true);
    } finally {
      rmSync(first, { recursive: true, force: true });
    }
  });

  test('not JSON, or JSON that is not a policy, is refused and nothing is written', async () => {
    for (const json of [
      '{ nope',
      JSON.stringify({ format: 'roost-governance-policy', version: 1, policy: {} }),
    ]) {
      const result = await router().dispatch(
        'governance:import',
        { json },
        { transport: 'electron', actor: { kind: 'local-user' } },
      );
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid_input');
    }
    const badDomain = JSON.stringify({
      format: 'roost-governance-policy',
      version: 1,
      policy: { ...POLICY, blockList: 'evil.example\n%%%\n' },
    });
    const result = await router().dispatch(
      'governance:import',
      { json: badDomain },
      { transport: 'electron', actor: { kind: 'local-user' } },
    );
    expect(result.ok).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});

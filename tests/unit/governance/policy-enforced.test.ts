// A policy saved through governance:update is what main's guard gate enforces on the next post, with no
// restart: the gate reads the same files (real files in a temporary folder) on every check.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { governanceHandlers } from '../../../src-main/governance/governance-handlers.ts';
import { createRouter } from '../../../src-main/rpc/router.ts';
import { createClearanceBook } from '../../../src-main/publishing/clearances.ts';
import { createGuardGate } from '../../../src-main/publishing/guard-gate.ts';
import { loadBlockList, loadPublishingSettings } from '../../../src-main/publishing/publishing-settings.ts';
import { withOtherMethodsRefused } from '../../support/partial-handlers.ts';
import { account, post } from '../publishing/support/harness.ts';

let dir: string;
let shipped: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'roost-governance-'));
  shipped = mkdtempSync(path.join(tmpdir(), 'roost-shipped-'));
  writeFileSync(path.join(shipped, 'default.txt'), 'grabify.link\n');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(shipped, { recursive: true, force: true });
});

function setup() {
  const accounts = [account(1)];
  const router = createRouter(
    withOtherMethodsRefused(
      governanceHandlers({ dataDir: dir, accounts: () => accounts, shippedBlockLists: shipped }),
    ),
  );
  const gate = createGuardGate({
    accounts: () => accounts,
    recentPosts: () => [],
    settings: () => loadPublishingSettings(dir),
    blockList: () => loadBlockList(dir, shipped),
    clearances: createClearanceBook(),
    now: () => Date.parse('2026-03-02T12:00:00Z'),
    actor: 'tester',
  });
  const guardsFor = (text: string) => gate.preflight(post(text)).decisions.map((d) => d.guard);
  return { router, guardsFor };
}

describe('a saved policy is enforced at once', () => {
  test('organisation domain, own block list and blocked term apply to the next preflight', async () => {
    const { router, guardsFor } = setup();
    const text = 'Claim at https://brand-example-login.com/x and https://evil.example now, leak inside';
    expect(guardsFor(text)).not.toContain('link-lookalike');
    expect(guardsFor(text)).not.toContain('link-blocklist');
    expect(guardsFor(text)).not.toContain('blocked-term');

    const saved = await router.dispatch(
      'governance:update',
      {
        policy: {
          orgDomains: ['brand.example'],
          blockedTerms: ['leak'],
          quietHours: {},
          levels: {},
          blockList: 'evil.example\n',
        },
      },
      { transport: 'electron', actor: { kind: 'local-user' } },
    );
    expect(saved.ok).toBe(true);
    expect(guardsFor(text)).toEqual(
      expect.arrayContaining(['link-lookalike', 'link-blocklist', 'blocked-term']),
    );
  });
});

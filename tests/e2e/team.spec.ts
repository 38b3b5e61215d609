// The team in two desktops, end to end: a real team server (`src-server/main.ts`, a child process on a temp
// data folder, loopback) and two browser-mode desktops, each with its own private keyring (two computers).
// Desktop 1 joins with the owner invitation the server printed and invites an expert; desktop 2 joins by
// pasting that link and sees itself among the members; desktop 1 revokes the expert, and desktop 2 loses
// access within a second (measured from the click to the page saying so, and printed), its team cache is
// erased, and its next request is refused by the server.
import { mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { BrowserModeApp } from './support/browser-mode.ts';
import {
  join,
  joinAsOwner,
  openTeamSettings,
  startTeamServer,
  startTwoDesktops,
  type TeamServerProcess,
} from './support/team.ts';

let server: TeamServerProcess | null = null;
const desktops: BrowserModeApp[] = [];
let serverDir: string;

test.afterEach(async () => {
  for (const desktop of desktops.splice(0)) await desktop.stop();
  await server?.stop();
  rmSync(serverDir, { recursive: true, force: true });
});

test('an admin invites an expert, then revokes them: the expert’s desktop loses access within a second', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  serverDir = mkdtempSync(path.join(tmpdir(), 'roost-e2e-team-'));
  server = await startTeamServer(serverDir);
  const [one, two] = await startTwoDesktops();
  desktops.push(one, two);
  const admin = await (await browser.newContext()).newPage();
  const expert = await (await browser.newContext()).newPage();
  await joinAsOwner(admin, one, server);
  await expect(admin.getByTestId('team-role')).toHaveText('Owner');
  await expect(admin.getByTestId('team-server')).toHaveText(server.url);

  await admin.getByLabel('Role', { exact: true }).selectOption('expert');
  await admin.getByRole('button', { name: 'Create invitation' }).click();
  const linkField = admin.getByTestId('team-invitation-link');
  await expect(linkField).toHaveValue(/\/join#/);
  const invitation = await linkField.inputValue();

  await expert.goto(two.url);
  await openTeamSettings(expert);
  await join(expert, invitation, 'Ezra');
  await expect(expert.getByTestId('team-role')).toHaveText('Expert');
  await expect(expert.getByTestId('team-member').filter({ hasText: 'Ezra (you)' })).toBeVisible();
  // The admin's list follows the change feed: the expert appears without a reload.
  await expect(admin.getByTestId('team-member').filter({ hasText: 'Ezra' })).toBeVisible();

  // The expert's page notes, by its own clock, the moment it says access was revoked.
  await expert.evaluate(() => {
    const w = window as unknown as { revokedShownAt?: number };
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid="team-revoked"]')) {
        w.revokedShownAt = Date.now();
        observer.disconnect();
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  await admin.getByRole('button', { name: 'Revoke Ezra' }).click();
  const confirm = admin.getByRole('button', { name: 'Revoke Ezra', exact: true }).last();
  const clickedAt = Date.now();
  await confirm.click();
  await expect(expert.getByTestId('team-revoked')).toContainText('An admin removed you from the team');
  const shownAt = await expert.evaluate(
    () => (window as unknown as { revokedShownAt?: number }).revokedShownAt ?? 0,
  );
  const revokeMs = shownAt - clickedAt;
  console.log(`TEAM_E2E ${JSON.stringify({ revokeToDesktopMs: revokeMs })}`);
  expect(shownAt).toBeGreaterThan(0);
  expect(revokeMs).toBeLessThan(1_000);
  await expect(expert.getByTestId('team-revoked')).toContainText('could not be recalled');

  // Erased on disk, not only hidden: the expert desktop's team cache holds no record and no cursor.
  const cache = new DatabaseSync(path.join(two.dataDir, 'team', 'team-cache.sqlite'), { readOnly: true });
  try {
    expect(cache.prepare('SELECT COUNT(*) AS n FROM team_records').get()?.['n']).toBe(0);
    expect(cache.prepare('SELECT seq FROM team_cursor').get()?.['seq']).toBe(0);
  } finally {
    cache.close();
  }

  // The next request goes to the server with this desktop's key, and the server refuses it.
  await expert.getByRole('button', { name: 'Check with the server' }).click();
  await expect(expert.getByTestId('team-error')).toHaveAttribute('data-code', 'auth_failed');
  await expect(admin.getByTestId('team-member').filter({ hasText: 'Ezra' })).toContainText('revoked');
});

// The team in two desktops, end to end: a real team server (`src-server/main.ts`, a child process on a temp
// data folder, loopback) and two browser-mode desktops, each with its own private keyring (two computers).
// Desktop 1 joins with the owner invitation the server printed and invites an expert; desktop 2 joins by
// pasting that link and sees itself among the members; desktop 1 revokes the expert, and desktop 2 loses
// access within a second (measured from the click to the page saying so, and printed), its team cache is
// erased, and its next request is refused by the server.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startBrowserMode, type BrowserModeApp } from './support/browser-mode.ts';
import { openSection } from './support/ui.ts';

interface TeamServerProcess {
  readonly url: string;
  readonly ownerInvitation: string;
  stop(): Promise<void>;
}

async function startTeamServer(dataDir: string): Promise<TeamServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', 'src-server/main.ts', '--data', dataDir, '--port', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const info = await new Promise<{ url: string; ownerInvitation: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`team server did not start:\n${output}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('ROOST_TEAM_SERVER '));
      if (!line) return;
      clearTimeout(timer);
      resolve(
        JSON.parse(line.slice('ROOST_TEAM_SERVER '.length)) as { url: string; ownerInvitation: string },
      );
    });
    child.once('exit', (code) => reject(new Error(`team server exited (${code}):\n${output}`)));
  });
  return {
    ...info,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function openTeamSettings(page: Page): Promise<void> {
  await openSection(page, 'Settings');
  await page.getByTestId('settings-tab-team').click();
  await expect(page.getByTestId('team-settings')).toBeVisible();
}

async function join(page: Page, link: string, name: string): Promise<void> {
  await page.getByLabel('Invitation link').fill(link);
  await page.getByLabel('Your name in the team').fill(name);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByTestId('team-state')).toHaveAttribute('data-state', 'connected');
}

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
  // Two computers: each desktop has its own keychain (a private Secret Service), none of the caller's.
  const noSessionBus = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };
  const [one, two] = await Promise.all([
    startBrowserMode(noSessionBus, { args: ['--private-keyring'] }),
    startBrowserMode(noSessionBus, { args: ['--private-keyring'] }),
  ]);
  desktops.push(one, two);
  const admin = await (await browser.newContext()).newPage();
  const expert = await (await browser.newContext()).newPage();

  await admin.goto(one.url);
  await openTeamSettings(admin);
  await join(admin, server.ownerInvitation, 'Olive');
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

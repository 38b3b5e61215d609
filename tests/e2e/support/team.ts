// A real team server for end-to-end tests (`src-server/main.ts` as a child process on a temp data folder,
// loopback), and the steps every team test takes in Settings → Team.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AtpAgent } from '@atproto/api';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startBrowserMode, type BrowserModeApp } from './browser-mode.ts';
import { openSection } from './ui.ts';

export interface TeamServerProcess {
  readonly url: string;
  readonly ownerInvitation: string;
  stop(): Promise<void>;
}

/** `brandPollMs` shortens how often the server polls brand accounts for mentions (a minute by default). */
export async function startTeamServer(
  dataDir: string,
  options: { brandPollMs?: number } = {},
): Promise<TeamServerProcess> {
  const env = options.brandPollMs
    ? { ...process.env, ROOST_BRAND_POLL_MS: String(options.brandPollMs) }
    : process.env;
  const child: ChildProcess = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', 'src-server/main.ts', '--data', dataDir, '--port', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'], env },
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

export async function openTeamSettings(page: Page): Promise<void> {
  await openSection(page, 'Settings');
  await page.getByTestId('settings-tab-team').click();
  await expect(page.getByTestId('team-settings')).toBeVisible();
}

export async function join(page: Page, link: string, name: string): Promise<void> {
  await page.getByLabel('Invitation link').fill(link);
  await page.getByLabel('Your name in the team').fill(name);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByTestId('team-state')).toHaveAttribute('data-state', 'connected');
}

/** Two computers: each desktop has its own keychain (a private Secret Service), none of the caller's. */
export async function startTwoDesktops(): Promise<[BrowserModeApp, BrowserModeApp]> {
  const noSessionBus = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };
  return Promise.all([
    startBrowserMode(noSessionBus, { args: ['--private-keyring'] }),
    startBrowserMode(noSessionBus, { args: ['--private-keyring'] }),
  ]);
}

/** Opens Settings → Team on the first desktop and joins as the owner with the server's invitation. */
export async function joinAsOwner(
  page: Page,
  desktop: BrowserModeApp,
  server: TeamServerProcess,
): Promise<void> {
  await page.goto(desktop.url);
  await openTeamSettings(page);
  await join(page, server.ownerInvitation, 'Olive');
}

/** What a team test starts: stopped and removed after each test of the file that calls this. */
export interface TeamTestRun {
  server: TeamServerProcess | null;
  serverDir: string | null;
  readonly desktops: BrowserModeApp[];
}

export function cleanUpTeamTests(): TeamTestRun {
  const run: TeamTestRun = { server: null, serverDir: null, desktops: [] };
  test.afterEach(async () => {
    for (const desktop of run.desktops.splice(0)) await desktop.stop();
    await run.server?.stop();
    run.server = null;
    if (run.serverDir) rmSync(run.serverDir, { recursive: true, force: true });
    run.serverDir = null;
  });
  return run;
}

/** How many posts of `did` on its PDS have exactly `text` (the first 100 records). */
export async function postsWithText(pdsUrl: string, did: string, text: string): Promise<number> {
  const agent = new AtpAgent({ service: pdsUrl });
  const page = await agent.com.atproto.repo.listRecords({
    repo: did,
    collection: 'app.bsky.feed.post',
    limit: 100,
  });
  return page.data.records.filter((r) => (r.value as { text?: string }).text === text).length;
}

/** Connects a brand account from Settings → Team and returns its row once the server has it. */
export async function connectBrandAccount(
  page: Page,
  pdsUrl: string,
  account: { handle: string; appPassword: string },
): Promise<Locator> {
  const connect = page.getByTestId('team-brand-connect');
  await connect.getByLabel('Server').fill(pdsUrl);
  await connect.getByLabel('Handle').fill(account.handle);
  await connect.getByLabel('App password').fill(account.appPassword);
  await connect.getByRole('button', { name: 'Connect' }).click();
  const row = page.getByTestId('team-brand-account').filter({ hasText: `@${account.handle}` });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(connect.getByLabel('App password')).toHaveValue('');
  return row;
}

/** A team server on a temp folder and two desktops, all cleaned up by `run` after the test. */
export async function startTeam(
  run: TeamTestRun,
  name: string,
  options: { brandPollMs?: number } = {},
): Promise<{ server: TeamServerProcess; one: BrowserModeApp; two: BrowserModeApp }> {
  run.serverDir = mkdtempSync(path.join(tmpdir(), `roost-e2e-${name}-`));
  const server = await startTeamServer(run.serverDir, options);
  run.server = server;
  const [one, two] = await startTwoDesktops();
  run.desktops.push(one, two);
  return { server, one, two };
}

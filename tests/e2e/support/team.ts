// A real team server for end-to-end tests (`src-server/main.ts` as a child process on a temp data folder,
// loopback), and the steps every team test takes in Settings → Team.
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, type Page } from '@playwright/test';
import { startBrowserMode, type BrowserModeApp } from './browser-mode.ts';
import { openSection } from './ui.ts';

export interface TeamServerProcess {
  readonly url: string;
  readonly ownerInvitation: string;
  stop(): Promise<void>;
}

export async function startTeamServer(dataDir: string): Promise<TeamServerProcess> {
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

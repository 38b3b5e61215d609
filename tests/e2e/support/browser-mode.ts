// Starts Roost in browser mode as a child process (the same command users run) on a fresh data folder,
// and stops it afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface BrowserModeApp {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly token: string;
  readonly output: () => string;
  /** Stops main; `keepData` leaves the data folder for a restart. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export interface BrowserModeOptions {
  /** Restart on an existing data folder, port and token (main restarted behind an open page). */
  readonly dataDir?: string;
  readonly port?: number;
  readonly token?: string;
  /** More command-line options, e.g. `--private-keyring`. */
  readonly args?: readonly string[];
}

export async function startBrowserMode(
  env: NodeJS.ProcessEnv = {},
  options: BrowserModeOptions = {},
): Promise<BrowserModeApp> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'roost-e2e-'));
  const extra = [...(options.port ? ['--port', String(options.port)] : []), ...(options.args ?? [])];
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--disable-warning=ExperimentalWarning',
      'src-main/browser/browser-mode.ts',
      '--data-dir',
      dataDir,
      ...extra,
    ],
    // The token goes through the environment: the command line is readable by every local user.
    {
      env: { ...process.env, ...env, ...(options.token ? { ROOST_BROWSER_TOKEN: options.token } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const info = await new Promise<{ url: string; port: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 30_000);
    const check = (): void => {
      const line = output.split('\n').find((l) => l.startsWith('ROOST_BROWSER_MODE '));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice('ROOST_BROWSER_MODE '.length)) as { url: string; port: number });
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`browser mode exited (${code}):\n${output}`)));
  });
  return {
    ...info,
    dataDir,
    token: new URL(info.url).hash.replace('#token=', ''),
    output: () => output,
    async stop({ keepData = false } = {}) {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

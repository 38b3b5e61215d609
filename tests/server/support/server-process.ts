// Runs `src-server/main.ts` as a child process, as `./roost server` does, and reads its machine-readable line.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../../src-server/main.ts', import.meta.url));

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly port: number;
  readonly ownerInvitation: string | null;
  /** Resolves when the process has exited. */
  readonly exited: Promise<void>;
}

export function spawnTeamServer(
  dataDir: string,
  port: number,
  extraArgs: string[] = [],
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', MAIN, '--data', dataDir, '--port', String(port), ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('ROOST_TEAM_SERVER '));
      if (!line) return;
      const info = JSON.parse(line.slice('ROOST_TEAM_SERVER '.length)) as {
        url: string;
        port: number;
        ownerInvitation: string | null;
      };
      resolve({ child, exited, ...info });
    });
    child.once('exit', (code) =>
      reject(new Error(`team server exited (${code}) before it was ready: ${err}${out}`)),
    );
  });
}

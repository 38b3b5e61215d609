// Browser mode's fixed token comes from ROOST_BROWSER_TOKEN or standard input, never from argv, which any
// local user can read in /proc/PID/cmdline. The last tests run the real `npm run browser` script.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { LaunchTokenError, TOKEN_ENV_VAR, readLaunchToken } from '../../../src-main/browser/launch-token.ts';

const TOKEN = `-${'Zx9_'.repeat(10)}-end`;
const noStdin = Readable.from([]);

describe('readLaunchToken', () => {
  it('takes the token from the environment and removes it there, so no child inherits it', async () => {
    const env: NodeJS.ProcessEnv = { [TOKEN_ENV_VAR]: TOKEN };
    expect(await readLaunchToken({ env, fromStdin: false, stdin: noStdin })).toBe(TOKEN);
    expect(env[TOKEN_ENV_VAR]).toBeUndefined();
  });

  it('takes the first line of standard input with --token-stdin', async () => {
    const stdin = Readable.from([TOKEN.slice(0, 10), `${TOKEN.slice(10)}\nignored\n`]);
    expect(await readLaunchToken({ env: {}, fromStdin: true, stdin })).toBe(TOKEN);
  });

  it('leaves the choice to the host when no token is given', async () => {
    expect(await readLaunchToken({ env: {}, fromStdin: false, stdin: noStdin })).toBeUndefined();
  });

  it.each([
    ['too short', { [TOKEN_ENV_VAR]: 'short' }, false, ''],
    ['a space', { [TOKEN_ENV_VAR]: `${TOKEN} x` }, false, ''],
    ['empty stdin', {}, true, ''],
    ['both sources', { [TOKEN_ENV_VAR]: TOKEN }, true, `${TOKEN}\n`],
  ])('refuses %s with a clear error', async (_name, env, fromStdin, input) => {
    const stdin = Readable.from(input ? [input] : []);
    await expect(readLaunchToken({ env, fromStdin, stdin })).rejects.toBeInstanceOf(LaunchTokenError);
  });
});

describe('browser mode launched with a token', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function launch(args: string[], env: NodeJS.ProcessEnv, stdinText?: string) {
    dir = mkdtempSync(path.join(tmpdir(), 'roost-token-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Roost</title>');
    const child = spawn(
      process.execPath,
      [
        '--disable-warning=ExperimentalWarning',
        'src-main/browser/browser-mode.ts',
        '--static-dir',
        dir,
        '--data-dir',
        path.join(dir, 'data'),
        ...args,
      ],
      { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    if (stdinText !== undefined) child.stdin.end(stdinText);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const started = new Promise<{ url: string }>((resolve, reject) => {
      child.stdout.on('data', () => {
        const line = output.split('\n').find((l) => l.startsWith('ROOST_BROWSER_MODE '));
        if (line) resolve(JSON.parse(line.slice('ROOST_BROWSER_MODE '.length)) as { url: string });
      });
      void exited.then((code) => reject(new Error(`exited ${code}: ${output}`)));
    });
    started.catch(() => undefined);
    return { child, exited, started, output: () => output };
  }

  it('refuses --token on the command line and says where to put it instead', async () => {
    const run = launch([`--token=${TOKEN}`], {});
    try {
      const notRefused = new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 15_000));
      expect(await Promise.race([run.exited, notRefused])).toBe(1);
      expect(run.output()).toContain(TOKEN_ENV_VAR);
      expect(run.output()).toContain('--token-stdin');
    } finally {
      run.child.kill('SIGTERM');
    }
  }, 30_000);

  it.each([
    ['the environment', [], { [TOKEN_ENV_VAR]: TOKEN }, undefined],
    ['standard input', ['--token-stdin'], {}, `${TOKEN}\n`],
  ])(
    'uses a token from %s, and it appears nowhere in its command line',
    async (_from, args, env, stdinText) => {
      const run = launch(args, env, stdinText);
      try {
        const { url } = await run.started;
        expect(new URL(url).hash).toBe(`#token=${TOKEN}`);
        const cmdline = readFileSync(`/proc/${run.child.pid}/cmdline`, 'utf8');
        expect(cmdline).toContain('browser-mode.ts');
        expect(cmdline).not.toContain(TOKEN);
      } finally {
        run.child.kill('SIGTERM');
        await run.exited;
      }
    },
    60_000,
  );
});

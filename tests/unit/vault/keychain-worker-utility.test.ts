// The keychain worker also speaks Electron's utility-process channel (`process.parentPort`), which the
// packaged app uses since its runAsNode fuse forbids forking Electron as Node. Electron cannot run here, so a
// shim provides parentPort over stdio; with no D-Bus session the real keyring library answers `unavailable`.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { keychainWorkerPath } from '../../../src-main/vault/secret-service-keychain.ts';

const shim = fileURLToPath(new URL('./support/parent-port-shim.ts', import.meta.url));

it('answers requests that arrive through process.parentPort, and replies the same way', async () => {
  const env = { ...process.env };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  const child = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', '--import', shim, keychainWorkerPath()],
    { env: { ...env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/roost-test-bus' }, stdio: 'pipe' },
  );
  try {
    const reply = new Promise<unknown>((resolve) =>
      createInterface({ input: child.stdout }).once('line', (line) => resolve(JSON.parse(line))),
    );
    child.stdin.write(`${JSON.stringify({ id: 7, request: { op: 'status', service: 'app.roost.test' } })}\n`);
    const answered = await Promise.race([
      reply,
      new Promise((resolve) => setTimeout(() => resolve('no answer'), 10_000)),
    ]);
    expect(answered).toMatchObject({ id: 7, result: { state: 'unavailable' } });
  } finally {
    child.kill('SIGKILL');
  }
}, 20_000);

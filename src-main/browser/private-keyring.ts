// `--private-keyring` for browser mode: a throwaway Secret Service for this run only — a private D-Bus
// session bus and a gnome-keyring unlocked with a random password, both in a temporary folder that is
// removed on stop. For demos and headless machines; every secret stored in it vanishes when Roost stops.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const READY_TIMEOUT_MS = 10_000;

export interface PrivateKeyring {
  /** The environment the keychain worker needs to reach this keyring (and no other). */
  readonly env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

export class PrivateKeyringError extends Error {
  override name = 'PrivateKeyringError';
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const done = await Promise.race([exited(child).then(() => true), sleep(2_000).then(() => false)]);
  if (!done) child.kill('SIGKILL');
  await exited(child);
}

/** The bus address dbus-daemon prints on its first line. */
function readAddress(bus: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new PrivateKeyringError('dbus-daemon printed no address')), 5_000);
    bus.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const line = text.split('\n')[0];
      if (text.includes('\n') && line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    bus.once('error', (error) => {
      clearTimeout(timer);
      reject(new PrivateKeyringError(`dbus-daemon could not start: ${error.message}`));
    });
  });
}

function hasSecretsOwner(env: NodeJS.ProcessEnv): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = spawn(
      'dbus-send',
      [
        '--session',
        '--print-reply',
        '--dest=org.freedesktop.DBus',
        '/org/freedesktop/DBus',
        'org.freedesktop.DBus.NameHasOwner',
        'string:org.freedesktop.secrets',
      ],
      { env, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    let out = '';
    probe.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    probe.once('error', () => resolve(false));
    probe.once('exit', () => resolve(out.includes('boolean true')));
  });
}

export async function startPrivateKeyring(): Promise<PrivateKeyring> {
  const dir = mkdtempSync(path.join(tmpdir(), 'roost-private-keyring-'));
  const children: ChildProcess[] = [];
  const stop = async (): Promise<void> => {
    for (const child of children.reverse()) await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    mkdirSync(path.join(dir, 'share'));
    mkdirSync(path.join(dir, 'run'), { mode: 0o700 });
    const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    children.push(bus);
    const address = await readAddress(bus);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DBUS_SESSION_BUS_ADDRESS: address,
      XDG_DATA_HOME: path.join(dir, 'share'),
      XDG_RUNTIME_DIR: path.join(dir, 'run'),
    };
    // Without a display a locked keyring cannot open a password prompt that would wait forever.
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    // Foreground, so its PID is ours to stop; the daemonising form returns before the name is on the bus.
    const keyring = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
      env,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    children.push(keyring);
    const failedToSpawn = new Promise<never>((_, reject) =>
      keyring.once('error', (error) =>
        reject(new PrivateKeyringError(`gnome-keyring-daemon could not start: ${error.message}`)),
      ),
    );
    keyring.stdin?.end(randomBytes(24).toString('base64url'));
    const deadline = Date.now() + READY_TIMEOUT_MS;
    const ready = (async () => {
      while (!(await hasSecretsOwner(env))) {
        if (keyring.exitCode !== null || Date.now() > deadline)
          throw new PrivateKeyringError('gnome-keyring did not appear on the private bus');
        await sleep(100);
      }
    })();
    await Promise.race([ready, failedToSpawn]);
    return { env, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

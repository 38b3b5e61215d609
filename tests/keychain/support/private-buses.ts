// Private D-Bus buses for the keychain failure modes: one with no Secret Service at all, and one with its own
// gnome-keyring that a test may lock without disturbing the keyring the other tests share.
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

// No <servicedir>: nothing can be activated, so org.freedesktop.secrets has no provider.
const BARE_BUS_CONFIG = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy>
</busconfig>
`;

export interface PrivateBus {
  readonly address: string;
  stop(): Promise<void>;
}

export async function startBareBus(): Promise<PrivateBus> {
  const dir = await mkdtemp(join(tmpdir(), 'roost-bare-bus-'));
  const config = join(dir, 'bus.conf');
  await writeFile(config, BARE_BUS_CONFIG);
  return startBus(['--config-file', config], process.env, dir);
}

async function startBus(configArgs: string[], env: NodeJS.ProcessEnv, dir: string): Promise<PrivateBus> {
  const bus = spawn('dbus-daemon', [...configArgs, '--nofork', '--print-address=1'], {
    env,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const address = await firstLine(bus);
  return {
    address,
    async stop() {
      await kill(bus);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface PrivateKeyring {
  readonly address: string;
  /** Locks the default collection over D-Bus, the way a screen lock or `secret-tool lock` would. */
  lock(): Promise<void>;
  isLocked(): Promise<boolean>;
  /** Restarts the daemon with the login password: the collection on disk comes back unlocked. */
  restartUnlocked(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPrivateKeyring(): Promise<PrivateKeyring> {
  const dir = await mkdtemp(join(tmpdir(), 'roost-private-keyring-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: dir,
    XDG_DATA_HOME: join(dir, 'share'),
    XDG_RUNTIME_DIR: join(dir, 'run'),
  };
  await mkdir(join(dir, 'share'), { recursive: true });
  await mkdir(join(dir, 'run'), { recursive: true, mode: 0o700 });
  // The ordinary session configuration, so an unlock prompt is attempted (and fails headless) as on a desktop.
  const bus = await startBus(['--session'], env, dir);
  const daemonEnv = { ...env, DBUS_SESSION_BUS_ADDRESS: bus.address };
  const password = 'private-keyring-pass';
  let daemon = await startDaemon(daemonEnv, password);

  const send = (args: string[]) =>
    run('dbus-send', ['--session', '--print-reply', ...args], { env: daemonEnv, timeout: 5_000 });
  const collection = async (): Promise<string> => {
    const { stdout } = await send([
      '--dest=org.freedesktop.secrets',
      '/org/freedesktop/secrets',
      'org.freedesktop.Secret.Service.ReadAlias',
      'string:default',
    ]);
    const path = /object path "([^"]+)"/.exec(stdout)?.[1];
    if (!path || path === '/') throw new Error('the private keyring has no default collection');
    return path;
  };

  return {
    address: bus.address,
    async lock() {
      await send([
        '--dest=org.freedesktop.secrets',
        '/org/freedesktop/secrets',
        'org.freedesktop.Secret.Service.Lock',
        `array:objpath:${await collection()}`,
      ]);
    },
    async isLocked() {
      const { stdout } = await send([
        '--dest=org.freedesktop.secrets',
        await collection(),
        'org.freedesktop.DBus.Properties.Get',
        'string:org.freedesktop.Secret.Collection',
        'string:Locked',
      ]);
      return /boolean true/.test(stdout);
    },
    async restartUnlocked() {
      await kill(daemon);
      daemon = await startDaemon(daemonEnv, password);
    },
    async stop() {
      await kill(daemon);
      await bus.stop();
    },
  };
}

async function startDaemon(env: NodeJS.ProcessEnv, password: string): Promise<ChildProcess> {
  const daemon = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
    env,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  daemon.stdin?.end(password);
  for (let attempt = 0; attempt < 100; attempt++) {
    const { stdout } = await run(
      'dbus-send',
      [
        '--session',
        '--print-reply',
        '--dest=org.freedesktop.DBus',
        '/org/freedesktop/DBus',
        'org.freedesktop.DBus.NameHasOwner',
        'string:org.freedesktop.secrets',
      ],
      { env, timeout: 5_000 },
    );
    if (/boolean true/.test(stdout)) return daemon;
    if (daemon.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await kill(daemon);
  throw new Error('gnome-keyring-daemon did not take org.freedesktop.secrets on the private bus');
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const newline = buffered.indexOf('\n');
      if (newline >= 0) resolve(buffered.slice(0, newline).trim());
    });
    child.once('exit', (code) => reject(new Error(`dbus-daemon exited early (code ${code})`)));
    child.once('error', reject);
  });
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

// The Keychain on the OS Secret Service (gnome-keyring, KWallet, KeePassXC), through @napi-rs/keyring running
// in a long-lived child process that is killed and respawned when a call exceeds its timeout.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { assertValidKey } from './keychain.ts';
import type { Keychain } from './keychain.ts';
import { createWorkerClient } from './worker-client.ts';
import type { LaunchWorker, WorkerChannel } from './worker-client.ts';
import type { Timers } from '../runtime/timing.ts';

export const DEFAULT_KEYCHAIN_TIMEOUT_MS = 5_000;
/** status() reads (and on first use writes) a probe entry under this service. */
export const STATUS_PROBE_SERVICE = 'app.roost.keychain-status';

export interface SecretServiceKeychainOptions {
  /** Hard limit per call; the worker is killed when a call exceeds it. */
  readonly timeoutMs?: number;
  /** Environment of the worker (DBUS_SESSION_BUS_ADDRESS decides which Secret Service it talks to). */
  readonly env?: NodeJS.ProcessEnv;
  /** Replaces the forked Node worker, e.g. with an Electron utility process. */
  readonly launch?: LaunchWorker;
  readonly timers?: Timers;
}

export function createSecretServiceKeychain(options: SecretServiceKeychainOptions = {}): Keychain {
  const client = createWorkerClient({
    launch: options.launch ?? (() => forkKeychainWorker({ env: options.env ?? process.env })),
    timeoutMs: options.timeoutMs ?? DEFAULT_KEYCHAIN_TIMEOUT_MS,
    ...(options.timers ? { timers: options.timers } : {}),
  });
  return {
    async getPassword(service, account) {
      assertValidKey(service, account);
      return client.call({ op: 'get', service, account });
    },
    async setPassword(service, account, password) {
      assertValidKey(service, account);
      if (typeof password !== 'string') throw new TypeError('keychain password must be a string');
      return client.call({ op: 'set', service, account, password });
    },
    async deletePassword(service, account) {
      assertValidKey(service, account);
      return client.call({ op: 'delete', service, account });
    },
    async findCredentials(service) {
      assertValidKey(service);
      return client.call({ op: 'find', service });
    },
    status() {
      return client.call({ op: 'status', service: STATUS_PROBE_SERVICE });
    },
    async stop() {
      client.stop();
    },
  };
}

/** Path of the worker entry next to this module: .ts when run from source (Node 22 strips types), .js when built. */
export function keychainWorkerPath(): string {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return fileURLToPath(new URL(`./keychain-worker${extension}`, import.meta.url));
}

export interface ForkWorkerOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly workerPath?: string;
  /** Called with the child's PID once it is started (diagnostics and tests). */
  readonly onSpawn?: (pid: number | undefined) => void;
}

export function forkKeychainWorker(options: ForkWorkerOptions): WorkerChannel {
  const child = fork(options.workerPath ?? keychainWorkerPath(), [], {
    env: options.env,
    // The parent's flags (test runners, inspectors) are not the worker's business.
    execArgv: ['--disable-warning=ExperimentalWarning'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'json',
  });
  options.onSpawn?.(child.pid);
  const exitListeners: ((reason: string) => void)[] = [];
  let exited = false;
  const reportExit = (reason: string): void => {
    if (exited) return;
    exited = true;
    for (const listener of exitListeners) listener(reason);
  };
  child.on('exit', (code, signal) => reportExit(signal ?? `exit code ${code ?? 'unknown'}`));
  child.on('error', (error) => {
    reportExit(`process error: ${error.message}`);
    child.kill('SIGKILL');
  });
  return {
    send(message) {
      child.send(message);
    },
    onMessage(listener) {
      child.on('message', listener);
    },
    onExit(listener) {
      exitListeners.push(listener);
    },
    kill() {
      child.kill('SIGKILL');
    },
    setKeepAlive(keepAlive) {
      if (keepAlive) {
        child.ref();
        child.channel?.ref();
      } else {
        child.unref();
        child.channel?.unref();
      }
    },
  };
}

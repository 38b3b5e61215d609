// Starts the Roost sandbox: a real local Bluesky network seeded with demo accounts, plus its control endpoint.
// Usage: node tests/sandbox/start.ts [--traffic=N] [--watch-stdin]. The last stdout line is `ROOST_SANDBOX {json}`.
import type { SandboxInfo } from '../support/sandbox-client.ts';
import {
  removeSandboxDiscovery,
  sandboxDiscoveryPath,
  writeSandboxDiscovery,
} from '../../src-main/sandbox/sandbox-discovery.ts';
import { SandboxActions } from './actions.ts';
import { startControlServer } from './control-server.ts';
import { startNetwork } from './network.ts';
import { startPostgres } from './postgres.ts';
import { BRAND_HANDLE, BRAND_TAG, seedDemo } from './seed.ts';
import { startTraffic } from './traffic.ts';

const SHUTDOWN_DEADLINE_MS = 30_000;

interface Options {
  traffic: number;
  watchStdin: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { traffic: 0, watchStdin: false };
  for (const arg of argv) {
    const traffic = /^--traffic=(\d+(?:\.\d+)?)$/.exec(arg);
    if (traffic) options.traffic = Number(traffic[1]);
    else if (arg === '--watch-stdin') options.watchStdin = true;
    else throw new Error(`Unknown argument ${arg}. Usage: start.ts [--traffic=N] [--watch-stdin]`);
  }
  return options;
}

const log = (line: string): void => void process.stderr.write(line + '\n');
// Undone in reverse order on shutdown; each step is pushed as soon as the thing it undoes exists.
const cleanups: Array<() => unknown> = [];
let shuttingDown = false;

async function start(options: Options): Promise<SandboxInfo> {
  const startedAt = performance.now();
  let dbPostgresUrl = process.env.DB_POSTGRES_URL;
  if (!dbPostgresUrl) {
    const cluster = await startPostgres();
    cleanups.push(() => cluster.stop());
    dbPostgresUrl = cluster.url;
  }
  const sandbox = await startNetwork({
    dbPostgresUrl,
    dropSchemasOnClose: Boolean(process.env.DB_POSTGRES_URL),
  });
  cleanups.push(() => sandbox.close());
  const { network } = sandbox;
  const networkReadyAt = performance.now();

  const actions = new SandboxActions(network);
  const accounts = await seedDemo(actions);
  const control = await startControlServer(actions);
  cleanups.push(() => control.close());

  if (options.traffic > 0) {
    const traffic = startTraffic(actions, {
      rate: options.traffic,
      brandHandle: BRAND_HANDLE,
      tag: BRAND_TAG,
      authors: accounts.map((a) => a.handle).filter((h) => h !== BRAND_HANDLE),
      log,
    });
    cleanups.push(() => traffic.stop());
  }

  // Lets a Roost on this machine offer the sandbox's brand account on its welcome screen.
  const brand = accounts.find((a) => a.handle === BRAND_HANDLE);
  if (brand) {
    const discoveryFile = sandboxDiscoveryPath();
    writeSandboxDiscovery(discoveryFile, {
      version: 1,
      pid: process.pid,
      pdsUrl: network.pds.url,
      brand: { handle: brand.handle, displayName: brand.displayName, appPassword: brand.appPassword },
    });
    cleanups.push(() => removeSandboxDiscovery(discoveryFile, process.pid));
    log(`sandbox: discoverable through ${discoveryFile}`);
  }

  const seconds = (ms: number): string => (ms / 1000).toFixed(1);
  log(
    `sandbox: network up in ${seconds(networkReadyAt - startedAt)} s, seeded in ` +
      `${seconds(performance.now() - networkReadyAt)} s, RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`,
  );
  return {
    pdsUrl: network.pds.url,
    appviewUrl: network.bsky.url,
    plcUrl: network.plc.url,
    controlUrl: control.url,
    accounts,
  };
}

function summary(info: SandboxInfo, options: Options): string {
  const width = Math.max(...info.accounts.map((a) => a.handle.length));
  return [
    'Roost sandbox: a local Bluesky network is running.',
    `  PDS (sign in here)  ${info.pdsUrl}`,
    `  AppView             ${info.appviewUrl}`,
    `  PLC directory       ${info.plcUrl}`,
    `  Control endpoint    ${info.controlUrl}`,
    options.traffic > 0 ? `  Traffic             ${options.traffic} actions/s around @${BRAND_HANDLE}` : '',
    '',
    '  Accounts (handle, app password, display name):',
    ...info.accounts.map((a) => `    ${a.handle.padEnd(width)}  ${a.appPassword}  ${a.displayName}`),
    '',
    'Press Ctrl+C to stop; everything is removed on exit.',
  ]
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n');
}

async function shutdown(reason: string, code: number): Promise<never> {
  if (shuttingDown) return new Promise<never>(() => undefined);
  shuttingDown = true;
  log(`sandbox: stopping (${reason})`);
  const deadline = setTimeout(() => {
    log('sandbox: shutdown took too long, exiting anyway');
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS);
  const startedAt = performance.now();
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      log(`sandbox: cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
      code = code || 1;
    }
  }
  clearTimeout(deadline);
  log(`sandbox: stopped in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  process.exit(code);
}

const options = parseArgs(process.argv.slice(2));
const startup = start(options);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  // Let startup settle first so that whatever it was creating is registered and cleaned up too.
  process.on(signal, () => void startup.finally(() => shutdown(signal, 0)).catch(() => undefined));
}
if (options.watchStdin) {
  // A parent that dies without signalling us (a crashed test runner) still closes our stdin.
  process.stdin.on(
    'end',
    () => void startup.finally(() => shutdown('stdin closed', 0)).catch(() => undefined),
  );
  process.stdin.resume();
}
try {
  const info = await startup;
  if (!shuttingDown) {
    process.stdout.write(summary(info, options) + '\n');
    process.stdout.write(`ROOST_SANDBOX ${JSON.stringify(info)}\n`);
  }
} catch (error) {
  log(`sandbox: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await shutdown('start failed', 1);
}

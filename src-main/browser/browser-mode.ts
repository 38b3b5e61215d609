// `npm run browser`: runs main's services under plain Node and serves the renderer to any Chromium on
// 127.0.0.1, for machines without Electron, for end-to-end tests and for demos.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import { startBrowserHost } from './browser-host.ts';
import { ARGV_TOKEN_REFUSED, LaunchTokenError, readLaunchToken } from './launch-token.ts';
import { startPrivateKeyring, type PrivateKeyring } from './private-keyring.ts';
import type { MainServices } from '../app/types.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string', default: path.join(root, '.roost-data') },
    'static-dir': { type: 'string', default: path.join(root, 'dist/renderer') },
    // Restarting main behind an open page keeps its address working only with the same port and token,
    // which comes from ROOST_BROWSER_TOKEN or standard input (see launch-token.ts).
    'token-stdin': { type: 'boolean', default: false },
    // Still parsed, only to refuse it with a reason instead of "unknown option".
    token: { type: 'string' },
    // A throwaway Secret Service for this run only, for demos and machines without a keyring.
    'private-keyring': { type: 'boolean', default: false },
  },
});

if (values.token !== undefined) {
  console.error(ARGV_TOKEN_REFUSED);
  process.exit(1);
}
let token: string | undefined;
try {
  token = await readLaunchToken({ env: process.env, fromStdin: values['token-stdin'], stdin: process.stdin });
} catch (error) {
  if (!(error instanceof LaunchTokenError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const staticDir = path.resolve(values['static-dir']);
if (!existsSync(path.join(staticDir, 'index.html'))) {
  console.error(`No built renderer in ${staticDir}. Run "npm run build:renderer" first.`);
  process.exit(1);
}
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
let privateKeyring: PrivateKeyring | null = null;
if (values['private-keyring']) {
  try {
    privateKeyring = await startPrivateKeyring();
  } catch (error) {
    console.error(
      'Could not start a private keyring:',
      error instanceof Error ? error.message : error,
      '\nIt needs dbus-daemon and gnome-keyring-daemon (apt-get install dbus dbus-bin gnome-keyring).',
    );
    process.exit(1);
  }
  console.log('Private keyring: secrets added in this run are stored in memory and vanish when Roost stops.');
}
// The page is served while the services load (they pull in every connector), so the first paint does
// not wait for them; requests from the page wait instead. Compiling their modules keeps this thread busy
// for a second or two, so they start loading once the page connects (its files are served by then), or
// after a short delay when no page is open, so polling and scheduled posts run without one.
const SERVICES_START_DELAY_MS = 1_500;
let servicesLoaded: (value: Promise<MainServices>) => void = () => undefined;
const services = new Promise<MainServices>((resolve) => (servicesLoaded = resolve));
services.catch(async (error: unknown) => {
  console.error('Roost could not start its services:', error instanceof Error ? error.message : error);
  await privateKeyring?.stop();
  process.exit(1);
});
let servicesStarting = false;
function startServices(): void {
  if (servicesStarting) return;
  servicesStarting = true;
  servicesLoaded(
    import('../app/main-services.ts').then(({ startMainServices }) =>
      startMainServices({
        dataDir: path.resolve(values['data-dir']),
        mode: 'browser',
        version,
        ...(privateKeyring ? { privateKeyringEnv: privateKeyring.env } : {}),
      }),
    ),
  );
}
const host = await startBrowserHost({
  services,
  staticDir,
  port: Number(values.port),
  ...(token ? { token } : {}),
  onFirstConnection: startServices,
});
setTimeout(startServices, SERVICES_START_DELAY_MS);

// The last line is machine-readable so tests and benchmarks can find the address.
console.log(`Roost is running in browser mode. Open this address in Chromium:\n  ${host.url}`);
console.log(`ROOST_BROWSER_MODE ${JSON.stringify({ url: host.url, port: host.port })}`);

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await host.stop();
  await (await services).stop();
  await privateKeyring?.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());

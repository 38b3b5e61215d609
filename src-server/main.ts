// `./roost server`: runs the team server in the foreground. The last line it prints on start is
// machine-readable (ROOST_TEAM_SERVER {...}) for scripts and tests.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ListenPolicyError } from './listen-policy.ts';
import { startTeamServer } from './team-server.ts';
import { createSecretServiceKeychain } from '../src-main/vault/secret-service-keychain.ts';

const USAGE = `Usage: roost server [--data DIR] [--host ADDRESS] [--port N] [--tls-cert FILE --tls-key FILE]
                    [--database postgres://USER@HOST:PORT/DB]`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let values: Record<string, string | undefined>;
try {
  values = parseArgs({
    options: {
      data: { type: 'string', default: '.roost-team' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '7420' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      database: { type: 'string' },
    },
  }).values;
} catch (error) {
  fail((error as Error).message);
}

const port = Number(values['port']);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be 0–65535, not "${values['port']}"`);
const certPath = values['tls-cert'];
const keyPath = values['tls-key'];
if ((certPath === undefined) !== (keyPath === undefined)) fail('--tls-cert and --tls-key go together');
const dataDir = path.resolve(values['data'] ?? '.roost-team');
const database = values['database'];
if (database !== undefined && !/^postgres(ql)?:\/\//.test(database))
  fail('--database takes a postgres:// or postgresql:// URL; without it the team lives in SQLite in --data');
// Tests shorten how often brand accounts are polled for mentions (the default is a minute).
const pollText = process.env['ROOST_BRAND_POLL_MS'];
const brandPollIntervalMs = pollText === undefined ? undefined : Number(pollText);
if (
  brandPollIntervalMs !== undefined &&
  !(Number.isInteger(brandPollIntervalMs) && brandPollIntervalMs >= 500)
)
  fail(`ROOST_BRAND_POLL_MS must be a whole number of milliseconds, at least 500, not "${pollText}"`);

// The host's Secret Service holds the brand-account key when there is one; otherwise a 0600 file (with a warning).
const keychain = createSecretServiceKeychain();
try {
  const server = await startTeamServer({
    dataDir,
    keychain,
    host: values['host'] ?? '127.0.0.1',
    port,
    ...(database ? { database } : {}),
    ...(brandPollIntervalMs ? { brandPollIntervalMs } : {}),
    ...(certPath && keyPath ? { tls: { certPath, keyPath } } : {}),
  });
  const where = database ? `PostgreSQL, key in ${dataDir}` : `data in ${dataDir}`;
  console.log(`Roost team server listening on ${server.url} (${where})`);
  if (server.ownerInvitation) {
    console.log(
      'The team has no owner yet. Open this single-use owner invitation in Roost (Settings → Team):',
    );
    console.log(`  ${server.ownerInvitation}`);
  }
  console.log(`Brand-account credentials are encrypted with a key kept in the ${server.brandKeyLocation}.`);
  console.log(
    `ROOST_TEAM_SERVER ${JSON.stringify({ url: server.url, port: server.port, ownerInvitation: server.ownerInvitation })}`,
  );
  const shutdown = () =>
    void server
      .stop()
      .then(() => keychain.stop())
      .then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (error) {
  if (error instanceof ListenPolicyError) fail(error.message);
  throw error;
}

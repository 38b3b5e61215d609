// Starts one @atproto/dev-env TestNetwork (PLC, PDS, AppView, Ozone) with explicit ports, a private temp
// folder and its own Postgres schemas, and removes all of them again on close.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestNetwork } from '@atproto/dev-env';
import { freePort } from './free-port.ts';
import { dropSchemas } from './postgres.ts';

export interface SandboxNetwork {
  network: TestNetwork;
  close(): Promise<void>;
}

export interface NetworkOptions {
  dbPostgresUrl: string;
  /** Drop the network's schemas on close; pointless when the whole cluster is thrown away. */
  dropSchemasOnClose: boolean;
}

// Two networks created at once in one process corrupt each other, so creation is serialised.
let creating: Promise<unknown> = Promise.resolve();

export function startNetwork(options: NetworkOptions): Promise<SandboxNetwork> {
  const next = creating.then(() => create(options));
  creating = next.catch(() => undefined);
  return next;
}

async function distinctPorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

function randomSchema(): string {
  // Letters only: dev-env builds schema names from it, and anything else breaks its migrations.
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let suffix = '';
  for (let i = 0; i < 10; i++) suffix += letters[Math.floor(Math.random() * letters.length)];
  return `roost_${suffix}`;
}

async function create(options: NetworkOptions): Promise<SandboxNetwork> {
  // The PDS puts its SQLite files and blobs under os.tmpdir() and never removes them: give it a folder we own.
  const tempRoot = await mkdtemp(join(tmpdir(), 'roost-sandbox-'));
  process.env.TMPDIR = tempRoot;
  // dev-env 0.6.7 asserts REDIS_HOST is set, yet no service it starts connects to Redis (the AppView's
  // config ignores redisHost; the PDS only uses Redis when redisScratchAddress is set), so none is started.
  process.env.REDIS_HOST ??= '127.0.0.1:6379';
  const schema = randomSchema();
  const [plcPort, pdsPort, bskyPort, ozonePort] = (await distinctPorts(4)) as [
    number,
    number,
    number,
    number,
  ];
  const appviewUrl = `http://localhost:${bskyPort}`;
  let network: TestNetwork;
  try {
    network = await TestNetwork.create({
      dbPostgresUrl: options.dbPostgresUrl,
      dbPostgresSchema: schema,
      plc: { port: plcPort },
      pds: { port: pdsPort },
      // Image URLs in views then point at this AppView's own /img/ route (which setting a cdnUrl would turn off).
      bsky: { port: bskyPort, publicUrl: appviewUrl },
      ozone: { port: ozonePort },
    });
  } catch (error) {
    await cleanUp(options, schema, tempRoot);
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    network,
    close() {
      closing ??= network.close().finally(() => cleanUp(options, schema, tempRoot));
      return closing;
    },
  };
}

async function cleanUp(options: NetworkOptions, schema: string, tempRoot: string): Promise<void> {
  try {
    if (options.dropSchemasOnClose) {
      await dropSchemas(options.dbPostgresUrl, [`appview_${schema}`, `bsync_${schema}`, `ozone_${schema}`]);
    }
  } finally {
    await rm(tempRoot, { recursive: true, force: true });
  }
}

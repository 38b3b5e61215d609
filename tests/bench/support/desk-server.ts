// bench:desk's team server: the real server (src-server/team-server.ts) in its own process, plus what the
// brand poller would do when a page of mentions arrives. Asked over the IPC channel, it stores the items with
// storeBrandItems and the desk's intake hook (the poller's own function, through a second connection to the
// server's SQLite, as the desk suites do) and then asks for a routing pass, queued the way the poller's
// `onItemsStored` queues one. Prints the ROOST_TEAM_SERVER line src-server/main.ts prints.
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import { storeBrandItems } from '../../../src-server/brand/brand-poller.ts';
import { deskIntake } from '../../../src-server/desk/desk-intake.ts';
import { startTeamServer } from '../../../src-server/team-server.ts';
import { seedClosedPortBrandAccount } from '../../server/support/brand-account-seed.ts';
import { openEngineFor } from '../../server/support/test-databases.ts';

export type DeskServerAsk =
  | { readonly kind: 'brand'; readonly ownerId: string }
  | { readonly kind: 'retries' }
  | { readonly kind: 'mentions'; readonly accountId: string; readonly items: StreamItem[] };
export type DeskServerRequest = DeskServerAsk & { readonly id: number };
export type DeskServerAnswer = { readonly id: number; readonly value?: unknown; readonly error?: string };

const argument = process.argv[2];
if (!argument || !process.send) throw new Error('usage: fork desk-server.ts DATA_DIR (with an IPC channel)');
const dataDir: string = argument;
const server = await startTeamServer({ dataDir, host: '127.0.0.1', port: 0, warn: () => undefined });
const intakeDb = await openEngineFor('sqlite', { dataDir });

// One pass queued at a time, and a request made while a pass runs queues the next (desk-runtime's rule).
let routing: Promise<unknown> = Promise.resolve();
let queued = false;
function requestRouting(): void {
  if (queued) return;
  queued = true;
  routing = routing
    .then(() => {
      queued = false;
      return server.desk.route();
    })
    .catch((error: unknown) => console.error('bench desk server: routing failed', error));
}

// Pages are stored one after another, as the poller's single writing chain does.
let writing: Promise<unknown> = Promise.resolve();
/** Attempts that met the server's own connection mid-transaction (SQLite: one writer at a time). */
let lockedRetries = 0;

async function storeMentions(accountId: string, items: StreamItem[]): Promise<number> {
  // The time of arrival is kept across retries, so waiting for the server's writer counts in the figure.
  const at = Date.now();
  for (;;) {
    try {
      return await storeBrandItems(intakeDb, accountId, 'mentions', items, at, deskIntake);
    } catch (error) {
      // This second connection has no busy timeout of its own: wait for the server's transaction to end.
      if (!/database is locked/.test(String(error))) throw error;
      lockedRetries += 1;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }
}

async function answer(request: DeskServerRequest): Promise<unknown> {
  if (request.kind === 'brand') return seedClosedPortBrandAccount('sqlite', { dataDir }, request.ownerId);
  if (request.kind === 'retries') return lockedRetries;
  const stored = await storeMentions(request.accountId, request.items);
  if (stored > 0) requestRouting();
  return stored;
}

process.on('message', (message: DeskServerRequest) => {
  const done = (writing = writing.then(() => answer(message)));
  done.then(
    (value) => process.send!({ id: message.id, value } satisfies DeskServerAnswer),
    (error: unknown) => process.send!({ id: message.id, error: String(error) } satisfies DeskServerAnswer),
  );
});
const stop = () =>
  void server
    .stop()
    .then(() => intakeDb.close())
    .then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('disconnect', stop);
console.log(
  `ROOST_TEAM_SERVER ${JSON.stringify({ url: server.url, port: server.port, ownerInvitation: server.ownerInvitation })}`,
);

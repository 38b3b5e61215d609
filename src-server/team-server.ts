// Starts a team server: storage, the HTTP/JSON API under /v1/<method> and the change feed at /v1/feed, on
// 127.0.0.1 unless TLS is configured. Returns its address and a stop function.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import path from 'node:path';
import { ulid } from 'ulid';
import { WebSocketServer } from 'ws';
import {
  IDEMPOTENCY_HEADER,
  MAX_TEAM_BODY_BYTES,
  TEAM_API_PREFIX,
  TEAM_FEED_PATH,
  type TeamResult,
} from '../src-shared/team/team-contract.ts';
import { issueOwnerInvitationIfNeeded, loadOrCreateServerKey, prepareStorage } from './bootstrap.ts';
import { createFeedHub } from './feed/feed-hub.ts';
import { auditHandlers } from './handlers/audit-handlers.ts';
import type { ServerDeps, TeamHandlers } from './handlers/context.ts';
import { identityHandlers } from './handlers/identity-handlers.ts';
import { invitationHandlers } from './handlers/invitation-handlers.ts';
import { memberHandlers } from './handlers/member-handlers.ts';
import { noteHandlers } from './handlers/note-handlers.ts';
import { HTTP_STATUS, createTeamApi } from './http/team-api.ts';
import { createAuthRateLimits, type AuthRateLimitRules } from './http/auth-rate-limits.ts';
import { createInvitationCodes } from './identity/invitation-codes.ts';
import { createSessionTokens } from './identity/session-tokens.ts';
import { lastChangeSeq } from './storage/change-log.ts';
import { pruneIdempotencyKeys } from './storage/idempotency.ts';
import { openSqliteEngine } from './storage/sqlite-engine.ts';
import { openPostgresEngine } from './storage/postgres-engine.ts';
import type { SqlEngine } from './storage/sql-engine.ts';
import { shareFeedAcrossProcesses } from './feed/cluster-feed.ts';
import type { FeedControl } from './handlers/context.ts';
import { checkListenAddress, type TlsFiles } from './listen-policy.ts';
import type { Keychain } from '../src-main/vault/keychain.ts';
import { loadBrandKey } from './brand/brand-key.ts';
import { brandHandlers, brandPreparers } from './brand/brand-handlers.ts';
import { createBrandService } from './brand/brand-service.ts';
import { createCredentialVault } from './brand/credential-vault.ts';
import { approvalHandlers } from './approvals/approval-handlers.ts';
import { deskTeamHandlers } from './desk/desk-team-handlers.ts';
import { governanceHandlers } from './governance/governance-handlers.ts';
import { createApprovalExpiry } from './approvals/approval-expiry.ts';
import { createDeskRuntime, type DeskRuntime } from './desk/desk-runtime.ts';

export interface TeamServerOptions {
  readonly dataDir: string;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly tls?: TlsFiles;
  /**
   * A `postgres://` URL: the team's data lives in that database instead of `team.sqlite` in dataDir, and
   * several server processes may share it. The signing key stays in dataDir, so every process sharing a
   * database needs the same `server-key` file.
   */
  readonly database?: string;
  /** Limits on login challenges and failed logins per device and address (defaults in auth-rate-limits.ts). */
  readonly authRateLimits?: AuthRateLimitRules;
  readonly now?: () => number;
  /** Holds the key of brand-account credentials; without one it is a 0600 file beside the data. */
  readonly keychain?: Keychain | null;
  /** How often brand accounts are polled (tests use a short interval). */
  readonly brandPollIntervalMs?: number;
  /** How often the inquiry desk routes, wakes snoozed conversations and checks SLAs (tests use a short one). */
  readonly deskTickMs?: number;
  /** Where start-up warnings go (the brand key kept in a file). */
  readonly warn?: (message: string) => void;
}

export interface TeamServer {
  readonly url: string;
  readonly port: number;
  readonly serverId: string;
  /** The join link of a fresh owner invitation while the team has no owner; null once it has one. */
  readonly ownerInvitation: string | null;
  /** Number of open change-feed sockets. */
  feedConnections(): number;
  /** Where the brand-account credential key is kept. */
  readonly brandKeyLocation: 'keychain' | 'file';
  /** Resolves when no brand post is being sent and every state change is on the feed (tests). */
  brandSettled(): Promise<void>;
  /** The inquiry desk's routing pass and SLA check, run now (tests). */
  readonly desk: Pick<DeskRuntime, 'route' | 'tickSla'>;
  stop(): Promise<void>;
}

const handlers: TeamHandlers = {
  ...identityHandlers,
  ...invitationHandlers,
  ...memberHandlers,
  ...noteHandlers,
  ...auditHandlers,
  ...brandHandlers,
  ...approvalHandlers,
  ...deskTeamHandlers,
  ...governanceHandlers,
};

export async function startTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  const host = options.host ?? '127.0.0.1';
  const tls = checkListenAddress(host, options.tls);
  const now = options.now ?? Date.now;
  const key = loadOrCreateServerKey(options.dataDir);
  const postgres = options.database ? await openPostgresEngine(options.database) : null;
  const engine: SqlEngine = postgres ?? openSqliteEngine(path.join(options.dataDir, 'team.sqlite'));
  let serverId: string;
  let feedControl: FeedControl;
  let canSeeBrand: (memberId: string, accountId: string) => boolean = () => false;
  let onPresence: (memberId: string, connected: boolean) => void = () => undefined;
  const feed = createFeedHub(engine, {
    now,
    canSeeBrand: (member, account) => canSeeBrand(member, account),
    onPresenceOfMember: (member, connected) => onPresence(member, connected),
  });
  try {
    ({ serverId } = await prepareStorage(engine, now()));
    feedControl = postgres
      ? await shareFeedAcrossProcesses(postgres, feed, {
          onError: (error) => console.error('team server: feed notification failed:', error),
        })
      : feed;
  } catch (error) {
    await engine.close();
    throw error;
  }
  const invitationCode = createInvitationCodes(key);
  const brandKey = await loadBrandKey({
    dataDir: options.dataDir,
    serverId,
    keychain: options.keychain ?? null,
    warn: options.warn ?? ((message) => console.warn(message)),
  });
  const log = (message: string) => console.error(`team server: ${message}`);
  const desk = createDeskRuntime({
    engine,
    feed: feedControl,
    now,
    connectedMembers: () => feed.connectedMembers(),
    ...(options.deskTickMs ? { tickMs: options.deskTickMs } : {}),
    log,
  });
  onPresence = desk.presenceOfMember;
  const brand = createBrandService({
    dataDir: options.dataDir,
    onItemStored: desk.intake,
    onItemsStored: desk.requestRouting,
    engine,
    vault: createCredentialVault(brandKey.key),
    feed: feedControl,
    now,
    ...(options.brandPollIntervalMs ? { pollIntervalMs: options.brandPollIntervalMs } : {}),
    log: (message) => console.error(`team server: ${message}`),
  });
  canSeeBrand = brand.canSee;
  const approvals = createApprovalExpiry({
    engine,
    feed: feedControl,
    now,
    log: (message) => console.error(`team server: ${message}`),
  });
  const deps: ServerDeps = {
    engine,
    tokens: createSessionTokens(key),
    feed: feedControl,
    serverId,
    invitationCode,
    brand,
    approvals,
    desk,
  };
  const api = createTeamApi(deps, handlers, {
    now,
    prepare: brandPreparers,
    onInternalError: (method, error) => console.error(`team server: ${method} failed:`, error),
    rateLimits: createAuthRateLimits(options.authRateLimits),
  });

  const onRequest = (req: IncomingMessage, res: ServerResponse) => void handleRequest(req, res);
  const server = tls
    ? createHttpsServer({ cert: tls.cert, key: tls.key }, onRequest)
    : createHttpServer(onRequest);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 4096 });

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://team.invalid');
    if (req.method === 'GET' && url.pathname === '/v1/health') {
      return reply(res, 200, { ok: true, value: { serverId, seq: await lastChangeSeq(engine) } });
    }
    if (req.method !== 'POST' || !url.pathname.startsWith(TEAM_API_PREFIX)) {
      return reply(res, 404, { ok: false, error: { code: 'unknown_method', message: 'Not found' } });
    }
    const body = await readBody(req);
    if (body === 'too_large') {
      return reply(res, 413, {
        ok: false,
        error: { code: 'payload_too_large', message: 'Request body too large' },
      });
    }
    let input: unknown;
    try {
      input = JSON.parse(body.length === 0 ? 'null' : body);
    } catch {
      return reply(res, 400, {
        ok: false,
        error: { code: 'invalid_input', message: 'The body is not JSON' },
      });
    }
    const result = await api.dispatch({
      method: decodeURIComponent(url.pathname.slice(TEAM_API_PREFIX.length)),
      input,
      authorization: req.headers.authorization,
      idempotencyKey: header(req, IDEMPOTENCY_HEADER),
      requestId: ulid(),
      clientAddress: req.socket.remoteAddress ?? null,
    });
    reply(res, result.ok ? 200 : HTTP_STATUS[result.error.code], result);
  }

  server.on('upgrade', (req, socket, head) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://team.invalid');
      const after = Number(url.searchParams.get('after') ?? '0');
      const refuse = (status: number, message: string) => {
        socket.end(`HTTP/1.1 ${status} ${message}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      };
      if (url.pathname !== TEAM_FEED_PATH) return refuse(404, 'Not Found');
      if (!Number.isSafeInteger(after) || after < 0) return refuse(400, 'Bad Request');
      const caller = await api.authenticate(req.headers.authorization, now());
      if (!caller) return refuse(401, 'Unauthorized');
      // A cursor beyond the last change means this desktop followed another server (or a restored backup).
      if (after > (await lastChangeSeq(engine))) return refuse(409, 'Conflict');
      sockets.handleUpgrade(req, socket, head, (ws) => feed.attach(ws, { ...caller, after }));
    })().catch(() => socket.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const base = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  await brand.start();
  await approvals.start();
  desk.start();
  const ownerCode = await issueOwnerInvitationIfNeeded(engine, now(), invitationCode);
  // Idempotency keys past their retention are refused as stale anyway; forget them once an hour.
  const prune = () => void engine.transaction((tx) => pruneIdempotencyKeys(tx, now())).catch(() => undefined);
  prune();
  const pruneTimer = setInterval(prune, 3_600_000);
  pruneTimer.unref();

  return {
    url: base,
    port,
    serverId,
    ownerInvitation: ownerCode ? joinLink(base, ownerCode) : null,
    feedConnections: () => feed.size,
    brandKeyLocation: brandKey.location,
    brandSettled: () => brand.settled(),
    desk,
    async stop() {
      clearInterval(pruneTimer);
      await desk.stop();
      await approvals.stop();
      await brand.stop();
      feed.closeAll();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await engine.close();
    },
  };
}

/** An invitation link names the server and carries the code in the fragment, which is never sent in a request. */
export function joinLink(base: string, code: string): string {
  return `${base}/join#${code}`;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(req: IncomingMessage): Promise<string | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_TEAM_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too_large' : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, result: TeamResult<unknown>): void {
  const body = JSON.stringify(result);
  const retryAfterMs = result.ok ? undefined : result.error.retryAfterMs;
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...(retryAfterMs !== undefined ? { 'retry-after': String(Math.ceil(retryAfterMs / 1000)) } : {}),
  });
  res.end(body);
}

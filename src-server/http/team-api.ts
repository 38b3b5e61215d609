// Every team request goes through here, whatever the method: session check, the role's permission, input
// validation, then the handler — inside one write transaction with its idempotency key for mutating methods.
// Answers a Result with a stable error code and never throws.
import {
  MUTATING_TEAM_METHODS,
  PUBLIC_TEAM_METHODS,
  TeamFailure,
  teamRequests,
  type TeamError,
  type TeamErrorCode,
  type TeamMethod,
  type TeamResult,
  type TeamRole,
} from '../../src-shared/team/team-contract.ts';
import { roleAllows } from '../identity/permissions.ts';
import { createAuthRateLimits, type AuthRateLimits } from './auth-rate-limits.ts';
import { appendAudit, type AuditEntry } from '../storage/audit-log.ts';
import { checkKeyAge, findStoredAnswer, requestHash, storeAnswer } from '../storage/idempotency.ts';
import type { SqlExecutor } from '../storage/sql-engine.ts';
import type {
  Caller,
  CallContext,
  ServerDeps,
  TeamHandler,
  TeamHandlers,
  TeamPreparers,
} from '../handlers/context.ts';

export interface TeamCall {
  readonly method: string;
  readonly input: unknown;
  readonly authorization: string | undefined;
  readonly idempotencyKey: string | undefined;
  readonly requestId: string;
  readonly clientAddress: string | null;
}

const METHODS: ReadonlySet<string> = new Set(Object.keys(teamRequests));
const isMethod = (value: string): value is TeamMethod => METHODS.has(value);

export const HTTP_STATUS: Readonly<Record<TeamErrorCode, number>> = {
  invalid_input: 400,
  unknown_method: 404,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale: 409,
  idempotency_mismatch: 422,
  idempotency_required: 428,
  invitation_invalid: 410,
  payload_too_large: 413,
  approval_required: 403,
  guard_refused: 422,
  brand_unreachable: 502,
  rate_limited: 429,
  internal: 500,
};

/**
 * Some answers must not be stored as they are: `invitations:create` returns a live invitation code, which the
 * database must never hold. Its stored answer drops the code; a replay derives it again from the id.
 */
const invitationReplay = {
  store: (value: unknown) => ({ invitation: (value as { invitation: unknown }).invitation }),
  restore: (stored: unknown, deps: ServerDeps) => {
    const { invitation } = stored as { invitation: { id: string } };
    return { invitation, code: deps.invitationCode(invitation.id) };
  },
};

const REPLAY_STORAGE: Partial<
  Record<TeamMethod, { store(value: unknown): unknown; restore(stored: unknown, deps: ServerDeps): unknown }>
> = {
  'invitations:create': invitationReplay,
  'devices:invite': invitationReplay,
};

export interface TeamApi {
  dispatch(call: TeamCall): Promise<TeamResult<unknown>>;
  /** Resolves a bearer token to its caller, or null; used by the feed's WebSocket upgrade too. */
  authenticate(
    authorization: string | undefined,
    now: number,
  ): Promise<(Caller & { expiresAt: number }) | null>;
}

export function createTeamApi(
  deps: ServerDeps,
  handlers: TeamHandlers,
  options: {
    now?: () => number;
    onInternalError?: (method: string, error: unknown) => void;
    /** Network work a write depends on, run before its transaction so a slow network never holds the lock. */
    prepare?: TeamPreparers;
    rateLimits?: AuthRateLimits;
  } = {},
): TeamApi {
  const now = options.now ?? Date.now;
  const limits = options.rateLimits ?? createAuthRateLimits();

  async function authenticate(authorization: string | undefined, at: number) {
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : null;
    const claims = token ? deps.tokens.verify(token, at) : null;
    if (!claims) return null;
    const row = await deps.engine.get(
      `SELECT s.ended_at, s.expires_at, d.revoked_at AS device_revoked, m.revoked_at AS member_revoked, m.role
        FROM sessions s JOIN devices d ON d.id = s.device_id JOIN members m ON m.id = s.member_id
        WHERE s.id = ? AND s.device_id = ? AND s.member_id = ?`,
      [claims.sid, claims.did, claims.mid],
    );
    const live =
      row &&
      row['ended_at'] === null &&
      row['device_revoked'] === null &&
      row['member_revoked'] === null &&
      Number(row['expires_at']) > at;
    if (!live) return null;
    return {
      memberId: claims.mid,
      deviceId: claims.did,
      sessionId: claims.sid,
      role: String(row['role']) as TeamRole,
      expiresAt: claims.exp,
    };
  }

  function contextFor(
    call: TeamCall,
    caller: Caller | null,
    db: SqlExecutor,
    at: number,
    hooks: (() => void)[],
    prepared?: unknown,
  ): CallContext {
    return {
      caller,
      prepared,
      requestId: call.requestId,
      clientAddress: call.clientAddress,
      now: at,
      db,
      afterCommit: (fn) => hooks.push(fn),
      audit: ({ actor, ...entry }) =>
        appendAudit(
          db,
          auditBase(
            call,
            caller ?? (actor ? { ...actor, sessionId: '', role: 'viewer' } : null),
            at,
            entry,
            'ok',
          ),
        ),
    };
  }

  async function run(call: TeamCall, method: TeamMethod, at: number): Promise<unknown> {
    let caller: Caller | null = null;
    if (!PUBLIC_TEAM_METHODS.has(method)) {
      caller = await authenticate(call.authorization, at);
      if (!caller) throw new TeamFailure('unauthenticated', 'A valid session is required');
      if (!roleAllows(caller.role, method)) {
        const refusedBy = caller;
        await deps.engine.transaction((tx) =>
          appendAudit(
            tx,
            auditBase(
              call,
              refusedBy,
              at,
              { action: method, target: null, before: null, after: null },
              'refused',
            ),
          ),
        );
        throw new TeamFailure('forbidden', `A ${caller.role} may not call ${method}`);
      }
    }
    const parsed = teamRequests[method].input.safeParse(call.input);
    if (!parsed.success) throw invalidInput(method, parsed.error.issues);
    const handler = handlers[method] as TeamHandler<TeamMethod>;
    const hooks: (() => void)[] = [];
    if (method === 'auth:challenge' || method === 'auth:login') {
      const value = await loginStep(method, parsed.data as { deviceId: string }, call.clientAddress, at, () =>
        deps.engine.transaction((tx) =>
          handler(parsed.data as never, contextFor(call, caller, tx, at, hooks), deps),
        ),
      );
      hooks.forEach((hook) => hook());
      return value;
    }

    if (!MUTATING_TEAM_METHODS.has(method)) {
      const value =
        PUBLIC_TEAM_METHODS.has(method) || method === 'session:logout'
          ? await deps.engine.transaction((tx) =>
              handler(parsed.data as never, contextFor(call, caller, tx, at, hooks), deps),
            )
          : await handler(parsed.data as never, contextFor(call, caller, deps.engine, at, hooks), deps);
      hooks.forEach((hook) => hook());
      return value;
    }

    const key = call.idempotencyKey;
    if (!key) throw new TeamFailure('idempotency_required', `${method} needs an Idempotency-Key header`);
    checkKeyAge(key, at);
    const scope = `member:${caller?.memberId}`;
    const hash = requestHash(method, parsed.data);
    const storage = REPLAY_STORAGE[method];
    const prepare = options.prepare?.[method] as
      ((input: unknown, deps: ServerDeps) => Promise<unknown>) | undefined;
    const prepared = await prepare?.(parsed.data, deps);
    const value = await deps.engine.transaction(async (tx) => {
      const stored = await findStoredAnswer(tx, scope, key, hash);
      if (stored !== undefined) return storage ? storage.restore(stored, deps) : stored;
      const answer = await handler(
        parsed.data as never,
        contextFor(call, caller, tx, at, hooks, prepared),
        deps,
      );
      await storeAnswer(tx, {
        scope,
        key,
        method,
        hash,
        value: storage ? storage.store(answer) : answer,
        now: at,
      });
      return answer;
    });
    hooks.forEach((hook) => hook());
    return value;
  }

  /** The public login steps, behind their rate limits; they write nothing that wakes the feed. */
  async function loginStep(
    method: 'auth:challenge' | 'auth:login',
    input: { deviceId: string },
    clientAddress: string | null,
    at: number,
    step: () => Promise<unknown>,
  ): Promise<unknown> {
    if (method === 'auth:challenge') {
      limits.challenge(input.deviceId, clientAddress, at);
      return step();
    }
    limits.checkLogin(input.deviceId, clientAddress, at);
    try {
      const value = await step();
      limits.loginSucceeded(input.deviceId);
      return value;
    } catch (error) {
      if (error instanceof TeamFailure && error.code === 'unauthenticated')
        limits.loginFailed(input.deviceId, clientAddress, at);
      throw error;
    }
  }

  return {
    authenticate,
    async dispatch(call) {
      if (!isMethod(call.method)) return failure({ code: 'unknown_method', message: 'Unknown method' });
      try {
        return { ok: true, value: await run(call, call.method, now()) };
      } catch (error) {
        if (error instanceof TeamFailure) {
          const issues = error.issues;
          return failure({
            code: error.code,
            message: error.message,
            ...(issues ? { issues } : {}),
            ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
          });
        }
        options.onInternalError?.(call.method, error);
        return failure({ code: 'internal', message: 'Unexpected error in the team server; see its log.' });
      }
    },
  };
}

function invalidInput(
  method: string,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): TeamFailure {
  return new TeamFailure('invalid_input', `Invalid input for ${method}`, {
    issues: issues
      .slice(0, 20)
      .map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  });
}

function auditBase(
  call: TeamCall,
  caller: Caller | null,
  at: number,
  entry: Pick<AuditEntry, 'action' | 'target' | 'before' | 'after'>,
  result: AuditEntry['result'],
): AuditEntry {
  return {
    at,
    actorType: caller ? 'member' : 'system',
    memberId: caller?.memberId ?? null,
    deviceId: caller?.deviceId ?? null,
    requestId: call.requestId,
    clientAddress: call.clientAddress,
    result,
    ...entry,
  };
}

function failure(error: TeamError): TeamResult<never> {
  return { ok: false, error };
}

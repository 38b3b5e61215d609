// What every handler receives: who is calling (read from the call, never from a global, so the same domain
// code could serve the desktop's embedded desk), and the server's shared parts.
import type { TeamInput, TeamMethod, TeamOutput, TeamRole } from '../../src-shared/team/team-contract.ts';
import type { SqlExecutor, SqlEngine } from '../storage/sql-engine.ts';
import type { SessionTokens } from '../identity/session-tokens.ts';
import type { AuditEntry } from '../storage/audit-log.ts';
import type { BrandService } from '../brand/brand-service.ts';
import type { Presence } from '../../src-shared/desk/desk-team-contract.ts';
import type { ApprovalExpiry } from '../approvals/approval-expiry.ts';

export interface Caller {
  readonly memberId: string;
  readonly deviceId: string;
  readonly sessionId: string;
  readonly role: TeamRole;
}

export interface CallContext {
  /** Null only for the public methods (join, challenge, login). */
  readonly caller: Caller | null;
  readonly requestId: string;
  readonly clientAddress: string | null;
  readonly now: number;
  /** What the method's preparer (TeamPreparers) produced before the transaction; undefined without one. */
  readonly prepared?: unknown;
  /** Inside a mutating call: the open write transaction. Otherwise the engine's committed-read side. */
  readonly db: SqlExecutor;
  /** Runs after the call's transaction commits (feed wake-ups, closing revoked sockets). */
  afterCommit(fn: () => void): void;
  /**
   * Appends to the audit log with the call's request id, address and caller filled in. Public methods (join,
   * login) have no caller yet and name the member and device they act for in `actor`.
   */
  audit(
    entry: Pick<AuditEntry, 'action' | 'target' | 'before' | 'after'> & {
      actor?: { memberId: string; deviceId: string };
    },
  ): Promise<void>;
}

export interface FeedControl {
  /** New changes were committed: subscribers read and send them. */
  wake(): void;
  /** Closes a member's sockets so they reconnect and are sent what their new role may see. */
  refresh(memberId: string): void;
  /** Closes the sockets of a revoked member or device, telling them why first. */
  disconnect(scope: { memberId: string } | { deviceId: string }): void;
  /** Sends a presence frame to the members who can see its brand account, and remembers it until it expires. */
  announcePresence(presence: Presence): void;
  /** A conversation's current presences, as this process knows them. */
  presenceOf(conversationId: string): Presence[];
}

export interface ServerDeps {
  readonly engine: SqlEngine;
  readonly tokens: SessionTokens;
  readonly feed: FeedControl;
  readonly serverId: string;
  /** The code of an invitation, derived from its id with a key kept outside the database. */
  readonly invitationCode: (invitationId: string) => string;
  /** Brand accounts held by the server: vault, connectors, poller and outbox. */
  readonly brand: BrandService;
  /** Expires approval requests at their scheduled time. */
  readonly approvals: Pick<ApprovalExpiry, 'scheduleExpiry'>;
}

export type TeamHandler<M extends TeamMethod> = (
  input: TeamInput<M>,
  ctx: CallContext,
  deps: ServerDeps,
) => Promise<TeamOutput<M>>;

export type TeamHandlers = { readonly [M in TeamMethod]: TeamHandler<M> };

/** Per method, network work to do before the write transaction opens (its result is `ctx.prepared`). */
export type TeamPreparers = {
  readonly [M in TeamMethod]?: (input: TeamInput<M>, deps: ServerDeps) => Promise<unknown>;
};

export function requireCaller(ctx: CallContext): Caller {
  if (!ctx.caller) throw new Error('a session method was called without a caller');
  return ctx.caller;
}

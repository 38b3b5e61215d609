// Who is calling a handler, and through which transport. Each transport fills it in after its own sender
// checks, so the same handlers can be served by the desktop's main today and by a team server later:
// a handler that needs to know the caller reads `ctx.actor`, never a global.
import type { TeamRole } from '../../src-shared/team/team-contract.ts';

/** The person behind a request. */
export type Actor =
  /** The desktop's own user: Electron IPC from Roost's window, or browser mode's token-checked socket. */
  | { readonly kind: 'local-user' }
  /** A team member calling through the team server, from one of their enrolled devices. */
  | {
      readonly kind: 'member';
      readonly memberId: string;
      readonly deviceId: string;
      readonly role: TeamRole;
    };

export interface CallContext {
  readonly transport: 'electron' | 'browser' | 'team-server';
  readonly actor: Actor;
}

export const LOCAL_USER: Actor = Object.freeze({ kind: 'local-user' });

/** The context the desktop's transports give every request: the local user, on that transport. */
export function localUserContext(transport: 'electron' | 'browser'): CallContext {
  return { transport, actor: LOCAL_USER };
}

// The contract handlers for team:*, on the team service. Main's services wire the whole feature with one
// spread; the service's device key lives in the OS keychain through the credential store.
import { hostname } from 'node:os';
import path from 'node:path';
import type { Handlers } from '../rpc/router.ts';
import type { GovernancePolicy } from '../../src-shared/contract/governance-contract.ts';
import type { TeamRole } from '../../src-shared/team/team-contract.ts';
import type { CredentialStore } from '../vault/credential-store.ts';
import type { EventBus } from '../rpc/event-bus.ts';
import { createCredentialDeviceKeyStore, profileIdIn } from './credential-device-key-store.ts';
import { createTeamService, type TeamService } from './team-service.ts';
import { cachedTeamPolicy } from './team-policy-cache.ts';
import { teamDeskFeedListener, teamDeskHandlers } from './desk/team-desk-handlers.ts';

type TeamDeskMethod = Extract<keyof Handlers, `team:${string}`>;

export function teamHandlers(service: TeamService): Pick<Handlers, TeamDeskMethod> {
  return {
    'team:status': () => service.status(),
    'team:join': (input) => service.join(input.link, input.displayName, input.deviceName),
    'team:leave': () => service.leave(),
    'team:members': () => service.call('members:list', {}),
    'team:invite': async (input) => {
      const created = await service.call('invitations:create', input);
      return { invitation: created.invitation, link: service.invitationLink(created.code) };
    },
    'team:invitations': () => service.call('invitations:list', {}),
    'team:revokeInvitation': (input) => service.call('invitations:revoke', input),
    'team:setRole': (input) => service.call('members:setRole', input),
    'team:revokeMember': (input) => service.call('members:revoke', input),
    'team:devices': async (input) => {
      const devices = await service.call('devices:list', input.memberId ? { memberId: input.memberId } : {});
      const current = service.status().deviceId;
      return devices.map((device) => ({ ...device, current: device.id === current }));
    },
    'team:revokeDevice': (input) => service.call('devices:revoke', input),
    'team:audit': (input) => service.audit(input),
    'team:brandAccounts': () => service.call('brandAccounts:list', {}),
    'team:connectBrandAccount': (input) => service.call('brandAccounts:connect', input),
    'team:removeBrandAccount': (input) => service.call('brandAccounts:remove', input),
    'team:brandAccess': (input) => service.call('brandAccounts:access', input),
    'team:setBrandAccess': (input) => service.call('brandAccounts:setAccess', input),
    'team:submitBrandPost': (input) =>
      service.call('brandPosts:submit', {
        accountId: input.accountId,
        text: input.text,
        replyTo: null,
        ...(input.acknowledged ? { acknowledged: input.acknowledged } : {}),
      }),
    'team:brandPostStatus': (input) => service.call('brandPosts:status', input),
    'team:approvals': (input) => service.call('approvals:list', input),
    'team:approve': (input) => service.call('approvals:approve', input),
    'team:reject': (input) => service.call('approvals:reject', input),
    'team:noteApproval': (input) => service.call('approvals:note', input),
  };
}

export interface TeamModule {
  readonly handlers: Pick<Handlers, TeamDeskMethod | Extract<keyof Handlers, `teamDesk:${string}`>>;
  /** The team's publishing policy, for Settings → Governance and the guards. */
  readonly policy: ReturnType<typeof teamPolicyPort>;
  stop(): Promise<void>;
}

/** The team's policy for governance (its TeamPolicyPort): the cached copy, and the server's get and update. */
export function teamPolicyPort(service: TeamService) {
  return {
    role: (): TeamRole | null => {
      const status = service.status();
      return status.state === 'none' || status.state === 'revoked' ? null : status.role;
    },
    cached: () => cachedTeamPolicy(service.cache()),
    fetch: () => service.call('governance:get', {}),
    update: (policy: GovernancePolicy, version: number) =>
      service.call('governance:update', { policy, version }),
  };
}

export function createTeamModule(deps: {
  readonly dataDir: string;
  readonly credentials: CredentialStore;
  readonly events: EventBus;
  readonly fetch: typeof globalThis.fetch;
}): TeamModule {
  const dir = path.join(deps.dataDir, 'team');
  // The service is created below; the feed listener reads this member through it once it exists.
  let memberId = (): string | null => null;
  const service = createTeamService({
    dir,
    keyStore: createCredentialDeviceKeyStore(deps.credentials, () => profileIdIn(dir)),
    fetch: deps.fetch,
    deviceName: hostname().slice(0, 80) || 'Roost desktop',
    onStatus: (status) => deps.events.emit('team:status', status),
    onChanged: (seq, entity) => deps.events.emit('team:changed', { seq, entity }),
    onRevoked: (scope, at) => deps.events.emit('team:revoked', { scope, at }),
    onFeedChange: teamDeskFeedListener(deps.events, () => memberId()),
    onPresence: (presence) => deps.events.emit('teamDesk:presence', presence),
  });
  memberId = () => service.status().memberId;
  return {
    handlers: { ...teamHandlers(service), ...teamDeskHandlers(service, Date.now) },
    policy: teamPolicyPort(service),
    stop: () => service.stop(),
  };
}

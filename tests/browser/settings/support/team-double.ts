// An in-memory stand-in for main's team service, behind main's real router (so every input is validated by
// the contract): one team with an owner-admin (this desktop once joined) and an expert, invitations that
// work once, role changes with versions, revocation, devices and an audit log. It emits the same events
// main does. The real service is tested against a real team server in tests/server/team-service.test.ts.
import type { Handlers } from '../../../../src-main/rpc/router.ts';
import { createApprovalsDouble, type ApprovalsDouble } from './approvals-double.ts';
import { RoostError } from '../../../../src-shared/contract/errors.ts';
import type { EventName, EventPayload } from '../../../../src-shared/contract/contract.ts';
import type {
  TeamAuditEntry,
  TeamDeviceView,
  TeamInvitationView,
  TeamMemberView,
  TeamStatus,
} from '../../../../src-shared/contract/team-desk-contract.ts';

export const VALID_CODE = 'Abcdefghijklmnopqrstuvwxyz012345';
export const SERVER = 'http://127.0.0.1:7420';
const ME = '01JTEAM0000000000000000ME1';
const EXPERT = '01JTEAM000000000000000EXP1';
const MY_DEVICE = 'myDevice0123456789abcd';

type Emit = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export interface TeamDouble {
  readonly handlers: Partial<Handlers>;
  /** Connects to the memory main's emitter once it exists. */
  bind(emit: Emit): void;
  status(): TeamStatus;
  /** The approvals queue behind the team (requests decided with the real state machine). */
  readonly approvals: ApprovalsDouble;
  members(): TeamMemberView[];
  invitations(): TeamInvitationView[];
  /** The server revoked this desktop: the cache is erased and main says so. */
  revokeMe(scope: 'member' | 'device'): void;
}

export function createTeamDouble(): TeamDouble {
  let emit: Emit = () => undefined;
  const approvals = createApprovalsDouble();
  let status: TeamStatus = {
    state: 'none',
    serverUrl: null,
    memberId: null,
    deviceId: null,
    displayName: null,
    role: null,
    cursor: 0,
    revoked: null,
  };
  const now = Date.UTC(2026, 11, 7, 14, 0);
  let members: TeamMemberView[] = [];
  let invitations: TeamInvitationView[] = [];
  const devices: TeamDeviceView[] = [
    { id: MY_DEVICE, memberId: ME, name: 'Work laptop', enrolledAt: now, revokedAt: null, current: true },
    {
      id: 'oldPhone0123456789abcd',
      memberId: ME,
      name: 'Old laptop',
      enrolledAt: now - 9e7,
      revokedAt: null,
      current: false,
    },
  ];
  const audit: TeamAuditEntry[] = [];
  let nextInvitation = 1;
  const log = (action: string, target: string | null, memberId: string | null = ME, at = now) =>
    audit.push({
      id: audit.length + 1,
      at,
      actorType: memberId ? 'member' : 'system',
      memberId,
      deviceId: memberId ? MY_DEVICE : null,
      action,
      target,
      before: null,
      after: null,
      requestId: null,
      clientAddress: '127.0.0.1',
      result: 'ok',
    });
  const setStatus = (next: TeamStatus) => {
    status = next;
    emit('team:status', status);
  };
  const requireActive = () => {
    if (status.state === 'none') throw new RoostError('not_found', 'This desktop has not joined a team.');
    if (status.state === 'revoked')
      throw new RoostError('auth_failed', 'The team server does not accept this desktop any more.');
  };

  const handlers: Partial<Handlers> = {
    'team:status': () => status,
    'team:join': (input) => {
      const match = /^https?:\/\/[^/]+\/join#([A-Za-z0-9_-]+)$/.exec(input.link);
      if (!match)
        throw new RoostError('invalid_input', 'not a link', [{ path: 'link', message: 'not_a_link' }]);
      if (match[1] !== VALID_CODE)
        throw new RoostError('invalid_input', 'used', [{ path: 'link', message: 'invitation_invalid' }]);
      members = [
        { id: ME, displayName: input.displayName, role: 'owner', version: 1, joinedAt: now, revokedAt: null },
        { id: EXPERT, displayName: 'Esther', role: 'expert', version: 1, joinedAt: now, revokedAt: null },
      ];
      log('invitations:accept', ME, null, now - 60_000);
      log('members:setRole', EXPERT, ME, now - 1_000);
      setStatus({
        state: 'connected',
        serverUrl: SERVER,
        memberId: ME,
        deviceId: MY_DEVICE,
        displayName: input.displayName,
        role: 'owner',
        cursor: 4,
        revoked: null,
      });
      return status;
    },
    'team:leave': () => {
      members = [];
      setStatus({
        ...status,
        state: 'none',
        serverUrl: null,
        memberId: null,
        role: null,
        cursor: 0,
        revoked: null,
      });
      return status;
    },
    'team:members': () => (requireActive(), members),
    'team:devices': () => (requireActive(), devices),
    'team:revokeDevice': (input) => {
      requireActive();
      const device = devices.find((d) => d.id === input.deviceId);
      if (!device) throw new RoostError('not_found', 'no device');
      Object.assign(device, { revokedAt: now });
      log('devices:revoke', device.id);
      const { current: _current, ...plain } = device;
      return plain;
    },
    'team:invite': (input) => {
      requireActive();
      const invitation: TeamInvitationView = {
        id: `01JQNV${String(nextInvitation++).padStart(20, '0')}`,
        role: input.role,
        createdBy: ME,
        forMember: null,
        createdAt: now + nextInvitation,
        expiresAt: Date.now() + input.expiresInHours * 3_600_000,
        usedAt: null,
        revokedAt: null,
      };
      invitations = [...invitations, invitation];
      log('invitations:create', invitation.id);
      emit('team:changed', { seq: status.cursor + 1, entity: 'invitation' });
      return { invitation, link: `${SERVER}/join#code${invitation.id}` };
    },
    'team:invitations': () => (requireActive(), invitations),
    'team:revokeInvitation': (input) => {
      const found = invitations.find((i) => i.id === input.id);
      if (!found) throw new RoostError('not_found', 'no invitation');
      const revoked = { ...found, revokedAt: Date.now() };
      invitations = invitations.map((i) => (i.id === input.id ? revoked : i));
      log('invitations:revoke', input.id);
      return revoked;
    },
    'team:setRole': (input) => {
      const member = members.find((m) => m.id === input.memberId);
      if (!member) throw new RoostError('not_found', 'no member');
      if (member.version !== input.version)
        throw new RoostError('invalid_input', 'changed', [{ path: 'version', message: 'conflict' }]);
      const updated = { ...member, role: input.role, version: member.version + 1 };
      members = members.map((m) => (m.id === member.id ? updated : m));
      log('members:setRole', member.id);
      return updated;
    },
    'team:revokeMember': (input) => {
      const member = members.find((m) => m.id === input.memberId);
      if (!member) throw new RoostError('not_found', 'no member');
      const updated = { ...member, revokedAt: now, version: member.version + 1 };
      members = members.map((m) => (m.id === member.id ? updated : m));
      log('members:revoke', member.id);
      return updated;
    },
    'team:audit': (input) =>
      audit
        .filter((e) => !input.actorId || e.memberId === input.actorId)
        .filter((e) => !input.action || e.action.includes(input.action))
        .filter((e) => input.from === undefined || e.at >= input.from)
        .filter((e) => input.to === undefined || e.at <= input.to)
        .reverse()
        .slice(0, input.limit ?? 200),
  };

  return {
    handlers: { ...handlers, ...approvals.handlers },
    approvals,
    bind: (fn) => (emit = fn),
    status: () => status,
    members: () => members,
    invitations: () => invitations,
    revokeMe(scope) {
      const at = Date.UTC(2026, 11, 7, 15, 30);
      setStatus({ ...status, state: 'revoked', cursor: 0, revoked: { scope, at } });
      emit('team:revoked', { scope, at });
    },
  };
}

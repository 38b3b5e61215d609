// An in-memory team desk behind main's real router, for the team Inbox's component tests: this desktop is
// Grace (an expert) in a connected team; conversations with owners and versions, notes with authors and
// mentions, experts with availability, a reply the collision guard holds once, and every call recorded.
// Main's real team desk runs against a real team server in tests/server/team-desk-main.test.ts.
import type { Handlers } from '../../../../src-main/rpc/router.ts';
import { RoostError } from '../../../../src-shared/contract/errors.ts';
import type {
  Expert,
  TeamConversation,
  TeamDeskSettings,
  TeamNote,
} from '../../../../src-shared/desk/desk-team-contract.ts';
import { defaultDeskSettings } from '../../../../src-shared/desk/desk-settings.ts';
import { conversation } from '../desk-double.ts';

export const GRACE = '01JTEAM00000000000000GRACE';
export const OLGA = '01JTEAM000000000000000VGA2';
const NOTE_IDS = '01JTEAMN0000000000000000';

export function teamConversation(id: string, over: Partial<TeamConversation> = {}): TeamConversation {
  return { ...conversation(id), ownerName: null, version: 1, ...over };
}

function expert(memberId: string, displayName: string): Expert {
  return {
    memberId,
    displayName,
    skills: [],
    capacity: 5,
    timeZone: 'UTC',
    week: [[], [], [], [], [], [], []],
    outOfOffice: [],
    availability: 'available',
    awayReason: null,
    openAssigned: 0,
    lastAssignedAt: null,
  };
}

export function createTeamDeskDouble(summaries: TeamConversation[], role: 'expert' | 'lead' = 'expert') {
  const calls: { method: string; input: unknown }[] = [];
  const notes: TeamNote[] = [];
  const experts = [expert(GRACE, 'Grace'), expert(OLGA, 'Olga')];
  let holdNextReply = true;
  const record = (method: string, input: unknown) => calls.push({ method, input });
  const find = (id: string) => {
    const found = summaries.find((s) => s.id === id);
    if (!found) throw new RoostError('not_found', 'No such conversation.');
    return found;
  };
  const move = (id: string, action: { kind: string; memberId?: string }) => {
    const s = find(id);
    const ownerId = action.kind === 'assign' ? action.memberId! : action.kind === 'claim' ? GRACE : s.ownerId;
    const next: TeamConversation = {
      ...s,
      ownerId,
      ownerName: experts.find((e) => e.memberId === ownerId)?.displayName ?? null,
      state: action.kind === 'resolve' ? 'resolved' : s.state,
      version: s.version + 1,
    };
    summaries.splice(summaries.indexOf(s), 1, next);
    return next;
  };
  const inView = (view: string, s: TeamConversation) =>
    view === 'mine'
      ? s.ownerId === GRACE && s.state !== 'resolved'
      : view === 'unassigned'
        ? s.ownerId === null && s.state !== 'resolved'
        : view === 'team'
          ? s.state !== 'resolved'
          : s.state === view;
  const handlers: Partial<Handlers> = {
    'team:status': () => ({
      state: 'connected',
      serverUrl: 'http://127.0.0.1:7420',
      memberId: GRACE,
      deviceId: 'myDevice0123456789abcd',
      displayName: 'Grace',
      role,
      cursor: 10,
      revoked: null,
    }),
    'teamDesk:list': (input) => summaries.filter((s) => inView(input.view, s)),
    'teamDesk:counts': () =>
      Object.fromEntries(
        ['mine', 'unassigned', 'team', 'pending', 'snoozed', 'resolved', 'breaching'].map((v) => [
          v,
          summaries.filter((s) => inView(v, s)).length,
        ]),
      ) as ReturnType<Handlers['teamDesk:counts']> extends Promise<infer R> ? R : never,
    'teamDesk:conversation': (input) => ({
      summary: find(input.id),
      messages: [],
      notes: notes.filter((n) => n.conversationId === input.id),
      history: [],
    }),
    'teamDesk:act': (input) => {
      record('teamDesk:act', input);
      if (find(input.id).version !== input.version)
        throw new RoostError('invalid_input', 'Changed meanwhile.');
      return move(input.id, input.action);
    },
    'teamDesk:bulkAct': (input) => {
      record('teamDesk:bulkAct', input);
      return { moved: input.ids.map((id) => move(id, input.action)), refused: [] };
    },
    'teamDesk:addNote': (input) => {
      record('teamDesk:addNote', input);
      const note: TeamNote = {
        id: `${NOTE_IDS}${String(notes.length).padStart(2, '0')}`,
        conversationId: input.id,
        authorId: GRACE,
        authorName: 'Grace',
        text: input.text,
        mentions: input.mentions,
        createdAt: Date.now(),
      };
      notes.push(note);
      return note;
    },
    'teamDesk:reply': (input) => {
      record('teamDesk:reply', input);
      if (holdNextReply && !input.sendAnyway) {
        holdNextReply = false;
        return { outcome: 'held', changes: [{ kind: 'message', at: Date.now(), excerpt: 'are you there?' }] };
      }
      throw new RoostError('not_found', 'sent (the double has no outbox)');
    },
    'teamDesk:presence': (input) => {
      record('teamDesk:presence', input);
      return [];
    },
    'teamDesk:experts': () => experts,
    'teamDesk:updateExpert': (input) => {
      record('teamDesk:updateExpert', input);
      const index = experts.findIndex((e) => e.memberId === input.memberId);
      experts[index] = { ...experts[index]!, ...input.profile };
      return experts[index]!;
    },
    'teamDesk:setAvailability': (input) => {
      record('teamDesk:setAvailability', input);
      const me = { ...experts[0]!, availability: input.availability, awayReason: input.awayReason };
      experts[0] = me;
      return me;
    },
    'teamDesk:settings': () => ({
      desk: structuredClone(defaultDeskSettings('UTC')) as TeamDeskSettings['desk'],
      order: 'round_robin',
      skillsTimeoutMinutes: null,
      hourlyCap: null,
      awayReasons: ['Lunch', 'Training'],
      offlineGraceMinutes: 5,
    }),
  };
  return {
    handlers,
    calls,
    inputsOf: (method: string) => calls.filter((c) => c.method === method).map((c) => c.input),
  };
}

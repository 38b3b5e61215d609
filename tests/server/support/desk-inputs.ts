// A valid input for each inquiry-desk method that targets nothing real (the permission matrix and the fuzzer
// start from these).
import { ulid } from 'ulid';
import type { deskTeamRequests } from '../../../src-shared/desk/desk-team-contract.ts';
import { defaultDeskSettings } from '../../../src-shared/desk/desk-settings.ts';

const day = [{ start: '09:00', end: '17:00' }];

export const DESK_INPUTS: Record<keyof typeof deskTeamRequests, Record<string, unknown>> = {
  'conversations:list': { view: 'team' },
  'conversations:counts': {},
  'conversations:get': { id: 'no-such-conversation' },
  'conversations:act': { id: 'no-such-conversation', version: 1, action: { kind: 'resolve' } },
  'conversations:bulkAct': { ids: ['no-such-conversation'], action: { kind: 'resolve' } },
  'conversations:addNote': { id: 'no-such-conversation', text: 'a note', mentions: [] },
  'conversations:changesSince': { id: 'no-such-conversation', since: 0 },
  'conversations:reply': { id: 'no-such-conversation', text: 'hello', draftStartedAt: 1, sendAnyway: false },
  'conversations:presence': { id: 'no-such-conversation', activity: 'viewing' },
  'experts:list': {},
  'experts:update': {
    memberId: ulid(),
    profile: {
      skills: [],
      capacity: 5,
      timeZone: 'UTC',
      week: [[], day, day, day, day, day, []],
      outOfOffice: [],
    },
  },
  'experts:setAvailability': { availability: 'available', awayReason: null },
  'deskSettings:get': {},
  'deskSettings:update': {
    desk: defaultDeskSettings('UTC'),
    order: 'round_robin',
    skillsTimeoutMinutes: null,
    hourlyCap: null,
    awayReasons: ['Lunch'],
    offlineGraceMinutes: 5,
  },
  'savedReplies:list': {},
  'savedReplies:save': { id: 'no-such-reply', title: 'Hello', bodyEn: 'Hello', bodyFr: 'Bonjour' },
  'savedReplies:delete': { id: 'no-such-reply' },
  'savedReplies:use': { id: 'no-such-reply', conversationId: 'no-such-conversation', lang: 'en' },
};

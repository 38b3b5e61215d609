// Sends at least 1,000 malformed payloads to every contract method through the real browser-mode
// host and checks each is answered with invalid_input while the host keeps serving real requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests } from '../../../src-shared/contract/contract.ts';
import { REQUEST_METHODS, type RequestMethod } from '../../../src-shared/contract/methods.ts';
import { defaultDeskSettings } from '../../../src-shared/desk/desk-settings.ts';
import { connectWire, startHostFixture, type HostFixture, type WireClient } from '../support/host-fixture.ts';
import { hostileValue, mutateValid, seededRandom } from '../support/fuzz.ts';

const PAYLOADS_PER_METHOD = 1000;

const ITEM_REF = {
  network: 'bluesky',
  remoteId: 'at://did:plc:abc/app.bsky.feed.post/3k',
  actionRef: 'bafy',
  viewerLiked: null,
  viewerReposted: null,
};

const OUTGOING_POST = {
  targets: [{ accountId: 'a1', network: 'bluesky', text: 'Hello', contentWarning: null, media: [] }],
  replyTo: null,
  quote: null,
  scheduledAt: null,
};

const CONTENT_ACTION = {
  accountId: 'a1',
  kind: 'repost',
  item: {
    network: 'bluesky',
    remoteId: 'at://did:plc:abc/app.bsky.feed.post/3k',
    actionRef: 'bafy',
    viewerReposted: null,
    authorHandle: 'alice.test',
    excerpt: 'Hello',
  },
};

/** One valid input per method, the base for field-level mutations. */
const VALID: Record<RequestMethod, Record<string, unknown>> = {
  'app:info': {},
  'app:ready': {},
  'app:setLanguage': { language: 'fr' },
  'vault:status': {},
  'accounts:list': {},
  'accounts:add': {
    network: 'bluesky',
    service: 'https://bsky.social',
    identifier: 'alice.test',
    appPassword: 'abcd-efgh-ijkl-mnop',
  },
  'accounts:beginMastodon': { instance: 'https://mastodon.example', method: 'oob' },
  'accounts:completeMastodon': { flowId: 'f1', code: 'abc' },
  'accounts:remove': { id: '01J0000000000000000000000' },
  'accounts:setProtected': { id: '01J0000000000000000000000', protected: true },
  'streams:capabilities': { accountId: 'a1' },
  'streams:subscribe': {
    columnId: 'c1',
    source: { type: 'search', accountId: 'a1', param: 'roost' },
    visible: true,
  },
  'streams:unsubscribe': { columnId: 'c1' },
  'streams:setVisible': { columnId: 'c1', visible: false },
  'streams:refresh': { columnId: 'c1' },
  'streams:loadGap': { columnId: 'c1', gap: { id: 'g', before: 'b', since: 's' } },
  'streams:loadOlder': { columnId: 'c1' },
  'items:act': { accountId: 'a1', item: ITEM_REF, action: 'like' },
  'items:thread': { accountId: 'a1', item: ITEM_REF },
  'publish:preflight': { post: OUTGOING_POST },
  'publish:clear': {
    post: OUTGOING_POST,
    digest: 'sha256:00',
    typedHandles: { a1: '@brand.test' },
    acknowledged: ['link-shortener:bit.ly'],
  },
  'publish:preflightAction': { action: CONTENT_ACTION },
  'publish:clearAction': {
    action: CONTENT_ACTION,
    digest: 'sha256:00',
    typedHandles: { a1: '@brand.test' },
    acknowledged: [],
  },
  'outbox:submit': { draftId: null, post: OUTGOING_POST, clearanceId: null, undoSeconds: 10, campaign: null },
  'outbox:submitAction': { action: CONTENT_ACTION, clearanceId: null, undoSeconds: 10 },
  'outbox:retry': { jobId: 'j1' },
  'outbox:cancel': { jobId: 'j1' },
  'outbox:list': { from: '2025-01-01T00:00:00Z', accountIds: ['a1'] },
  'outbox:reschedule': { jobId: 'j1', scheduledAt: '2025-06-01T10:00:00Z' },
  'outbox:resolveOverdue': { jobId: 'j1', decision: 'send' },
  'schedule:bestTimes': { accountId: 'a1' },
  'shortener:status': {},
  'shortener:configure': {
    provider: 'shlink',
    baseUrl: 'https://s.example',
    apiKey: 'not-a-real-key',
    allowMastodon: false,
  },
  'shortener:setOptions': { allowMastodon: true },
  'shortener:clear': { confirm: true },
  'shortener:shorten': { urls: ['https://example.com/a'], network: 'bluesky' },
  'shortener:clicks': { codes: ['abc12'] },
  'shortener:links': { limit: 20 },
  // The first bytes of a PNG: valid for the contract (main checks the signature, not the image).
  'media:upload': { mimeType: 'image/png', dataBase64: 'iVBORw0KGgo=' },
  'compose:richText': { accountId: 'a1', texts: ['hi @alice.test #tag $AAPL'] },
  'sandbox:status': {},
  'sandbox:addAccount': {},
  'feeds:inspect': { url: 'https://example.org/feed.xml' },
  'analytics:snapshot': { accountId: 'acct-1' },
  'analytics:postPerformance': { accountId: 'acct-1', since: '2026-01-01T00:00:00.000Z' },
  'governance:get': {},
  'governance:update': {
    policy: {
      orgDomains: ['brand.example'],
      blockedTerms: ['leak'],
      quietHours: { '*': { start: '22:00', end: '07:00', timeZone: 'Europe/Paris' } },
      levels: { 'link-lookalike': 'block' },
      blockList: 'evil.example\n',
    },
  },
  'governance:export': {},
  'governance:import': { json: '{"format":"roost-governance-policy","version":1}' },
  'team:status': {},
  'team:join': { link: 'http://127.0.0.1:9/join#abcdefghijklmnopqrstuvwxyz', displayName: 'Ada' },
  'team:leave': { confirm: true },
  'team:members': {},
  'team:invite': { role: 'expert', expiresInHours: 24 },
  'team:invitations': {},
  'team:revokeInvitation': { id: '01JQ0000000000000000000000' },
  'team:setRole': { memberId: '01JQ0000000000000000000000', role: 'viewer', version: 1 },
  'team:revokeMember': { memberId: '01JQ0000000000000000000000' },
  'team:devices': {},
  'team:revokeDevice': { deviceId: 'abcdefghijklmnopqrstuv' },
  'team:audit': { action: 'members:', limit: 10 },
  'team:brandAccounts': {},
  'team:connectBrandAccount': {
    network: 'bluesky',
    service: 'https://pds.example',
    handle: 'brand.example',
    appPassword: 'aaaa-bbbb-cccc-dddd',
  },
  'team:removeBrandAccount': { id: '01JQ0000000000000000000000' },
  'team:brandAccess': { accountId: '01JQ0000000000000000000000' },
  'team:setBrandAccess': {
    accountId: '01JQ0000000000000000000000',
    memberId: '01JQ0000000000000000000000',
    access: 'reply',
  },
  'team:submitBrandPost': { accountId: '01JQ0000000000000000000000', text: 'Hello' },
  'team:brandPostStatus': { id: '01JQ0000000000000000000000' },
  'team:approvals': { view: 'to_approve' },
  'team:approve': { id: '01JQ0000000000000000000000' },
  'team:reject': { id: '01JQ0000000000000000000000', note: 'Off brand' },
  'team:noteApproval': { id: '01JQ0000000000000000000000', text: 'Check the date' },
  'desk:list': { view: 'mine' },
  'desk:counts': {},
  'desk:stats': { from: 0, to: 86_400_000, bucketMs: 3_600_000 },
  'desk:conversation': { id: 'c1' },
  'desk:act': { id: 'c1', action: { kind: 'snooze', until: 1_800_000_000_000 } },
  'desk:addNote': { id: 'c1', text: 'checked the order' },
  'desk:changesSince': { id: 'c1', since: 0 },
  'desk:recordReply': { id: 'c1', jobId: 'job1', text: 'Hello' },
  'desk:refresh': {},
  'desk:settings': {},
  'desk:updateSettings': structuredClone(defaultDeskSettings('Europe/Paris')),
  'desk:savedReplies': {},
  'desk:saveReply': { id: null, title: 'Thanks', bodyEn: 'Thank you {contact.name}', bodyFr: 'Merci' },
  'desk:deleteReply': { id: 'r1' },
  'desk:useReply': { id: 'r1', conversationId: 'c1', lang: 'fr' },
  'teamDesk:list': { view: 'team' },
  'teamDesk:counts': {},
  'teamDesk:conversation': { id: 'c1' },
  'teamDesk:act': {
    id: 'c1',
    version: 2,
    action: { kind: 'assign', memberId: '01JQ0000000000000000000000' },
  },
  'teamDesk:bulkAct': { ids: ['c1', 'c2'], action: { kind: 'resolve' } },
  'teamDesk:addNote': { id: 'c1', text: 'ask @Ana', mentions: ['01JQ0000000000000000000000'] },
  'teamDesk:changesSince': { id: 'c1', since: 0 },
  'teamDesk:reply': { id: 'c1', text: 'Hello', draftStartedAt: 1, sendAnyway: false },
  'teamDesk:presence': { id: 'c1', activity: 'viewing' },
  'teamDesk:experts': {},
  'teamDesk:updateExpert': {
    memberId: '01JQ0000000000000000000000',
    profile: {
      skills: ['billing'],
      capacity: 5,
      timeZone: 'Europe/Paris',
      week: [[], [], [], [], [], [], []],
      outOfOffice: [],
    },
  },
  'teamDesk:setAvailability': { availability: 'away', awayReason: 'Lunch' },
  'teamDesk:settings': {},
  'teamDesk:updateSettings': {
    desk: structuredClone(defaultDeskSettings('Europe/Paris')),
    order: 'balanced',
    skillsTimeoutMinutes: 30,
    hourlyCap: null,
    awayReasons: ['Lunch'],
    offlineGraceMinutes: 5,
  },
  'teamDesk:savedReplies': {},
  'teamDesk:saveReply': { id: null, title: 'Thanks', bodyEn: 'Thank you', bodyFr: 'Merci' },
  'teamDesk:deleteReply': { id: 'r1' },
  'teamDesk:useReply': { id: 'r1', conversationId: 'c1', lang: 'en' },
  'protection:alerts': { includeAcknowledged: true },
  'protection:acknowledge': { id: 'alert-1' },
  'protection:check': {},
};

function malformedPayloads(method: RequestMethod, seed: number): unknown[] {
  const random = seededRandom(seed);
  const schema = requests[method].input;
  const payloads: unknown[] = [];
  while (payloads.length < PAYLOADS_PER_METHOD) {
    const generated = random() < 0.5 ? hostileValue(random) : mutateValid(random, VALID[method]);
    // Judge the payload as main will receive it, after the JSON round trip of the wire (which drops
    // undefined fields and turns some values into {} or null).
    const candidate: unknown = JSON.parse(JSON.stringify(generated) ?? 'null');
    // Only inputs the contract must refuse count; a random value that happens to be valid is skipped.
    if (!schema.safeParse(candidate).success) payloads.push(candidate);
  }
  return payloads;
}

describe('contract fuzzing through the browser-mode host', () => {
  let fixture: HostFixture;
  let client: WireClient;

  beforeAll(async () => {
    fixture = await startHostFixture();
    client = await connectWire(fixture.rpcUrl(), fixture.origin);
  });
  afterAll(async () => {
    client.close();
    await fixture.stop();
  });

  it('the valid base inputs really are valid, so mutations test the schema and not a typo', () => {
    for (const method of REQUEST_METHODS)
      expect(requests[method].input.safeParse(VALID[method]).success).toBe(true);
  });

  it.each(REQUEST_METHODS.map((method, index) => [method, index] as const))(
    '%s answers every malformed payload with invalid_input',
    async (method, index) => {
      const payloads = malformedPayloads(method, 1000 + index);
      const codes = new Map<string, number>();
      for (const input of payloads) {
        const frame = await client.request(method, input);
        const code = frame.result.ok ? 'ok' : frame.result.error.code;
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }
      expect(Object.fromEntries(codes)).toEqual({ invalid_input: PAYLOADS_PER_METHOD });
      const info = await client.request('app:info', {});
      expect(info.result.ok).toBe(true);
    },
  );

  it('refuses malformed frames and unknown methods without dropping the connection', async () => {
    const random = seededRandom(7);
    const frames: (string | Buffer)[] = [
      'not json',
      '[]',
      'null',
      '42',
      '{"kind":"request"}',
      '{"kind":"request","id":"1","method":"app:info"}',
      '{"kind":"event","id":1,"method":"app:info"}',
      '{"kind":"request","id":1.5,"method":"app:info"}',
      Buffer.from([0xff, 0xfe, 0x00]),
    ];
    for (let i = 0; i < 200; i++)
      frames.push(JSON.stringify({ kind: 'request', id: i, method: hostileValue(random) }));
    for (const frame of frames) {
      client.sendRaw(frame);
      const answer = await client.nextResult();
      expect(answer.result.ok).toBe(false);
      if (!answer.result.ok) expect(['invalid_input', 'unknown_method']).toContain(answer.result.error.code);
    }
    expect((await client.request('accounts:list', {})).result).toEqual({ ok: true, value: [] });
  });
});

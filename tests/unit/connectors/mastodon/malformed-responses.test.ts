// Fuzzes the Mastodon connector with broken versions of the official API docs' example responses (served by
// the loopback replay server, not a real Mastodon): wrong types, missing fields, huge strings, deep nesting,
// non-JSON. Every case must end in a RoostError — never an unhandled exception or an invalid StreamItem.
import { afterEach, describe, expect, it } from 'vitest';
import { RoostError } from '../../../../src-shared/contract/errors.ts';
import {
  createMastodonConnector,
  type MastodonConnector,
} from '../../../../src-main/connectors/mastodon/mastodon-connector.ts';
import { MastodonHttp } from '../../../../src-main/connectors/mastodon/http.ts';
import { verifyCredentials } from '../../../../src-main/connectors/mastodon/oauth.ts';
import {
  completeConversation,
  completeNotification,
  completeStatus,
  fixture,
  type Json,
  type JsonObject,
} from '../../../support/mastodon-replay/fixtures.ts';
import { source, useReplay } from './replay-harness.ts';

const h = useReplay();

afterEach(() => {
  h.server.intercept = null;
});

/** Small deterministic PRNG so a failing case can be replayed from its index. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const STATUS_REQUIRED = [
  'id',
  'uri',
  'created_at',
  'account',
  'content',
  'visibility',
  'spoiler_text',
  'replies_count',
  'reblogs_count',
  'favourites_count',
  'media_attachments',
  'mentions',
  'tags',
];
const ACCOUNT_REQUIRED = ['id', 'username', 'acct', 'display_name'];

function wrongTypeFor(value: Json, pick: number): Json {
  const candidates: Json[] =
    typeof value === 'string'
      ? [42, { nested: true }, ['x'], true]
      : typeof value === 'number'
        ? ['5', -1, 1.5, { n: 1 }]
        : Array.isArray(value)
          ? ['x', 7, { length: 1 }]
          : [[], 'object', 0, true];
  return candidates[Math.floor(pick * candidates.length)] ?? null;
}

function deepArray(depth: number): Json {
  let value: Json = [];
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
}

/** One broken copy of a status: a required field (of the status or its account) removed, retyped, bloated or nested. */
function breakStatus(status: JsonObject, random: () => number): JsonObject {
  const broken = structuredClone(status);
  const inAccount = random() < 0.3;
  const target = inAccount ? (broken.account as JsonObject) : broken;
  const keys = inAccount ? ACCOUNT_REQUIRED : STATUS_REQUIRED;
  const key = keys[Math.floor(random() * keys.length)] as string;
  const mode = Math.floor(random() * 4);
  if (mode === 0) delete target[key];
  else if (mode === 1) target[key] = wrongTypeFor(target[key] ?? null, random());
  else if (mode === 2) target[key] = typeof target[key] === 'string' ? 'x'.repeat(300_000) : deepArray(2_000);
  else target[key] = deepArray(3_000);
  return broken;
}

interface Endpoint {
  readonly name: string;
  readonly path: RegExp;
  readonly valid: () => Json;
  readonly breakIt: (valid: Json, random: () => number) => Json;
  readonly call: (connector: MastodonConnector) => Promise<unknown>;
}

const mutateList = (items: Json, random: () => number, breakItem: (item: JsonObject) => JsonObject): Json => {
  const list = structuredClone(items) as JsonObject[];
  const index = Math.floor(random() * list.length);
  list[index] = breakItem(list[index] as JsonObject);
  return list;
};

const home = (): Json => [
  completeStatus(fixture('reblog')),
  fixture('status-local-reply'),
  fixture('status'),
  fixture('status-federated'),
];

const endpoints: Endpoint[] = [
  {
    name: 'home timeline',
    path: /^\/api\/v1\/timelines\/home$/,
    valid: home,
    breakIt: (valid, random) =>
      mutateList(valid, random, (s) =>
        random() < 0.2 && s.reblog
          ? { ...s, reblog: breakStatus(s.reblog as JsonObject, random) }
          : breakStatus(s, random),
      ),
    call: (c) => c.fetchPage({ source: source('home'), since: null, before: null, limit: 20 }),
  },
  {
    name: 'notifications',
    path: /^\/api\/v1\/notifications$/,
    valid: () => fixture<JsonObject[]>('notifications').map(completeNotification),
    breakIt: (valid, random) =>
      mutateList(valid, random, (n) => {
        const copy = structuredClone(n);
        const choice = random();
        if (choice < 0.5) copy.status = breakStatus(copy.status as JsonObject, random);
        else if (choice < 0.75)
          delete copy[['id', 'type', 'created_at', 'account'][Math.floor(random() * 4)] as string];
        else copy.type = wrongTypeFor('mention', random());
        return copy;
      }),
    call: (c) => c.fetchPage({ source: source('notifications'), since: null, before: null, limit: 20 }),
  },
  {
    name: 'conversations',
    path: /^\/api\/v1\/conversations$/,
    valid: () => fixture<JsonObject[]>('conversations').map(completeConversation),
    breakIt: (valid, random) =>
      mutateList(valid, random, (c) =>
        random() < 0.7
          ? { ...c, last_status: breakStatus(c.last_status as JsonObject, random) }
          : { ...c, accounts: 'none' },
      ),
    call: (c) => c.fetchPage({ source: source('conversations'), since: null, before: null, limit: 20 }),
  },
  {
    name: 'search',
    path: /^\/api\/v2\/search$/,
    valid: () => ({ accounts: [], statuses: [fixture('status')], hashtags: [] }),
    breakIt: (valid, random): Json => {
      if (random() < 0.2) return { accounts: [] };
      return { ...(valid as JsonObject), statuses: [breakStatus(fixture('status'), random)] };
    },
    call: (c) => c.fetchPage({ source: source('search', 'x'), since: null, before: null, limit: 20 }),
  },
  {
    name: 'instance',
    path: /^\/api\/v2\/instance$/,
    valid: () => fixture('instance-v2'),
    breakIt: (valid, random) => {
      const copy = structuredClone(valid) as JsonObject;
      const statuses = (copy.configuration as JsonObject).statuses as JsonObject;
      const key = ['max_characters', 'max_media_attachments', 'characters_reserved_per_url'][
        Math.floor(random() * 3)
      ] as string;
      if (random() < 0.3) delete statuses[key];
      else if (random() < 0.5) statuses[key] = random() < 0.5 ? '500' : -500;
      else (copy.configuration as JsonObject).media_attachments = null;
      return copy;
    },
    call: (c) => c.capabilities(),
  },
  {
    name: 'publish',
    path: /^\/api\/v1\/statuses$/,
    valid: () => fixture('status'),
    breakIt: (_valid, random) =>
      random() < 0.2
        ? { ...fixture<JsonObject>('scheduled-status'), params: 'x' }
        : breakStatus(fixture('status'), random),
    call: (c) => c.publishStatus({ text: 'hello', idempotencyKey: 'fuzz' }),
  },
];

const SHAPELESS: readonly (string | Json)[] = [
  '',
  'not json',
  '{"truncated": ',
  'null',
  '42',
  '"a string"',
  '{}',
  '[1,2,3]',
  `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
];

describe('malformed responses always become RoostErrors', () => {
  for (const endpoint of endpoints) {
    it(`${endpoint.name}: the documented answer passes, 25 broken ones fail cleanly`, async () => {
      const connector = createMastodonConnector({
        accountId: 'acc-1',
        origin: h.server.origin,
        accessToken: h.server.token,
      });
      let body: Json | string = endpoint.valid();
      h.server.intercept = (request) =>
        endpoint.path.test(request.path) ? { status: 200, body } : undefined;
      await expect(endpoint.call(connector)).resolves.toBeDefined();

      const random = prng(endpoint.name.length * 7919);
      for (let index = 0; index < 25; index += 1) {
        body = endpoint.breakIt(endpoint.valid(), random);
        const outcome = await endpoint
          .call(
            createMastodonConnector({
              accountId: 'acc-1',
              origin: h.server.origin,
              accessToken: h.server.token,
            }),
          )
          .then(
            () => 'resolved',
            (error: unknown) => error,
          );
        expect(outcome, `${endpoint.name} case ${index}`).toBeInstanceOf(RoostError);
        expect((outcome as RoostError).code, `${endpoint.name} case ${index}`).toBe('server_error');
      }
    });
  }

  it('shapeless bodies on every endpoint', async () => {
    for (const endpoint of endpoints) {
      for (const raw of SHAPELESS) {
        h.server.intercept = (request) =>
          endpoint.path.test(request.path)
            ? { status: 200, body: typeof raw === 'string' ? raw : JSON.stringify(raw) }
            : undefined;
        const connector = createMastodonConnector({
          accountId: 'acc-1',
          origin: h.server.origin,
          accessToken: h.server.token,
        });
        const outcome = await endpoint.call(connector).then(
          () => 'resolved',
          (error: unknown) => error,
        );
        expect(outcome, `${endpoint.name} with ${String(raw).slice(0, 20)}`).toBeInstanceOf(RoostError);
      }
    }
  });

  it('an answer above the size cap is refused before parsing', async () => {
    h.server.intercept = (request) =>
      request.path === '/api/v1/timelines/home'
        ? { status: 200, body: `["${'x'.repeat(9 * 1024 * 1024)}"]` }
        : undefined;
    await expect(
      h.connector.fetchPage({ source: source('home'), since: null, before: null, limit: 5 }),
    ).rejects.toMatchObject({
      code: 'server_error',
      message: expect.stringContaining('larger than'),
    });
  });

  it('error answers with odd bodies still map by status code', async () => {
    for (const [status, body, code] of [
      [422, { error: 42 }, 'invalid_input'],
      [422, `{"error": "${'v'.repeat(10_000)}"}`, 'invalid_input'],
      [401, '<html>', 'auth_failed'],
      [500, '', 'server_error'],
      [418, '{}', 'server_error'],
    ] as const) {
      h.server.intercept = () => ({ status, body });
      const outcome = await h.connector
        .publishStatus({ text: 'x', idempotencyKey: 'k' })
        .catch((error: unknown) => error);
      expect(outcome).toBeInstanceOf(RoostError);
      expect((outcome as RoostError).code).toBe(code);
      expect((outcome as RoostError).message.length).toBeLessThan(500);
    }
  });

  it('verify_credentials with a broken account fails cleanly', async () => {
    h.server.intercept = (request) =>
      request.path === '/api/v1/accounts/verify_credentials'
        ? { status: 200, body: { ...fixture<JsonObject>('account-credential'), acct: null } }
        : undefined;
    const http = new MastodonHttp({ origin: h.server.origin, accessToken: h.server.token });
    await expect(verifyCredentials(http)).rejects.toMatchObject({ code: 'server_error' });
  });
});

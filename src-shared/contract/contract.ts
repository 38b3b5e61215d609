// The single definition of everything the renderer may ask of main and everything main pushes back.
// Both transports (Electron IPC and the browser-mode WebSocket host) carry exactly this contract.
import { z } from '../zod.ts';
import { AccountSchema } from '../domain/account.ts';
import { streamRequests, streamEvents } from './streams-contract.ts';
import { publishingRequests, publishingEvents, type NetworkEffect } from './publishing-contract.ts';
import { shortenerRequests } from './shortener-contract.ts';
import { analyticsRequests } from './analytics-contract.ts';
import { mediaRequests } from './media-contract.ts';
import { composeRequests } from './compose-contract.ts';
import { sandboxRequests } from './sandbox-contract.ts';
import { feedsRequests } from './feeds-contract.ts';
import { governanceRequests } from './governance-contract.ts';
import { teamDeskEvents, teamDeskRequests } from './team-desk-contract.ts';
import { deskEvents, deskRequests } from './desk-contract.ts';
import { teamInboxEvents, teamInboxRequests } from './team-inbox-contract.ts';
import { protectionEvents, protectionRequests } from './protection-contract.ts';
import type { EventName, RequestMethod } from './methods.ts';

const Empty = z.object({}).strict();
const Id = z.string().min(1).max(64);

/** Secrets are bounded so a hostile caller cannot make main hold huge strings. */
const AppPassword = z.string().min(1).max(256);

export const VaultStateSchema = z.enum(['available', 'locked', 'unavailable', 'timed_out']);

export const requests = {
  'app:info': {
    input: Empty,
    output: z.object({ version: z.string(), mode: z.enum(['electron', 'browser']), platform: z.string() }),
  },
  /** The renderer says it can receive events; main flushes anything it queued before. */
  'app:ready': { input: Empty, output: z.object({ queued: z.number().int().nonnegative() }) },
  /** The language the renderer shows (after resolving "system"), so the tray and native menu match it. */
  'app:setLanguage': { input: z.object({ language: z.enum(['en', 'fr']) }).strict(), output: Empty },
  'vault:status': {
    input: Empty,
    output: z.object({
      state: VaultStateSchema,
      detail: z.string(),
      /** A throwaway keyring for this run only (browser mode's --private-keyring): secrets vanish on stop. */
      privateKeyring: z.boolean().optional(),
      /** Which Linux desktop's keyring to explain when none answers; null off Linux. */
      desktop: z.enum(['gnome', 'kde', 'other']).nullable().optional(),
    }),
  },
  'accounts:list': { input: Empty, output: z.array(AccountSchema) },
  'accounts:add': {
    input: z
      .object({
        network: z.literal('bluesky'),
        service: z.url({ protocol: /^https?$/ }).max(2048),
        identifier: z.string().trim().min(1).max(512),
        appPassword: AppPassword,
      })
      .strict(),
    output: AccountSchema,
  },
  /** Starts a Mastodon OAuth sign-in; the renderer opens `authorizeUrl` in the user's browser. */
  'accounts:beginMastodon': {
    input: z
      .object({ instance: z.url({ protocol: /^https?$/ }).max(2048), method: z.enum(['loopback', 'oob']) })
      .strict(),
    output: z.object({ flowId: z.string(), authorizeUrl: z.string() }),
  },
  /** Finishes an out-of-band sign-in with the code the server showed. */
  'accounts:completeMastodon': {
    input: z.object({ flowId: z.string().min(1).max(64), code: z.string().trim().min(1).max(2048) }).strict(),
    output: AccountSchema,
  },
  'accounts:remove': { input: z.object({ id: Id }).strict(), output: z.object({ removed: z.boolean() }) },
  /** Lowering protection needs the account's handle typed, checked in main, like posting as it does. */
  'accounts:setProtected': {
    input: z.object({ id: Id, protected: z.boolean(), typedHandle: z.string().max(512).optional() }).strict(),
    output: AccountSchema,
  },
  ...streamRequests,
  ...publishingRequests,
  ...shortenerRequests,
  ...analyticsRequests,
  ...mediaRequests,
  ...composeRequests,
  ...sandboxRequests,
  ...feedsRequests,
  ...governanceRequests,
  ...teamDeskRequests,
  ...deskRequests,
  ...teamInboxRequests,
  ...protectionRequests,
} as const satisfies Record<RequestMethod, { input: z.ZodType; output: z.ZodType; effect?: NetworkEffect }>;

export const events = {
  'accounts:changed': z.object({ accounts: z.array(AccountSchema) }),
  /** A loopback OAuth sign-in finished (the browser came back to Roost), successfully or not. */
  'accounts:signIn': z.object({
    flowId: z.string(),
    ok: z.boolean(),
    accountId: z.string().nullable(),
    errorCode: z.string().nullable(),
  }),
  'app:connectivity': z.object({ online: z.boolean() }),
  'app:power': z.object({ state: z.enum(['suspend', 'resume']) }),
  ...streamEvents,
  ...publishingEvents,
  ...teamDeskEvents,
  ...deskEvents,
  ...teamInboxEvents,
  ...protectionEvents,
} as const satisfies Record<EventName, z.ZodType>;

export type Requests = typeof requests;
export type Events = typeof events;
export type RequestInput<M extends RequestMethod> = z.input<Requests[M]['input']>;
export type RequestOutput<M extends RequestMethod> = z.output<Requests[M]['output']>;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** The methods marked with a network effect, derived from the contract itself. */
export function methodsWithEffect(effect: NetworkEffect): RequestMethod[] {
  return (Object.keys(requests) as RequestMethod[]).filter(
    (m) => (requests[m] as { effect?: NetworkEffect }).effect === effect,
  );
}

export { REQUEST_METHODS, EVENT_NAMES } from './methods.ts';
export type { NetworkEffect } from './publishing-contract.ts';
export type { RequestMethod, EventName } from './methods.ts';

// Main's client of the team server: joining with an invitation link (enrolling this device's Ed25519 key),
// logging in by signing the server's challenge, and typed calls that carry idempotency keys and log in again
// when the session has expired. The private key is read from the DeviceKeyStore only to sign.
import { createHash, createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { ulid } from 'ulid';
import {
  challengeMessage,
  IDEMPOTENCY_HEADER,
  MUTATING_TEAM_METHODS,
  TEAM_API_PREFIX,
  teamRequests,
  type TeamInput,
  type TeamMethod,
  type TeamOutput,
  type TeamResult,
} from '../../src-shared/team/team-contract.ts';
import type { DeviceKeyStore, StoredDeviceKey } from './device-key-store.ts';

export interface InvitationLink {
  readonly serverUrl: string;
  readonly code: string;
}

/** `https://team.example/join#CODE` → the server's address and the code. Null when it is not such a link. */
export function parseInvitationLink(link: string): InvitationLink | null {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  const code = url.hash.slice(1);
  if (!/^https?:$/.test(url.protocol) || url.pathname !== '/join' || !/^[A-Za-z0-9_-]{20,64}$/.test(code))
    return null;
  return { serverUrl: url.origin, code };
}

export interface TeamSession {
  readonly token: string;
  readonly expiresAt: number;
  readonly memberId: string;
  readonly deviceId: string;
}

export interface TeamClientOptions {
  readonly serverUrl: string;
  readonly keyStore: DeviceKeyStore;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
}

export interface CallOptions {
  /** A ULID made when the request was first made; reuse it when the same request is sent again. */
  readonly idempotencyKey?: string;
}

export interface TeamClient {
  readonly serverUrl: string;
  join(
    code: string,
    names: { displayName: string; deviceName: string },
  ): Promise<TeamResult<TeamOutput<'invitations:accept'>>>;
  login(): Promise<TeamResult<TeamSession>>;
  /** A current session, logging in when there is none or it is about to expire. */
  session(): Promise<TeamResult<TeamSession>>;
  call<M extends TeamMethod>(
    method: M,
    input: TeamInput<M>,
    options?: CallOptions,
  ): Promise<TeamResult<TeamOutput<M>>>;
  /** Sends a request as-is, with no session handling: for tests and diagnostics. */
  raw(
    method: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; result: TeamResult<unknown> }>;
}

/** A session is renewed this long before it expires, so a call never leaves with a token about to lapse. */
const RENEW_MARGIN_MS = 30_000;

export function createTeamClient(options: TeamClientOptions): TeamClient {
  const fetchFn = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const serverUrl = options.serverUrl.replace(/\/+$/, '');
  let current: TeamSession | null = null;
  let loggingIn: Promise<TeamResult<TeamSession>> | null = null;

  async function raw(method: string, body: unknown, headers: Record<string, string> = {}) {
    const response = await fetchFn(`${serverUrl}${TEAM_API_PREFIX}${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const result = (await response.json()) as TeamResult<unknown>;
    return { status: response.status, result };
  }

  async function publicCall<M extends TeamMethod>(
    method: M,
    input: TeamInput<M>,
  ): Promise<TeamResult<TeamOutput<M>>> {
    const { result } = await raw(method, input);
    return result.ok
      ? { ok: true, value: teamRequests[method].output.parse(result.value) as TeamOutput<M> }
      : result;
  }

  async function deviceKey(): Promise<StoredDeviceKey | null> {
    return options.keyStore.load(serverUrl);
  }

  async function login(): Promise<TeamResult<TeamSession>> {
    const key = await deviceKey();
    if (!key)
      return {
        ok: false,
        error: { code: 'unauthenticated', message: 'This desktop has not joined the team' },
      };
    const deviceId = deviceIdOf(key.publicKey);
    const challenge = await publicCall('auth:challenge', { deviceId });
    if (!challenge.ok) return challenge;
    const privateKey = createPrivateKey({
      key: Buffer.from(key.privateKey, 'base64url'),
      format: 'der',
      type: 'pkcs8',
    });
    const message = challengeMessage(await serverIdOf(), deviceId, challenge.value.challenge);
    const signature = sign(null, Buffer.from(message, 'utf8'), privateKey).toString('base64url');
    const session = await publicCall('auth:login', {
      deviceId,
      challenge: challenge.value.challenge,
      signature,
    });
    if (!session.ok) return session;
    current = session.value;
    return { ok: true, value: current };
  }

  let serverId: string | null = null;
  async function serverIdOf(): Promise<string> {
    if (serverId) return serverId;
    const response = await fetchFn(`${serverUrl}/v1/health`);
    const health = (await response.json()) as TeamResult<{ serverId: string }>;
    if (!health.ok) throw new Error(`The team server at ${serverUrl} did not say who it is`);
    serverId = health.value.serverId;
    return serverId;
  }

  async function session(): Promise<TeamResult<TeamSession>> {
    if (current && current.expiresAt - RENEW_MARGIN_MS > now()) return { ok: true, value: current };
    loggingIn ??= login().finally(() => (loggingIn = null));
    return loggingIn;
  }

  return {
    serverUrl,
    raw,
    login,
    session,
    async join(code, names) {
      // The key is saved before the server hears of it: if the answer is lost, joining again with the same key
      // names the same device, and the server answers the same enrolment instead of refusing a used invitation.
      let key = await deviceKey();
      if (!key) {
        const pair = generateKeyPairSync('ed25519');
        key = {
          privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64url'),
          publicKey: pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64url'),
        };
        await options.keyStore.save(serverUrl, key);
      }
      const result = await publicCall('invitations:accept', { code, ...names, publicKey: key.publicKey });
      if (result.ok) serverId = result.value.serverId;
      return result;
    },
    async call(method, input, callOptions = {}) {
      const idempotencyKey = MUTATING_TEAM_METHODS.has(method)
        ? (callOptions.idempotencyKey ?? ulid(now()))
        : undefined;
      for (let attempt = 0; ; attempt++) {
        const auth = await session();
        if (!auth.ok) return auth;
        const headers: Record<string, string> = { authorization: `Bearer ${auth.value.token}` };
        if (idempotencyKey) headers[IDEMPOTENCY_HEADER] = idempotencyKey;
        const { result } = await raw(method, input, headers);
        // A session ended under us (expired, server restarted its clock…): log in once more and resend the same
        // request with the same idempotency key, so it still happens at most once.
        if (!result.ok && result.error.code === 'unauthenticated' && attempt === 0) {
          current = null;
          continue;
        }
        if (!result.ok) return result;
        return {
          ok: true,
          value: teamRequests[method].output.parse(result.value) as TeamOutput<typeof method>,
        };
      }
    },
  };
}

/** The server derives a device's id from its public key the same way (see src-server/identity/device-keys.ts). */
export function deviceIdOf(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('base64url').slice(0, 22);
}

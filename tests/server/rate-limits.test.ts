// Rate limits on the methods anyone may call: login challenges and failed logins, per device id and per
// client address. Over a limit the server answers 429 `rate_limited` with how long to wait (body and
// Retry-After header), refuses even a correct login until then, and lets the device in once the window ends.
// The limits are counted in the server's memory, whatever the storage engine, so this runs on SQLite only.
import { randomBytes, sign, createPrivateKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { challengeMessage } from '../../src-shared/team/team-contract.ts';
import { DEFAULT_AUTH_RATE_LIMITS, type AuthRateLimitRules } from '../../src-server/http/auth-rate-limits.ts';
import { startTeamFixture, type Desktop, type TeamFixture } from './support/team-fixture.ts';

const RULES: AuthRateLimitRules = {
  ...DEFAULT_AUTH_RATE_LIMITS,
  challengePerAddress: { limit: 60, windowMs: 60_000 },
  failedLoginPerAddress: { limit: 15, windowMs: 15 * 60_000 },
};

const randomDeviceId = () => randomBytes(16).toString('base64url');

describe('login rate limits', () => {
  let clock = Date.now();
  let team: TeamFixture;
  beforeAll(async () => {
    team = await startTeamFixture({ now: () => clock, authRateLimits: RULES });
  });
  afterAll(() => team.stop());

  const post = async (method: string, body: unknown) => {
    const response = await fetch(`${team.server.url}/v1/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      result: (await response.json()) as {
        ok: boolean;
        value?: { challenge: string };
        error?: { code: string; retryAfterMs?: number };
      },
    };
  };

  async function badLogin(desktop: Desktop) {
    const challenge = await post('auth:challenge', { deviceId: desktop.deviceId });
    if (!challenge.result.ok) return challenge;
    return post('auth:login', {
      deviceId: desktop.deviceId,
      challenge: challenge.result.value!.challenge,
      signature: randomBytes(64).toString('base64url'),
    });
  }

  it('refuses a device’s challenges over its limit with rate_limited and a retry time, then lets it in again', async () => {
    const device = randomDeviceId();
    const limit = RULES.challengePerDevice.limit;
    for (let i = 0; i < limit; i++)
      expect((await post('auth:challenge', { deviceId: device })).status).toBe(200);
    const refused = await post('auth:challenge', { deviceId: device });
    expect(refused).toMatchObject({ status: 429, result: { ok: false, error: { code: 'rate_limited' } } });
    const retryAfterMs = refused.result.error!.retryAfterMs!;
    expect(retryAfterMs).toBeGreaterThan(0);
    expect(retryAfterMs).toBeLessThanOrEqual(RULES.challengePerDevice.windowMs);
    expect(Number(refused.retryAfter)).toBe(Math.ceil(retryAfterMs / 1000));
    // Another device from the same address is not held back by this one.
    expect((await post('auth:challenge', { deviceId: randomDeviceId() })).status).toBe(200);
    clock += retryAfterMs;
    expect((await post('auth:challenge', { deviceId: device })).status).toBe(200);
  });

  it('refuses challenges from one address over its limit, whatever the device ids', async () => {
    clock += 60_000; // a fresh window
    const statuses: number[] = [];
    for (let i = 0; i < RULES.challengePerAddress.limit + 5; i++)
      statuses.push((await post('auth:challenge', { deviceId: randomDeviceId() })).status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(RULES.challengePerAddress.limit);
    expect(statuses.slice(RULES.challengePerAddress.limit)).toEqual([429, 429, 429, 429, 429]);
    clock += 60_000;
  });

  it('locks a device out after too many failed logins, even with the right key, until the window ends', async () => {
    clock += 60_000;
    const member = await team.join('expert', 'Guessed at');
    for (let i = 0; i < RULES.failedLoginPerDevice.limit; i++) {
      expect((await badLogin(member)).result).toMatchObject({
        ok: false,
        error: { code: 'unauthenticated' },
      });
    }
    // The right signature now: still refused, because the device is locked out.
    const stored = (await member.keyStore.load(team.server.url))!;
    const privateKey = createPrivateKey({
      key: Buffer.from(stored.privateKey, 'base64url'),
      format: 'der',
      type: 'pkcs8',
    });
    const challenge = await post('auth:challenge', { deviceId: member.deviceId });
    const signature = sign(
      null,
      Buffer.from(challengeMessage(team.server.serverId, member.deviceId, challenge.result.value!.challenge)),
      privateKey,
    ).toString('base64url');
    const locked = await post('auth:login', {
      deviceId: member.deviceId,
      challenge: challenge.result.value!.challenge,
      signature,
    });
    expect(locked).toMatchObject({ status: 429, result: { error: { code: 'rate_limited' } } });
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);

    clock += RULES.failedLoginPerDevice.windowMs;
    expect(await member.client.login()).toMatchObject({ ok: true });
  });

  it('locks an address out after too many failed logins across devices', async () => {
    clock += RULES.failedLoginPerAddress.windowMs;
    const members = [await team.join('viewer', 'One'), await team.join('viewer', 'Two')];
    const codes: string[] = [];
    for (let i = 0; i < RULES.failedLoginPerAddress.limit + 2; i++) {
      const attempt = await badLogin(members[i % 2]!);
      codes.push(attempt.result.error!.code);
    }
    expect(codes.slice(0, RULES.failedLoginPerAddress.limit).every((c) => c === 'unauthenticated')).toBe(
      true,
    );
    expect(codes.slice(RULES.failedLoginPerAddress.limit)).toEqual(['rate_limited', 'rate_limited']);
  });
});

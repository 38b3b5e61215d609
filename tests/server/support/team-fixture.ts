// A real team server on loopback with a fresh data folder, and desktops (team clients with their own device
// keys) joined to it with a given role. Device keys are kept in memory here; the app keeps them in the keychain.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TeamRole } from '../../../src-shared/team/team-contract.ts';
import type { DeviceKeyStore, StoredDeviceKey } from '../../../src-main/team/device-key-store.ts';
import {
  createTeamClient,
  parseInvitationLink,
  type TeamClient,
} from '../../../src-main/team/team-client.ts';
import { startTeamServer, type TeamServer } from '../../../src-server/team-server.ts';
import { databaseFor, type EngineName } from './test-databases.ts';
import type { AuthRateLimitRules } from '../../../src-server/http/auth-rate-limits.ts';

export function memoryKeyStore(): DeviceKeyStore & { keys: Map<string, StoredDeviceKey> } {
  const keys = new Map<string, StoredDeviceKey>();
  return {
    keys,
    load: async (url) => keys.get(url) ?? null,
    save: async (url, key) => void keys.set(url, key),
    remove: async (url) => void keys.delete(url),
  };
}

export interface Desktop {
  readonly client: TeamClient;
  readonly keyStore: ReturnType<typeof memoryKeyStore>;
  readonly memberId: string;
  readonly deviceId: string;
  readonly role: TeamRole;
}

export interface TeamFixture {
  readonly server: TeamServer;
  readonly dataDir: string;
  /** What another server (a restart, a second process) needs to open the same team data. */
  readonly storage: { readonly dataDir: string; readonly database?: string };
  readonly owner: Desktop;
  /** Invites (as the owner) and joins a new member with `role`. */
  join(role: TeamRole, name?: string): Promise<Desktop>;
  /** A client for this server with a fresh, un-enrolled key store. */
  newClient(): TeamClient;
  stop(): Promise<void>;
}

export async function startTeamFixture(
  options: { now?: () => number; engine?: EngineName; authRateLimits?: AuthRateLimitRules } = {},
): Promise<TeamFixture> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'roost-team-'));
  const storage = { dataDir, ...(await databaseFor(options.engine ?? 'sqlite')) };
  const server = await startTeamServer({
    ...storage,
    port: 0,
    ...(options.now ? { now: options.now } : {}),
    ...(options.authRateLimits ? { authRateLimits: options.authRateLimits } : {}),
  });
  const link = parseInvitationLink(server.ownerInvitation ?? '');
  if (!link) throw new Error('the server printed no owner invitation');
  const owner = await joinWithCode(server.url, link.code, 'Owner');
  if (owner.role !== 'owner') throw new Error('the owner invitation did not make an owner');
  let count = 0;
  return {
    server,
    dataDir,
    storage,
    owner,
    newClient: () => createTeamClient({ serverUrl: server.url, keyStore: memoryKeyStore() }),
    async join(role, name) {
      const invitation = await owner.client.call('invitations:create', { role, expiresInHours: 1 });
      if (!invitation.ok) throw new Error(`invitation refused: ${invitation.error.code}`);
      count += 1;
      return joinWithCode(server.url, invitation.value.code, name ?? `${role} ${count}`);
    },
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function joinWithCode(serverUrl: string, code: string, name: string): Promise<Desktop> {
  const keyStore = memoryKeyStore();
  const client = createTeamClient({ serverUrl, keyStore });
  const joined = await client.join(code, { displayName: name, deviceName: `${name}'s laptop` });
  if (!joined.ok) throw new Error(`join refused: ${joined.error.code} ${joined.error.message}`);
  return {
    client,
    keyStore,
    memberId: joined.value.memberId,
    deviceId: joined.value.deviceId,
    role: joined.value.role,
  };
}

// Roost's credentials on top of a Keychain: one JSON entry per account (`account:<id>`) under Roost's service.
// Values are validated on the way in and out; a value that does not parse is reported, never echoed.
import { z } from '../../src-shared/zod.ts';
import type { Keychain, KeychainDelete, KeychainFailure, KeychainStatus, KeychainWrite } from './keychain.ts';

export const VAULT_SERVICE = 'app.roost.credentials';
const ACCOUNT_PREFIX = 'account:';

const appPasswordCredential = z.object({
  kind: z.literal('app-password'),
  identifier: z.string().min(1),
  secret: z.string().min(1),
  /** A resumable session, so a restart does not cost a (rate-limited) login. */
  session: z.object({ accessJwt: z.string(), refreshJwt: z.string() }).optional(),
});

const oauthCredential = z.object({
  kind: z.literal('oauth'),
  accessToken: z.string().min(1),
  refreshToken: z.string().optional(),
  tokenType: z.string().optional(),
  scope: z.string().optional(),
  /** ISO 8601. */
  expiresAt: z.string().optional(),
});

const apiKeyCredential = z.object({ kind: z.literal('api-key'), secret: z.string().min(1) });

export const vaultCredentialSchema = z.discriminatedUnion('kind', [
  appPasswordCredential,
  oauthCredential,
  apiKeyCredential,
]);
export type VaultCredential = z.infer<typeof vaultCredentialSchema>;

export type VaultRead =
  | { readonly state: 'stored'; readonly credential: VaultCredential }
  | { readonly state: 'not_stored' }
  /** Something is stored but is not a credential Roost understands (written by another version or program). */
  | { readonly state: 'invalid' }
  | KeychainFailure;

export type VaultList = { readonly state: 'found'; readonly accountIds: readonly string[] } | KeychainFailure;

export interface SecretVault {
  read(accountId: string): Promise<VaultRead>;
  write(accountId: string, credential: VaultCredential): Promise<KeychainWrite>;
  remove(accountId: string): Promise<KeychainDelete>;
  /** Account ids with a credential in the keychain. */
  list(): Promise<VaultList>;
  /** `available` also means writable: the probe writes when it has to. */
  status(): Promise<KeychainStatus>;
}

export function createSecretVault(keychain: Keychain, service: string = VAULT_SERVICE): SecretVault {
  const key = (accountId: string): string => {
    if (accountId.length === 0) throw new TypeError('vault account id must be non-empty');
    return `${ACCOUNT_PREFIX}${accountId}`;
  };

  return {
    async read(accountId) {
      const result = await keychain.getPassword(service, key(accountId));
      if (result.state !== 'stored') return result;
      return parseCredential(result.value);
    },

    async write(accountId, credential) {
      // Validate before storing so a bad value fails here, with a message that cannot contain the secret.
      const checked = vaultCredentialSchema.safeParse(credential);
      if (!checked.success) {
        throw new TypeError(
          `vault credential is not valid: ${checked.error.issues.map((issue) => issue.path.join('.')).join(', ')}`,
        );
      }
      return keychain.setPassword(service, key(accountId), JSON.stringify(checked.data));
    },

    remove(accountId) {
      return keychain.deletePassword(service, key(accountId));
    },

    async list() {
      const result = await keychain.findCredentials(service);
      if (result.state !== 'found') return result;
      const accountIds = result.credentials
        .map((credential) => credential.account)
        .filter((account) => account.startsWith(ACCOUNT_PREFIX))
        .map((account) => account.slice(ACCOUNT_PREFIX.length));
      return { state: 'found', accountIds };
    },

    status() {
      return keychain.status();
    },
  };
}

function parseCredential(raw: string): VaultRead {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { state: 'invalid' };
  }
  const parsed = vaultCredentialSchema.safeParse(json);
  return parsed.success ? { state: 'stored', credential: parsed.data } : { state: 'invalid' };
}

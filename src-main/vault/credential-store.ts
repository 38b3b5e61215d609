// What main keeps in the keychain per account, and the port services use to reach it. Results from
// the vault are turned into RoostErrors here so every caller reports keychain trouble the same way.
export interface AppPasswordCredential {
  readonly kind: 'app-password';
  readonly identifier: string;
  readonly secret: string;
  readonly session?: { readonly accessJwt: string; readonly refreshJwt: string };
}

/** A Mastodon (or compatible) OAuth token, obtained with PKCE. */
export interface OAuthCredential {
  readonly kind: 'oauth';
  readonly accessToken: string;
  readonly scope?: string;
}

/** A key for a service Roost calls on the user's behalf (a link shortener), not tied to an account. */
export interface ApiKeyCredential {
  readonly kind: 'api-key';
  readonly secret: string;
}

export type StoredCredential = AppPasswordCredential | OAuthCredential | ApiKeyCredential;

export interface CredentialStore {
  /** Throws keychain_locked / keychain_unavailable / keychain_timeout when a write cannot succeed. */
  assertWritable(): Promise<void>;
  save(accountId: string, credential: StoredCredential): Promise<void>;
  load(accountId: string): Promise<StoredCredential | null>;
  delete(accountId: string): Promise<void>;
  status(): Promise<{ state: 'available' | 'locked' | 'unavailable' | 'timed_out'; detail: string }>;
}

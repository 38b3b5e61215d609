// Typed client for the local Bluesky sandbox's control endpoint (tests/sandbox/control-server.ts), and the
// shape of the `ROOST_SANDBOX {json}` line that tests/sandbox/start.ts prints once the network is ready.

export interface SandboxAccount {
  handle: string;
  did: string;
  /** The account's main password; tests should sign in with `appPassword` like the app does. */
  password: string;
  appPassword: string;
  displayName: string;
}

export interface SandboxInfo {
  pdsUrl: string;
  appviewUrl: string;
  plcUrl: string;
  controlUrl: string;
  accounts: SandboxAccount[];
}

export interface RecordRef {
  uri: string;
  cid: string;
}

export interface NewAccountRequest {
  /** Lowercase letters and digits; a random suffix is always added so parallel tests never collide. */
  handlePrefix?: string;
  displayName?: string;
}

export interface PostRequest {
  handle: string;
  text: string;
  /** Reply to this post; the thread root is looked up by the sandbox. */
  replyTo?: RecordRef;
}

export const SANDBOX_LINE_PREFIX = 'ROOST_SANDBOX ';

/** Parses the `ROOST_SANDBOX {json}` line (or bare JSON, as held in `ROOST_SANDBOX_INFO`). */
export function parseSandboxInfo(text: string): SandboxInfo {
  const json = text.startsWith(SANDBOX_LINE_PREFIX) ? text.slice(SANDBOX_LINE_PREFIX.length) : text;
  const value: unknown = JSON.parse(json);
  if (!isSandboxInfo(value)) throw new Error('Not a sandbox description: ' + json.slice(0, 200));
  return value;
}

function isSandboxInfo(value: unknown): value is SandboxInfo {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    ['pdsUrl', 'appviewUrl', 'plcUrl', 'controlUrl'].every((k) => typeof v[k] === 'string') &&
    Array.isArray(v.accounts) &&
    v.accounts.every(
      (a: unknown) => typeof a === 'object' && a !== null && typeof (a as SandboxAccount).handle === 'string',
    )
  );
}

export class SandboxControlError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'SandboxControlError';
    this.status = status;
  }
}

export class SandboxClient {
  readonly info: SandboxInfo;
  readonly #fetch: typeof fetch;

  constructor(info: SandboxInfo, fetchImpl: typeof fetch = fetch) {
    this.info = info;
    this.#fetch = fetchImpl;
  }

  /** The demo account with this handle (e.g. `brand.test`), created when the sandbox started. */
  account(handle: string): SandboxAccount {
    const found = this.info.accounts.find((a) => a.handle === handle);
    if (!found) throw new Error(`No demo account ${handle} in the sandbox`);
    return found;
  }

  /** Waits until the AppView has indexed everything written so far. */
  async processAll(): Promise<void> {
    await this.#call('/process-all', {});
  }

  createAccount(request: NewAccountRequest = {}): Promise<SandboxAccount> {
    return this.#call<SandboxAccount>('/accounts', request);
  }

  /** Posts as `handle` (mentions, links and #tags become facets) and waits until the AppView has it. */
  post(request: PostRequest): Promise<RecordRef> {
    return this.#call<RecordRef>('/post', request);
  }

  like(handle: string, subject: RecordRef): Promise<RecordRef> {
    return this.#call<RecordRef>('/like', { handle, subject });
  }

  repost(handle: string, subject: RecordRef): Promise<RecordRef> {
    return this.#call<RecordRef>('/repost', { handle, subject });
  }

  /** `subject` is a handle or a DID. */
  follow(handle: string, subject: string): Promise<RecordRef> {
    return this.#call<RecordRef>('/follow', { handle, subject });
  }

  async #call<T>(path: string, body: object): Promise<T> {
    const response = await this.#fetch(new URL(path, this.info.controlUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (!response.ok) {
      const message = (parsed as { error?: unknown }).error;
      throw new SandboxControlError(response.status, typeof message === 'string' ? message : text);
    }
    return parsed as T;
  }
}

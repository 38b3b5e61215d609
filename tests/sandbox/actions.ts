// What the sandbox can do on its network: create accounts (with app passwords), post, like, repost, follow,
// wait for the AppView. The control endpoint and the traffic generator both drive the network through it.
import { randomBytes } from 'node:crypto';
import { AtpAgent, RichText } from '@atproto/api';
import type { TestNetwork } from '@atproto/dev-env';
import type { RecordRef, SandboxAccount } from '../support/sandbox-client.ts';
import { avatarPng } from './png.ts';

export class ActionError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export interface AccountSpec {
  /** Exact handle (demo accounts); otherwise `handlePrefix` plus a random suffix. */
  handle?: string;
  handlePrefix?: string;
  displayName?: string;
  description?: string;
  avatarRgb?: [number, number, number];
}

interface Entry {
  account: SandboxAccount;
  agent: AtpAgent;
}

function randomLower(length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join('');
}

export class SandboxActions {
  readonly network: TestNetwork;
  readonly #accounts = new Map<string, Entry>();
  // network.processAll() is not meant to run concurrently with itself; callers share one queue.
  #processing: Promise<void> = Promise.resolve();

  constructor(network: TestNetwork) {
    this.network = network;
  }

  accounts(): SandboxAccount[] {
    return [...this.#accounts.values()].map((e) => e.account);
  }

  agentFor(handle: string): AtpAgent {
    const entry = this.#accounts.get(handle);
    if (!entry) throw new ActionError(404, `No sandbox account with handle ${handle}`);
    return entry.agent;
  }

  processAll(): Promise<void> {
    const run = this.#processing.then(() => this.network.processAll());
    this.#processing = run.catch(() => undefined);
    return run;
  }

  async createAccount(spec: AccountSpec = {}): Promise<SandboxAccount> {
    const prefix = spec.handlePrefix ?? 'user';
    if (!/^[a-z][a-z0-9]{0,7}$/.test(prefix)) {
      throw new ActionError(
        400,
        'handlePrefix must be 1-8 lowercase letters or digits, starting with a letter',
      );
    }
    const handle = spec.handle ?? `${prefix}${randomLower(8)}.test`;
    const password = `pw-${randomLower(20)}`;
    const agent = new AtpAgent({ service: this.network.pds.url });
    await agent.createAccount({ handle, password, email: `${handle.replace(/\./g, '-')}@sandbox.example` });
    const did = agent.session?.did;
    if (!did) throw new Error(`Account ${handle} was created without a session`);
    const displayName = spec.displayName ?? handle.replace(/\.test$/, '');
    const avatar = spec.avatarRgb
      ? (await agent.uploadBlob(avatarPng(spec.avatarRgb), { encoding: 'image/png' })).data.blob
      : undefined;
    await agent.upsertProfile((existing) => ({
      ...existing,
      displayName,
      ...(spec.description ? { description: spec.description } : {}),
      ...(avatar ? { avatar } : {}),
    }));
    const appPassword = (await agent.com.atproto.server.createAppPassword({ name: 'roost' })).data.password;
    const account: SandboxAccount = { handle, did, password, appPassword, displayName };
    this.#accounts.set(handle, { account, agent });
    return account;
  }

  /**
   * Mentions, links and #tags in `text` become facets, as a real client would send them; `langs` tags the post
   * with its language as Bluesky's own app does.
   */
  async post(handle: string, text: string, replyTo?: RecordRef, langs?: string[]): Promise<RecordRef> {
    const agent = this.agentFor(handle);
    const rt = new RichText({ text });
    await rt.detectFacets(agent);
    const reply = replyTo ? { parent: replyTo, root: await this.#threadRoot(agent, replyTo) } : undefined;
    return agent.post({
      text: rt.text,
      facets: rt.facets,
      ...(reply ? { reply } : {}),
      ...(langs ? { langs } : {}),
    });
  }

  like(handle: string, subject: RecordRef): Promise<RecordRef> {
    return this.agentFor(handle).like(subject.uri, subject.cid);
  }

  repost(handle: string, subject: RecordRef): Promise<RecordRef> {
    return this.agentFor(handle).repost(subject.uri, subject.cid);
  }

  /** `subject` is a handle or a DID. */
  async follow(handle: string, subject: string): Promise<RecordRef> {
    const agent = this.agentFor(handle);
    const did = subject.startsWith('did:')
      ? subject
      : (await agent.resolveHandle({ handle: subject })).data.did;
    return agent.follow(did);
  }

  async #threadRoot(agent: AtpAgent, parent: RecordRef): Promise<RecordRef> {
    const match = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/]+)$/.exec(parent.uri);
    if (!match) throw new ActionError(400, `Not a post URI: ${parent.uri}`);
    const record = await agent.com.atproto.repo.getRecord({
      repo: match[1] as string,
      collection: 'app.bsky.feed.post',
      rkey: match[2] as string,
    });
    const root = (record.data.value as { reply?: { root?: RecordRef } }).reply?.root;
    return root ?? parent;
  }
}

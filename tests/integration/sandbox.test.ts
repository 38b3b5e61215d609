// Proves the integration harness on real parts: the sandbox's control endpoint, a real PDS and AppView, and
// the app's own @atproto/api signing in with an app password, posting, and reading back through the AppView.
import { randomUUID } from 'node:crypto';
import { AtpAgent } from '@atproto/api';
import { describe, expect, inject, it } from 'vitest';
import { SandboxClient, SandboxControlError } from '../support/sandbox-client.ts';

const info = inject('sandbox');
const sandbox = new SandboxClient(info);
const uniqueKeyword = (): string => `kw${randomUUID().replace(/-/g, '')}`;

async function signIn(handle: string, password: string): Promise<AtpAgent> {
  const agent = new AtpAgent({ service: info.pdsUrl });
  await agent.login({ identifier: handle, password });
  return agent;
}

describe('local Bluesky sandbox', () => {
  it('signs a fresh account in with its app password, and finds its post by author feed and by search', async () => {
    const account = await sandbox.createAccount({ handlePrefix: 'harness' });
    expect(account.handle).toMatch(/^harness[a-z0-9]+\.test$/);

    const agent = await signIn(account.handle, account.appPassword);
    expect(agent.session?.did).toBe(account.did);

    const keyword = uniqueKeyword();
    const { uri } = await agent.post({ text: `Harness check ${keyword}` });
    await sandbox.processAll();

    const feed = await agent.getAuthorFeed({ actor: account.did });
    expect(feed.data.feed.map((item) => item.post.uri)).toContain(uri);
    const search = await agent.app.bsky.feed.searchPosts({ q: keyword });
    expect(search.data.posts.map((post) => post.uri)).toEqual([uri]);
  });

  it('rejects a wrong password', async () => {
    const account = await sandbox.createAccount();
    await expect(signIn(account.handle, `${account.appPassword}-wrong`)).rejects.toThrow(
      /Invalid identifier or password/,
    );
  });

  it('seeds the demo brand with an avatar, and a mention posted through the control endpoint notifies it', async () => {
    const brand = sandbox.account('brand.test');
    expect(brand.displayName).toBe('Roost Demo');
    const fan = await sandbox.createAccount({ handlePrefix: 'fan' });
    const keyword = uniqueKeyword();
    const mention = await sandbox.post({
      handle: fan.handle,
      text: `@brand.test do you ship to Lyon? ${keyword}`,
    });

    const brandAgent = await signIn(brand.handle, brand.appPassword);
    const profile = await brandAgent.getProfile({ actor: brand.did });
    expect(profile.data.displayName).toBe('Roost Demo');
    expect(profile.data.avatar).toMatch(new RegExp(`^${info.appviewUrl}/img/`));
    const avatar = await fetch(profile.data.avatar as string);
    expect(avatar.status).toBe(200);
    expect(avatar.headers.get('content-type')).toMatch(/^image\//);
    const notifications = await brandAgent.listNotifications({ limit: 100 });
    const hit = notifications.data.notifications.find((n) => n.uri === mention.uri);
    expect(hit?.reason).toBe('mention');
    expect(hit?.author.did).toBe(fan.did);
  });

  it('answers a write as an unknown account with 404', async () => {
    const error = await sandbox.post({ handle: 'nobody-here.test', text: 'hi' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SandboxControlError);
    expect((error as SandboxControlError).status).toBe(404);
  });
});

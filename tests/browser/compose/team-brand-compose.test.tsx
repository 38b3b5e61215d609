// Team brand accounts in the composer: listed with the Team badge when the desktop follows a team; a draft
// goes to the team server once per account, a guard question is answered with "Post anyway", a text that
// cannot go to a team account says why, and the member's own accounts are sent after the team's.
import { afterEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { RequestInput } from '../../../src-shared/contract/contract.ts';
import type { Result } from '../../../src-shared/contract/errors.ts';
import type { BrandAccessLevel, BrandAccount, BrandPost } from '../../../src-shared/team/team-contract.ts';
import type { Transport } from '../../../src-renderer/bridge/transport.ts';
import { createPublishingMain, type PublishingMain } from './support/publishing-main.ts';
import { renderRoost } from './support/render-roost.tsx';

const WAIT = { timeout: 5_000 };
/** The first render of a file also loads the whole app's modules. */
const FIRST_RENDER = { timeout: 20_000 };
const alice = { identifier: 'alice.test', password: 'x', handle: 'alice.test', displayName: 'Alice' };
const MEMBER = '01JTEAMMEMBER0000000000000';

function brand(id: string, handle: string): BrandAccount {
  return {
    id,
    network: 'bluesky',
    service: 'http://127.0.0.1:2583',
    handle,
    remoteId: `did:plc:${handle.split('.')[0]}`,
    connectedBy: MEMBER,
    connectedAt: 1,
    removedAt: null,
    version: 1,
  };
}

const SUPPORT = brand('01JBRANDSVPP0RT00000000000', 'support.brand.test');
const NEWS = brand('01JBRANDNEWS0000000000000A', 'news.brand.test');
const ARCHIVE = brand('01JBRANDARCH1VE00000000000', 'archive.brand.test');

/** The publishing double with a team server behind main: status, brand accounts and brand posts. */
function withTeam(base: PublishingMain, access: ReadonlyMap<string, BrandAccessLevel>) {
  const submitted: RequestInput<'team:submitBrandPost'>[] = [];
  const ask = new Set<string>();
  const answer = (method: string, input: unknown): Result<unknown> => {
    if (method === 'team:status')
      return {
        ok: true,
        value: {
          state: 'connected',
          serverUrl: 'http://127.0.0.1:4100',
          memberId: MEMBER,
          deviceId: 'A'.repeat(22),
          displayName: 'Ada',
          role: 'expert',
          cursor: 3,
          revoked: null,
        },
      };
    if (method === 'team:brandAccounts')
      return {
        ok: true,
        value: [SUPPORT, NEWS, ARCHIVE].map((account) => ({
          account,
          access: access.get(account.id) ?? 'view',
        })),
      };
    const post = input as RequestInput<'team:submitBrandPost'>;
    if (ask.has(post.accountId) && !(post.acknowledged ?? []).includes('quiet-hours')) {
      return {
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'It is within the quiet hours.',
          issues: [{ path: 'acknowledge', message: 'quiet-hours' }],
        },
      };
    }
    submitted.push(post);
    const state = access.get(post.accountId) === 'publish_with_approval' ? 'awaiting_approval' : 'queued';
    const value: BrandPost = {
      id: `01JP0ST00000000000000000${submitted.length.toString().padStart(2, '0')}`,
      accountId: post.accountId,
      memberId: MEMBER,
      kind: 'post',
      text: post.text,
      state,
      remoteId: null,
      url: null,
      lastError: null,
      createdAt: 1,
      updatedAt: 1,
      version: 1,
    };
    return { ok: true, value };
  };
  const transport: Transport = {
    ...base.transport,
    async request(method, input) {
      if (method.startsWith('team:'))
        return JSON.parse(JSON.stringify(answer(method, input))) as Result<unknown>;
      return base.transport.request(method, input);
    },
  };
  return { main: { ...base, transport }, submitted, askBeforePosting: (id: string) => ask.add(id) };
}

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

async function open(access: Array<[BrandAccount, BrandAccessLevel]>) {
  const base = createPublishingMain();
  base.main.seedAccount(alice);
  const team = withTeam(base, new Map(access.map(([a, level]) => [a.id, level])));
  const app = await renderRoost({ main: team.main, dbName: `team-compose-${crypto.randomUUID()}` });
  closers.push(app.close);
  await expect
    .element(app.screen.getByTestId('save-state'), FIRST_RENDER)
    .toHaveAttribute('data-state', 'saved');
  return { ...app, ...team, base };
}

describe('team brand accounts in the composer', () => {
  test('lists the accounts the member may publish to, with the Team badge', async () => {
    const { screen } = await open([
      [SUPPORT, 'publish'],
      [NEWS, 'publish_with_approval'],
      [ARCHIVE, 'reply'],
    ]);
    const picker = screen.getByTestId('team-brand-picker');
    await expect.element(picker, WAIT).toBeVisible();
    await expect.element(screen.getByTestId('pick-team-support.brand.test')).toHaveTextContent('Team');
    await expect.element(screen.getByTestId('pick-team-news.brand.test')).toHaveTextContent('Needs approval');
    // Reply-only access cannot start a post from the composer.
    expect(screen.getByTestId('pick-team-archive.brand.test').elements()).toHaveLength(0);
  });

  test('posts once per team account, asks before a guard is passed, then clears the draft', async () => {
    const { screen, submitted, askBeforePosting, base } = await open([
      [SUPPORT, 'publish'],
      [NEWS, 'publish_with_approval'],
    ]);
    askBeforePosting(NEWS.id);
    await userEvent.click(screen.getByTestId('pick-team-support.brand.test'));
    await userEvent.click(screen.getByTestId('pick-team-news.brand.test'));
    await userEvent.fill(screen.getByLabelText('Post text'), 'Opening hours change on Monday');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));

    const confirm = screen.getByTestId('team-send-confirm');
    await expect.element(confirm, WAIT).toHaveTextContent('quiet hours');
    expect(submitted.map((p) => p.accountId)).toEqual([SUPPORT.id]);
    // The text is still there while the question is open.
    await expect.element(screen.getByLabelText('Post text')).toHaveValue('Opening hours change on Monday');

    await userEvent.click(screen.getByRole('button', { name: 'Post anyway as @news.brand.test' }));
    await expect.poll(() => submitted.map((p) => p.accountId), WAIT).toEqual([SUPPORT.id, NEWS.id]);
    expect(submitted[1]?.acknowledged).toEqual(['quiet-hours']);
    expect(submitted.every((p) => p.text === 'Opening hours change on Monday')).toBe(true);
    const accepted = screen.getByTestId('team-send-accepted');
    await expect.element(accepted.nth(1), WAIT).toHaveAttribute('data-state', 'awaiting_approval');
    await expect.element(screen.getByLabelText('Post text'), WAIT).toHaveValue('');
    // Nothing went through the member's own outbox.
    expect(base.submits()).toHaveLength(0);
  });

  test('own accounts go after the team accounts, each once', async () => {
    const { screen, submitted, base } = await open([[SUPPORT, 'publish']]);
    await userEvent.click(screen.getByTestId('pick-alice.test'));
    await userEvent.click(screen.getByTestId('pick-team-support.brand.test'));
    await userEvent.fill(screen.getByLabelText('Post text'), 'Both at once');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await expect.poll(() => base.submits().length, WAIT).toBe(1);
    expect(submitted.map((p) => p.text)).toEqual(['Both at once']);
    // The team selection is cleared once the server accepted: sending again cannot post it twice.
    await expect
      .element(screen.getByTestId('pick-team-support.brand.test'))
      .toHaveAttribute('aria-pressed', 'false');
  });

  test('images or a too-long text stop the send with the reason', async () => {
    const { screen, submitted } = await open([[SUPPORT, 'publish']]);
    await userEvent.click(screen.getByTestId('pick-team-support.brand.test'));
    await userEvent.fill(screen.getByLabelText('Post text'), 'x'.repeat(320));
    await expect
      .element(screen.getByTestId('team-post-problems'), WAIT)
      .toHaveTextContent('@support.brand.test is 20 characters over');
    await expect.element(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    expect(submitted).toHaveLength(0);
  });
});

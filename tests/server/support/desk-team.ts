// A team server with one brand account and experts who follow the feed (a connection makes them online),
// for the desk suites. Routing passes are run explicitly, so each step's outcome is checked deterministically.
import type { TeamConversation, TeamDeskView } from '../../../src-shared/desk/desk-team-contract.ts';
import type { TeamMethod, TeamInput, TeamOutput } from '../../../src-shared/team/team-contract.ts';
import type { TeamClient } from '../../../src-main/team/team-client.ts';
import { seedClosedPortBrandAccount } from './brand-account-seed.ts';
import { expertProfile, mention, receiveMentions } from './desk-seed.ts';
import { recordFeed, type FeedRecorder } from './feed-recorder.ts';
import { startTeamFixture, type Desktop, type TeamFixture } from './team-fixture.ts';
import type { EngineName } from './test-databases.ts';

export async function must<M extends TeamMethod>(
  client: TeamClient,
  method: M,
  input: TeamInput<M>,
): Promise<TeamOutput<M>> {
  const result = await client.call(method, input);
  if (!result.ok) throw new Error(`${method} refused: ${result.error.code} ${result.error.message}`);
  return result.value;
}

export interface DeskTeam {
  readonly team: TeamFixture;
  readonly accountId: string;
  readonly feeds: FeedRecorder[];
  /** A member with the expert role and this profile; online (following the feed) and available unless told. */
  expert(
    skills: string[],
    capacity: number,
    options?: { online?: boolean; available?: boolean },
  ): Promise<Desktop>;
  /** Files mentions as the poller would, then runs a routing pass. */
  receive(items: { n: string; text: string; contact?: string; replyTo?: string }[]): Promise<void>;
  view(view: TeamDeskView, as?: Desktop): Promise<TeamConversation[]>;
  /** The conversation whose excerpt is `text`, as the owner sees it. */
  byText(text: string): Promise<TeamConversation>;
  stop(): Promise<void>;
}

export async function startDeskTeam(
  engine: EngineName,
  options: { now?: () => number } = {},
): Promise<DeskTeam> {
  const now = options.now ?? Date.now;
  const team = await startTeamFixture({ engine, now });
  const accountId = await seedClosedPortBrandAccount(engine, team.storage, team.owner.memberId);
  const feeds: FeedRecorder[] = [];
  const desk: DeskTeam = {
    team,
    accountId,
    feeds,
    async expert(skills, capacity, options = {}) {
      const member = await team.join('expert');
      await must(team.owner.client, 'brandAccounts:setAccess', {
        accountId,
        memberId: member.memberId,
        access: 'reply',
      });
      await must(team.owner.client, 'experts:update', {
        memberId: member.memberId,
        profile: expertProfile(skills, capacity),
      });
      if (options.online ?? true) {
        const feed = recordFeed(member.client, 0);
        feeds.push(feed);
        // Connected once the first change arrives: the server has seen the member by then.
        await feed.waitFor(1);
      }
      if (options.available ?? true) {
        await must(member.client, 'experts:setAvailability', { availability: 'available', awayReason: null });
      }
      await team.server.desk.route();
      return member;
    },
    async receive(items) {
      await receiveMentions(
        engine,
        team.storage,
        accountId,
        items.map((i) => mention(i.n, i.text, { ...i, at: now() })),
        now(),
      );
      await team.server.desk.route();
    },
    view: (view, as = team.owner) => must(as.client, 'conversations:list', { view }),
    async byText(text) {
      const found = (await desk.view('team')).concat(await desk.view('resolved'));
      const conversation = found.find((c) => c.excerpt === text);
      if (!conversation) throw new Error(`no conversation "${text}"`);
      return conversation;
    },
    async stop() {
      for (const feed of feeds) await feed.follower.stop();
      await team.stop();
    },
  };
  return desk;
}

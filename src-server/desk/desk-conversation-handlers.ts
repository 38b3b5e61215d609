// Reading the desk on the team server: a view's conversations, every view's count, and one conversation with
// its messages, notes and the contact's other conversations. A member sees only the brand accounts they
// have access to; a conversation of another account is `not_found`, as if it did not exist.
import { TEAM_DESK_VIEWS, type TeamDeskView } from '../../src-shared/desk/desk-team-contract.ts';
import type { DeskSettings } from '../../src-shared/desk/desk-settings.ts';
import { TeamFailure } from '../../src-shared/team/team-contract.ts';
import { requireCaller, type TeamHandlers } from '../handlers/context.ts';
import {
  deskMessages,
  deskNotes,
  findConversation,
  listConversations,
  readDeskSettings,
  teamSummary,
  toDeskMessage,
} from './desk-store.ts';
import { listView, visibleAccounts, VIEW_READ_LIMIT } from './desk-views.ts';

const HISTORY_LIMIT = 50;
const DEFAULT_LIST_LIMIT = 500;

export const deskConversationHandlers: Pick<
  TeamHandlers,
  'conversations:list' | 'conversations:counts' | 'conversations:get'
> = {
  async 'conversations:list'(input, ctx) {
    const caller = requireCaller(ctx);
    return listView(ctx.db, caller, input.view, ctx.now, input.limit ?? DEFAULT_LIST_LIMIT);
  },

  async 'conversations:counts'(_input, ctx) {
    const caller = requireCaller(ctx);
    const counts = {} as Record<TeamDeskView, number>;
    for (const view of TEAM_DESK_VIEWS) {
      counts[view] = (await listView(ctx.db, caller, view, ctx.now, VIEW_READ_LIMIT)).length;
    }
    return counts;
  },

  async 'conversations:get'(input, ctx) {
    const caller = requireCaller(ctx);
    const record = await findConversation(ctx.db, input.id);
    if (!record || !(await visibleAccounts(ctx.db, caller)).includes(record.accountId)) {
      throw new TeamFailure('not_found', 'Conversation not found');
    }
    const policy = ((await readDeskSettings(ctx.db)).settings.desk as DeskSettings).sla;
    const others = await listConversations(ctx.db, {
      contact: { accountId: record.accountId, contactId: record.contact.id },
      limit: HISTORY_LIMIT + 1,
    });
    const history = [];
    for (const other of others.filter((c) => c.id !== record.id).sort((a, b) => b.createdAt - a.createdAt)) {
      history.push(await teamSummary(ctx.db, other, ctx.now, policy));
    }
    return {
      summary: await teamSummary(ctx.db, record, ctx.now, policy),
      messages: (await deskMessages(ctx.db, record.id)).map(toDeskMessage),
      notes: await deskNotes(ctx.db, record.id),
      history: history.slice(0, HISTORY_LIMIT),
    };
  },
};

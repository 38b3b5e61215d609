// Every schema migration, in order. Add a file NNN-name.ts and append it here; a unit test checks that this
// list, the file names and the version numbers agree.
import type { Migration } from '../migrate.ts';
import { migration001Accounts } from './001-accounts.ts';
import { migration002PollCursors } from './002-poll-cursors.ts';
import { migration003Outbox } from './003-outbox.ts';
import { migration004OutboxThreads } from './004-outbox-threads.ts';
import { migration005ShortLinks } from './005-short-links.ts';
import { migration006FeedCursors } from './006-feed-cursors.ts';
import { migration007PostEngagement } from './007-post-engagement.ts';
import { migration008UploadedMedia } from './008-uploaded-media.ts';
import { migration009Desk } from './009-desk.ts';
import { migration010Protection } from './010-protection.ts';

export const MIGRATIONS: readonly Migration[] = [
  migration001Accounts,
  migration002PollCursors,
  migration003Outbox,
  migration004OutboxThreads,
  migration005ShortLinks,
  migration006FeedCursors,
  migration007PostEngagement,
  migration008UploadedMedia,
  migration009Desk,
  migration010Protection,
];

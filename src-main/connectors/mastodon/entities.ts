// zod schemas for the parts of Mastodon's REST entities Roost reads (snake_case, as on the wire).
// Unknown keys are stripped; limits keep hostile or broken servers from pushing huge values downstream.
import { z } from '../../../src-shared/zod.ts';

const Id = z.string().min(1).max(256);
const Short = z.string().max(1_000);
const Url = z.string().max(4_096);
const Html = z.string().max(200_000);
const Count = z.number().int().nonnegative();

export const AccountSchema = z.object({
  id: Id,
  username: Short,
  acct: Short,
  display_name: Short,
  url: Url.nullable().optional(),
  uri: Url.optional(),
  avatar: Url.nullable().optional(),
});
export type MastodonAccount = z.infer<typeof AccountSchema>;

export const MediaAttachmentSchema = z.object({
  id: Id,
  type: Short,
  url: Url.nullable(),
  preview_url: Url.nullable().optional(),
  remote_url: Url.nullable().optional(),
  description: z.string().max(5_000).nullable().optional(),
  meta: z
    .object({
      original: z
        .object({ width: z.number().nonnegative().optional(), height: z.number().nonnegative().optional() })
        .optional(),
    })
    .nullable()
    .optional(),
});
export type MastodonMediaAttachment = z.infer<typeof MediaAttachmentSchema>;

const MentionSchema = z.object({ id: Id, username: Short, url: Url, acct: Short });
const StatusTagSchema = z.object({ name: Short, url: Url });

const StatusCoreSchema = z.object({
  id: Id,
  uri: Url,
  url: Url.nullable().optional(),
  created_at: z.string().max(64),
  account: AccountSchema,
  content: Html,
  visibility: Short,
  sensitive: z.boolean().optional(),
  spoiler_text: Short,
  language: z.string().max(35).nullable().optional(),
  in_reply_to_id: Id.nullable().optional(),
  in_reply_to_account_id: Id.nullable().optional(),
  replies_count: Count,
  reblogs_count: Count,
  favourites_count: Count,
  quotes_count: Count.optional(),
  favourited: z.boolean().optional(),
  reblogged: z.boolean().optional(),
  media_attachments: z.array(MediaAttachmentSchema).max(20),
  mentions: z.array(MentionSchema).max(500),
  tags: z.array(StatusTagSchema).max(500),
});

export const StatusSchema = StatusCoreSchema.extend({ reblog: StatusCoreSchema.nullable().optional() });
export type MastodonStatus = z.infer<typeof StatusSchema>;
export type MastodonStatusCore = z.infer<typeof StatusCoreSchema>;

export const StatusListSchema = z.array(StatusSchema).max(200);

export const NotificationSchema = z.object({
  id: Id,
  type: Short,
  created_at: z.string().max(64),
  account: AccountSchema,
  status: StatusSchema.nullable().optional(),
});
export type MastodonNotification = z.infer<typeof NotificationSchema>;
export const NotificationListSchema = z.array(NotificationSchema).max(200);

export const ConversationSchema = z.object({
  id: Id,
  unread: z.boolean().optional(),
  accounts: z.array(AccountSchema).max(500),
  last_status: StatusSchema.nullable(),
});
export type MastodonConversation = z.infer<typeof ConversationSchema>;
export const ConversationListSchema = z.array(ConversationSchema).max(200);

export const ContextSchema = z.object({
  ancestors: z.array(StatusSchema).max(4_000),
  descendants: z.array(StatusSchema).max(4_000),
});

export const SearchSchema = z.object({ statuses: z.array(StatusSchema).max(200) });

export const ScheduledStatusSchema = z.object({
  id: Id,
  scheduled_at: z.string().max(64),
  params: z.object({ text: z.string().max(200_000).nullable().optional() }),
  media_attachments: z.array(MediaAttachmentSchema).max(20),
});
export type MastodonScheduledStatus = z.infer<typeof ScheduledStatusSchema>;

export const InstanceV2Schema = z.object({
  domain: Short,
  version: Short.optional(),
  configuration: z.object({
    urls: z.object({ streaming: Url.nullable().optional() }).optional(),
    statuses: z.object({
      max_characters: z.number().int().positive(),
      max_media_attachments: z.number().int().nonnegative(),
      characters_reserved_per_url: z.number().int().positive(),
    }),
    media_attachments: z.object({
      image_size_limit: z.number().int().nonnegative(),
      video_size_limit: z.number().int().nonnegative().optional(),
      description_limit: z.number().int().nonnegative().optional(),
      supported_mime_types: z.array(Short).max(200).optional(),
    }),
  }),
  api_versions: z.object({ mastodon: z.number().int().nonnegative().optional() }).optional(),
});
export type MastodonInstance = z.infer<typeof InstanceV2Schema>;

export const ApplicationSchema = z.object({
  client_id: z.string().min(1).max(1_000),
  client_secret: z.string().min(1).max(1_000),
  redirect_uris: z.array(Url).max(50).optional(),
});

export const TokenSchema = z.object({
  access_token: z.string().min(1).max(4_096),
  token_type: Short,
  scope: Short.optional(),
  created_at: z.number().optional(),
});

export const ErrorBodySchema = z.object({ error: z.string(), error_description: z.string().optional() });

export const StreamEventSchema = z.object({
  stream: z.array(Short).max(10).optional(),
  event: Short,
  payload: z.string().max(2_000_000).optional(),
});

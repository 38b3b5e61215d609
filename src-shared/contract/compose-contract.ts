// The composer's part of the contract: what Bluesky will make of a text — links, mentions, tags and
// cashtags, found by the same detector main publishes with — and which mentioned handles are no account
// (those are posted as plain text). Handles are resolved in main; the renderer never goes to the network.
import { z } from '../zod.ts';

export const RICH_TEXT_KINDS = ['link', 'mention', 'tag', 'cashtag'] as const;
export type RichTextKind = (typeof RICH_TEXT_KINDS)[number];

/** A post and its follow-ups; each text is bounded well past Bluesky's limit so a long draft still previews. */
export const MAX_RICH_TEXTS = 25;
export const MAX_RICH_TEXT_LENGTH = 10_000;

export const RichTextFacetSchema = z.object({
  kind: z.enum(RICH_TEXT_KINDS),
  /** The link's URI, the handle as typed (no `@`), the tag (no `#`), or the cashtag (`$AAPL`). */
  value: z.string().max(MAX_RICH_TEXT_LENGTH),
  /** UTF-16 offsets into the text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Mentions only: `no_account` is posted as plain text; `unchecked` when the server could not say. */
  mention: z.enum(['account', 'no_account', 'unchecked']).nullable(),
});
export type RichTextFacet = z.infer<typeof RichTextFacetSchema>;

export const composeRequests = {
  /** `accountId`: the Bluesky account whose server resolves the mentioned handles. */
  'compose:richText': {
    input: z
      .object({
        accountId: z.string().min(1).max(64),
        texts: z.array(z.string().max(MAX_RICH_TEXT_LENGTH)).min(1).max(MAX_RICH_TEXTS),
      })
      .strict(),
    output: z.object({
      texts: z.array(z.object({ facets: z.array(RichTextFacetSchema).max(1_000) })).max(MAX_RICH_TEXTS),
    }),
  },
} as const;

// The flags main puts on an incoming item before the renderer sees it: an author posing as one of the
// user's accounts, and links that the block list names or that imitate an organisation domain.
import { z } from '../zod.ts';

export const ImpostorFlagSchema = z.object({
  /** The connected account's handle the author imitates. */
  imitates: z.string().max(1_000),
  reason: z.enum(['handle', 'display-name']),
});
export type ImpostorFlag = z.infer<typeof ImpostorFlagSchema>;

export const LinkFlagSchema = z.object({
  url: z.string().max(4_096),
  host: z.string().max(1_000),
  reason: z.enum(['blocked', 'lookalike']),
  /** The block-list entry, or the organisation domain imitated. */
  detail: z.string().max(1_000),
});
export type LinkFlag = z.infer<typeof LinkFlagSchema>;

export const ItemFlagsSchema = z.object({
  impostor: ImpostorFlagSchema.nullable(),
  links: z.array(LinkFlagSchema).max(100),
});
export type ItemFlags = z.infer<typeof ItemFlagsSchema>;

// What an account's network can do. The UI offers only these; limits are read from the server.
import { z } from '../zod.ts';
import { ColumnTypeSchema } from './column.ts';

export const CapabilitiesSchema = z.object({
  columnTypes: z.array(ColumnTypeSchema),
  actions: z.array(z.enum(['like', 'repost', 'reply', 'quote', 'delete', 'thread'])),
  search: z.boolean(),
  directMessages: z.boolean(),
  streaming: z.boolean(),
  serverSideScheduling: z.boolean(),
  limits: z.object({
    maxChars: z.number().int().positive(),
    /** How a URL counts against maxChars (Mastodon: 23), or null when it counts as typed. */
    urlWeight: z.number().int().positive().nullable(),
    countsGraphemes: z.boolean(),
    maxMedia: z.number().int().nonnegative(),
    maxImageBytes: z.number().int().nonnegative(),
  }),
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;

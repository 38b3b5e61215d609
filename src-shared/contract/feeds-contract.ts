// The feeds part of the contract: main reads a feed once when a column is added, so the column is named
// after the feed's own title rather than its address.
import { z } from '../zod.ts';

export const feedsRequests = {
  'feeds:inspect': {
    input: z.object({ url: z.url({ protocol: /^https?$/ }).max(2048) }).strict(),
    output: z.object({ title: z.string().max(200), siteUrl: z.string().max(2048).nullable() }),
  },
} as const;

// The link-shortener part of the contract: a self-hosted shortener (Shlink or YOURLS) configured in main,
// whose API key stays in the OS keychain and never crosses to the renderer.
import { z } from '../zod.ts';

export const SHORTENER_PROVIDERS = ['shlink', 'yourls'] as const;
export type ShortenerProvider = (typeof SHORTENER_PROVIDERS)[number];

export const MAX_URLS_PER_SHORTEN = 20;
export const MAX_CODES_PER_CLICKS = 50;

const Empty = z.object({}).strict();
const HttpUrl = z.url({ protocol: /^https?$/ }).max(2048);
const Code = z.string().min(1).max(128);

export const ShortenerStatusSchema = z.object({
  configured: z.boolean(),
  provider: z.enum(SHORTENER_PROVIDERS).nullable(),
  baseUrl: z.string().max(2048).nullable(),
  /** Mastodon shows the whole link anyway and some instances frown on shorteners: off unless allowed. */
  allowMastodon: z.boolean(),
});
export type ShortenerStatus = z.infer<typeof ShortenerStatusSchema>;

export const ShortLinkSchema = z.object({
  longUrl: z.string().max(4096),
  shortUrl: z.string().max(2048),
  code: Code,
});
export type ShortLinkView = z.infer<typeof ShortLinkSchema>;

export const CreatedLinkSchema = ShortLinkSchema.extend({
  createdAt: z.string().max(64),
  /** Null until counted once. */
  clicks: z.number().int().nonnegative().nullable(),
  clicksCheckedAt: z.string().max(64).nullable(),
});

export const shortenerRequests = {
  'shortener:status': { input: Empty, output: ShortenerStatusSchema },
  /** Checks the key with one harmless call to the server before anything is saved. */
  'shortener:configure': {
    input: z
      .object({
        provider: z.enum(SHORTENER_PROVIDERS),
        baseUrl: HttpUrl,
        apiKey: z.string().trim().min(1).max(512),
        allowMastodon: z.boolean(),
      })
      .strict(),
    output: ShortenerStatusSchema,
  },
  'shortener:setOptions': {
    input: z.object({ allowMastodon: z.boolean() }).strict(),
    output: ShortenerStatusSchema,
  },
  /** Removing the key cannot be undone from Roost, so the caller says it means it. */
  'shortener:clear': {
    input: z.object({ confirm: z.literal(true) }).strict(),
    output: z.object({ cleared: z.boolean() }),
  },
  /** The network the text is for: Mastodon targets are refused unless allowed in the settings. */
  'shortener:shorten': {
    input: z
      .object({
        urls: z.array(HttpUrl).min(1).max(MAX_URLS_PER_SHORTEN),
        network: z.enum(['bluesky', 'mastodon']),
      })
      .strict(),
    output: z.object({ links: z.array(ShortLinkSchema).max(MAX_URLS_PER_SHORTEN) }),
  },
  /** Only codes Roost created are counted; others answer null. */
  'shortener:clicks': {
    input: z.object({ codes: z.array(Code).min(1).max(MAX_CODES_PER_CLICKS) }).strict(),
    output: z.object({
      counts: z
        .array(z.object({ code: Code, clicks: z.number().int().nonnegative().nullable() }))
        .max(MAX_CODES_PER_CLICKS),
    }),
  },
  /** The short links Roost created on the configured server, newest first, with their last known counts. */
  'shortener:links': {
    input: z.object({ limit: z.number().int().min(1).max(200) }).strict(),
    output: z.array(CreatedLinkSchema).max(200),
  },
} as const;

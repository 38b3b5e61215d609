// Shlink (REST API v3): POST /rest/v3/short-urls with X-Api-Key and findIfExists, so a URL shortened
// twice gives the same link; errors are RFC 7807 problem details whose `type` tells a bad key apart.
import { RoostError } from '../../src-shared/contract/errors.ts';
import { z } from '../../src-shared/zod.ts';
import { callShortener, malformed, serverMessage, statusError, type HttpAnswer } from './http-call.ts';
import { normaliseBaseUrl, type Shortener, type ShortenerOptions } from './shortener.ts';

const ShortUrlSchema = z.object({
  shortCode: z.string().min(1).max(128),
  shortUrl: z.url({ protocol: /^https?$/ }).max(2048),
  longUrl: z.string().max(4096),
  /** v3; older servers only send visitsCount. */
  visitsSummary: z.object({ total: z.number().int().nonnegative() }).optional(),
  visitsCount: z.number().int().nonnegative().optional(),
});

const ListSchema = z.object({ shortUrls: z.object({ data: z.array(z.unknown()) }) });

const ProblemSchema = z.object({
  type: z.string().optional(),
  title: z.string().optional(),
  detail: z.string().optional(),
  status: z.number().optional(),
});

/** v3 sends URL types (…/invalid-api-key); v1 and v2 sent INVALID_API_KEY. */
const BAD_KEY_TYPES = /(^|\/)(invalid-api-key|missing-authentication|INVALID_API_KEY|INVALID_AUTHORIZATION)$/;

export function createShlinkShortener(options: ShortenerOptions): Shortener {
  const base = normaliseBaseUrl(options.baseUrl);
  const host = new URL(base).host;
  const endpoint = (path: string) => new URL(`${base}/rest/v3/${path}`);
  const headers = { 'X-Api-Key': options.apiKey, Accept: 'application/json' };

  function fail(answer: HttpAnswer): never {
    const problem = ProblemSchema.safeParse(answer.body);
    const details = problem.success ? problem.data : {};
    const message = serverMessage(
      details.detail ?? details.title,
      options.apiKey,
      `The link shortener at ${host} answered HTTP ${answer.status}.`,
    );
    if (details.type && BAD_KEY_TYPES.test(details.type))
      throw new RoostError('auth_failed', `The link shortener at ${host} refused the API key: ${message}`);
    throw statusError(answer.status, `The link shortener at ${host} said: ${message}`);
  }

  function parseShortUrl(answer: HttpAnswer) {
    if (answer.status !== 200) fail(answer);
    const parsed = ShortUrlSchema.safeParse(answer.body);
    if (!parsed.success) throw malformed(host);
    return parsed.data;
  }

  return {
    provider: 'shlink',
    async verify() {
      const url = endpoint('short-urls');
      url.searchParams.set('itemsPerPage', '1');
      const answer = await callShortener(options, url, { method: 'GET', headers });
      if (answer.status !== 200) fail(answer);
      if (!ListSchema.safeParse(answer.body).success) throw malformed(host);
    },
    async shorten(longUrl) {
      const answer = await callShortener(options, endpoint('short-urls'), {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ longUrl, findIfExists: true, tags: ['roost'] }),
      });
      const link = parseShortUrl(answer);
      return { longUrl, shortUrl: link.shortUrl, code: link.shortCode };
    },
    async clicks(code) {
      const answer = await callShortener(options, endpoint(`short-urls/${encodeURIComponent(code)}`), {
        method: 'GET',
        headers,
      });
      if (answer.status === 404) return null;
      const link = parseShortUrl(answer);
      const total = link.visitsSummary?.total ?? link.visitsCount;
      if (total === undefined) throw malformed(host);
      return total;
    },
  };
}

// YOURLS: yourls-api.php with the signature token, sent as a POST form so the token stays out of URLs and
// server logs. "Already exists" is an ordinary answer (status fail, code error:url) carrying the short URL.
import { RoostError } from '../../src-shared/contract/errors.ts';
import { z } from '../../src-shared/zod.ts';
import { callShortener, malformed, serverMessage, statusError, type HttpAnswer } from './http-call.ts';
import { normaliseBaseUrl, type Shortener, type ShortenerOptions } from './shortener.ts';

const ShortenSchema = z.object({
  status: z.enum(['success', 'fail']),
  code: z.string().optional(),
  message: z.string().optional(),
  shorturl: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .optional(),
  url: z.object({ keyword: z.union([z.string(), z.number()]).optional() }).optional(),
});

/** PHP's database layer hands numbers back as strings; both are accepted. */
const Count = z.union([
  z.number().int().nonnegative(),
  z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number),
]);

const StatsSchema = z.object({
  link: z.object({ clicks: Count }),
});

const ErrorSchema = z.object({ message: z.string().optional(), errorCode: z.unknown().optional() });

export function createYourlsShortener(options: ShortenerOptions): Shortener {
  const base = normaliseBaseUrl(options.baseUrl);
  const api = new URL(base.endsWith('yourls-api.php') ? base : `${base}/yourls-api.php`);
  const host = api.host;

  async function call(params: Record<string, string>): Promise<HttpAnswer> {
    const body = new URLSearchParams({ ...params, format: 'json', signature: options.apiKey });
    return callShortener(options, api, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
  }

  function fail(answer: HttpAnswer): never {
    const parsed = ErrorSchema.safeParse(answer.body);
    const message = serverMessage(
      parsed.success ? parsed.data.message : undefined,
      options.apiKey,
      `The link shortener at ${host} answered HTTP ${answer.status}.`,
    );
    if (answer.status === 403 || answer.status === 401)
      throw new RoostError('auth_failed', `The link shortener at ${host} refused the signature: ${message}`);
    throw statusError(answer.status, `The link shortener at ${host} said: ${message}`);
  }

  return {
    provider: 'yourls',
    async verify() {
      const answer = await call({ action: 'db-stats' });
      if (answer.status !== 200) fail(answer);
      if (!z.object({ 'db-stats': z.object({}).loose() }).safeParse(answer.body).success)
        throw malformed(host);
    },
    async shorten(longUrl) {
      const answer = await call({ action: 'shorturl', url: longUrl });
      if (answer.status !== 200) fail(answer);
      const parsed = ShortenSchema.safeParse(answer.body);
      if (!parsed.success) throw malformed(host);
      const result = parsed.data;
      const existing = result.status === 'fail' && result.code === 'error:url';
      if (result.status === 'fail' && !existing) {
        throw new RoostError(
          'server_error',
          `The link shortener at ${host} said: ${serverMessage(result.message, options.apiKey, result.code ?? 'fail')}`,
        );
      }
      if (!result.shorturl) throw malformed(host);
      // Some YOURLS versions leave keyword empty in the "already exists" answer; the short URL always ends with it.
      const keyword = String(result.url?.keyword ?? '') || lastSegment(result.shorturl);
      if (!keyword) throw malformed(host);
      return { longUrl, shortUrl: result.shorturl, code: keyword };
    },
    async clicks(code) {
      const answer = await call({ action: 'url-stats', shorturl: code });
      if (answer.status === 404) return null;
      if (answer.status !== 200) fail(answer);
      const parsed = StatsSchema.safeParse(answer.body);
      if (!parsed.success) throw malformed(host);
      return parsed.data.link.clicks;
    },
  };
}

function lastSegment(url: string): string {
  const path = new URL(url).pathname;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

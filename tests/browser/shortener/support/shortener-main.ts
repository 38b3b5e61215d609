// The publishing double with a link shortener in front: shortener:* requests go through main's real
// router (so inputs are validated by the contract) to an in-memory shortener that accepts one key; the
// rest goes to the publishing double. It records every request main received, to check what crossed.
import { createRouter, type Handlers } from '../../../../src-main/rpc/router.ts';
import { RoostError, type Result } from '../../../../src-shared/contract/errors.ts';
import type { RequestInput } from '../../../../src-shared/contract/contract.ts';
import type { ShortenerStatus } from '../../../../src-shared/contract/shortener-contract.ts';
import type { Transport } from '../../../../src-renderer/bridge/transport.ts';
import { withOtherMethodsRefused } from '../../../support/partial-handlers.ts';
import { createPublishingMain, type PublishingMain } from '../../compose/support/publishing-main.ts';

export const GOOD_KEY = 'shlink-key-0123456789';
export const SHORT_ORIGIN = 'https://s.test';

export interface ShortenerMain extends PublishingMain {
  /** Every shortener request main received, with its input as sent over the wire. */
  readonly received: { method: string; input: unknown }[];
  /** The key main holds, as the keychain would. */
  storedKey(): string | null;
  shortenCalls(): RequestInput<'shortener:shorten'>[];
  setVisits(code: string, visits: number): void;
  configure(status: Omit<ShortenerStatus, 'configured'>): void;
}

export function createShortenerMain(): ShortenerMain {
  const publishing = createPublishingMain();
  const received: { method: string; input: unknown }[] = [];
  const shortens: RequestInput<'shortener:shorten'>[] = [];
  let key: string | null = null;
  let status: ShortenerStatus = { configured: false, provider: null, baseUrl: null, allowMastodon: false };
  const links: { code: string; longUrl: string; shortUrl: string; clicks: number | null; visits: number }[] =
    [];

  const handlers: Partial<Handlers> = {
    'shortener:status': () => status,
    'shortener:configure': (input) => {
      if (input.apiKey !== GOOD_KEY)
        throw new RoostError(
          'auth_failed',
          'The link shortener said: Provided API key does not exist or is invalid.',
        );
      key = input.apiKey;
      status = {
        configured: true,
        provider: input.provider,
        baseUrl: input.baseUrl.replace(/\/+$/, ''),
        allowMastodon: input.allowMastodon,
      };
      return status;
    },
    'shortener:setOptions': (input) => (status = { ...status, allowMastodon: input.allowMastodon }),
    'shortener:clear': () => {
      const cleared = status.configured;
      key = null;
      status = { configured: false, provider: null, baseUrl: null, allowMastodon: false };
      return { cleared };
    },
    'shortener:shorten': (input) => {
      shortens.push(input);
      if (!status.configured) throw new RoostError('not_found', 'No link shortener is set up.');
      if (input.network === 'mastodon' && !status.allowMastodon)
        throw new RoostError('forbidden', 'Shortening links for Mastodon is turned off.');
      return {
        links: input.urls.map((longUrl) => {
          let link = links.find((l) => l.longUrl === longUrl);
          if (!link) {
            const code = `c${links.length + 1}`;
            link = { code, longUrl, shortUrl: `${SHORT_ORIGIN}/${code}`, clicks: null, visits: 0 };
            links.push(link);
          }
          return { longUrl, shortUrl: link.shortUrl, code: link.code };
        }),
      };
    },
    'shortener:clicks': (input) => ({
      counts: input.codes.map((code) => {
        const link = links.find((l) => l.code === code);
        if (link) link.clicks = link.visits;
        return { code, clicks: link ? link.visits : null };
      }),
    }),
    'shortener:links': () =>
      links
        .map((l) => ({
          code: l.code,
          longUrl: l.longUrl,
          shortUrl: l.shortUrl,
          clicks: l.clicks,
          clicksCheckedAt: null,
          createdAt: '2025-01-01T00:00:00Z',
        }))
        .reverse(),
  };
  const router = createRouter(withOtherMethodsRefused(handlers));

  const transport: Transport = {
    ...publishing.transport,
    async request(method, input): Promise<Result<unknown>> {
      if (!method.startsWith('shortener:')) return publishing.transport.request(method, input);
      const wire: unknown = JSON.parse(JSON.stringify(input));
      received.push({ method, input: wire });
      const result = await router.dispatch(method, wire, {
        transport: 'browser',
        actor: { kind: 'local-user' },
      });
      return JSON.parse(JSON.stringify(result)) as Result<unknown>;
    },
  };

  return {
    ...publishing,
    transport,
    received,
    storedKey: () => key,
    shortenCalls: () => shortens,
    setVisits(code, visits) {
      const link = links.find((l) => l.code === code);
      if (link) link.visits = visits;
    },
    configure(next) {
      key = GOOD_KEY;
      status = { configured: true, ...next };
    },
  };
}

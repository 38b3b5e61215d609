// "Shorten links" in the composer: when turned on, the http(s) links of each network's final text (after
// campaign tagging) go through the configured shortener in main, and that network's variant gets the short
// links, so counts, previews and guards all see what will be posted. Mastodon only when Settings allow it.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findLinks } from '../../../../src-shared/compose/links.ts';
import type { ContractError } from '../../../../src-shared/contract/errors.ts';
import {
  MAX_URLS_PER_SHORTEN,
  type ShortenerStatus,
  type ShortLinkView,
} from '../../../../src-shared/contract/shortener-contract.ts';
import { useServices } from '../../../app-context.tsx';
import { ShortenerProblem } from '../../shell/ui/shortener-problem.tsx';
import { finalText } from '../model/build-post.ts';
import type { DraftContent, PostNetwork } from '../model/draft.ts';

type Change = (update: (content: DraftContent) => DraftContent) => void;

/** Explicit http(s) links of `text` not yet on the shortener, each once, in order. */
export function linksToShorten(text: string, shortenerOrigin: string | null): string[] {
  const hrefs = findLinks(text)
    .filter((l) => !l.bare && /^https?:\/\//i.test(l.text))
    .map((l) => l.text)
    .filter((href) => !shortenerOrigin || originOf(href) !== shortenerOrigin);
  return [...new Set(hrefs)];
}

/** Replaces every explicit link found in `mapping` by its short form, leaving the rest of the text as is. */
export function applyShortLinks(text: string, mapping: ReadonlyMap<string, string>): string {
  let out = text;
  for (const link of findLinks(text).reverse()) {
    const short = link.bare ? undefined : mapping.get(link.text);
    if (short) out = out.slice(0, link.start) + short + out.slice(link.end);
  }
  return out;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function ShortenLinks({
  content,
  networks,
  onChange,
}: {
  content: DraftContent;
  networks: readonly PostNetwork[];
  onChange: Change;
}) {
  const { t } = useTranslation();
  const { client } = useServices();
  const id = useId();
  const [status, setStatus] = useState<ShortenerStatus | null>(null);
  const [enabled, setEnabled] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const [mapping, setMapping] = useState<readonly ShortLinkView[]>([]);
  /** Variants as they were before shortening first wrote them, to put back when turned off. */
  const before = useRef<Partial<Record<PostNetwork, string | undefined>>>({});

  useEffect(() => {
    let live = true;
    void client.call('shortener:status', {}).then((result) => {
      if (live && result.ok) setStatus(result.value);
    });
    return () => {
      live = false;
    };
  }, [client]);

  const configured = status?.configured === true;
  const origin = status?.baseUrl ? originOf(status.baseUrl) : null;
  const targets = useMemo(
    () => networks.filter((n) => n === 'bluesky' || (n === 'mastodon' && status?.allowMastodon === true)),
    [networks, status?.allowMastodon],
  );
  const pending = useMemo(
    () => (enabled ? new Set(targets.flatMap((n) => linksToShorten(finalText(content, n), origin))).size : 0),
    [enabled, targets, content, origin],
  );

  async function shortenNow(): Promise<void> {
    setBusy(true);
    setError(null);
    const found: ShortLinkView[] = [];
    for (const network of targets) {
      const urls = linksToShorten(finalText(content, network), origin).slice(0, MAX_URLS_PER_SHORTEN);
      if (urls.length === 0) continue;
      const result = await client.call('shortener:shorten', { urls, network });
      if (!result.ok) {
        setError(result.error);
        break;
      }
      found.push(...result.value.links);
      const map = new Map(result.value.links.map((l) => [l.longUrl, l.shortUrl]));
      onChange((c) => {
        if (!(network in before.current)) before.current[network] = c.variants[network];
        // The long links were tagged before shortening; the short ones must not be tagged again at send.
        const shortHosts = result.value.links.map((l) => new URL(l.shortUrl).hostname);
        const exceptHosts = [...new Set([...(c.utm.exceptHosts ?? []), ...shortHosts])];
        return {
          ...c,
          utm: { ...c.utm, exceptHosts },
          variants: { ...c.variants, [network]: applyShortLinks(finalText(c, network), map) },
        };
      });
    }
    setMapping((known) => [...known, ...found.filter((f) => !known.some((k) => k.shortUrl === f.shortUrl))]);
    setBusy(false);
  }

  /** Puts the long links back; a variant that only existed for the short links goes away again. */
  function turnOff(): void {
    const long = new Map(mapping.map((l) => [l.shortUrl, l.longUrl]));
    const saved = before.current;
    before.current = {};
    onChange((c) => {
      const variants = { ...c.variants };
      for (const network of Object.keys(saved) as PostNetwork[]) {
        const current = variants[network];
        if (current === undefined) continue;
        const reverted = applyShortLinks(current, long);
        const rest = { ...variants };
        delete rest[network];
        const common = finalText({ ...c, variants: rest }, network);
        if (saved[network] === undefined && reverted === common) delete variants[network];
        else variants[network] = reverted;
      }
      return { ...c, variants };
    });
    setMapping([]);
  }

  return (
    <div className="shorten-links" data-testid="shorten-links">
      <div className="check">
        <input
          id={id}
          type="checkbox"
          checked={enabled}
          disabled={!configured || busy}
          onChange={(e) => {
            const on = e.target.checked;
            setEnabled(on);
            if (on) void shortenNow();
            else turnOff();
          }}
        />
        <label htmlFor={id}>{t('shortener.compose.toggle')}</label>
      </div>
      {status && !configured && <p className="hint">{t('shortener.compose.notConfigured')}</p>}
      {configured && networks.includes('mastodon') && !status?.allowMastodon && (
        <p className="hint">{t('shortener.compose.mastodonKept')}</p>
      )}
      {busy && <p role="status">{t('shortener.compose.working')}</p>}
      <ShortenerProblem error={error} />
      {enabled && mapping.length > 0 && (
        <ul
          className="shorten-links__mapping"
          aria-label={t('shortener.compose.mapping')}
          data-testid="shortened-links"
        >
          {mapping.map((link) => (
            <li key={link.shortUrl}>
              <code>{link.shortUrl}</code> ← <span className="hint">{link.longUrl}</span>
            </li>
          ))}
        </ul>
      )}
      {enabled && !busy && pending > 0 && (
        <p>
          {t('shortener.compose.pending', { count: pending })}{' '}
          <button type="button" className="link-button" onClick={() => void shortenNow()}>
            {t('shortener.compose.shortenNow')}
          </button>
        </p>
      )}
    </div>
  );
}

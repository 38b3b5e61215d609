// Renders every payload of the XSS corpus through the real item card in Chromium, in every field that
// carries network content. Fails if any payload runs, or if a javascript: URL or an on* attribute (or
// a script-capable element) is left in the DOM.
import { render } from 'vitest-browser-react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AppProviders, type AppServices } from '../../../src-renderer/app-context.tsx';
import { createClient } from '../../../src-renderer/bridge/client.ts';
import { createMemorySettingsRepository } from '../../../src-renderer/db/settings-repository.ts';
import { ItemCard } from '../../../src-renderer/features/streams/components/item-card.tsx';
import {
  ItemActionsContext,
  type ItemActions,
} from '../../../src-renderer/features/streams/components/item-actions-context.ts';
import { createItemJobs } from '../../../src-renderer/features/streams/model/item-jobs.ts';
import { createI18n } from '../../../src-renderer/i18n/i18n.ts';
import { createRoostStore } from '../../../src-renderer/store/store.ts';
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import { makeItem } from '../streams/support/items.ts';
import { createStreamsMain } from '../streams/support/streams-main.ts';
import { MARKUP_PAYLOADS, URL_PAYLOADS } from './payloads.ts';

declare global {
  interface Window {
    __xss?: (id: string) => void;
  }
}

const fired: string[] = [];
beforeEach(() => {
  fired.length = 0;
  window.__xss = (id) => fired.push(id);
});
afterEach(() => {
  delete window.__xss;
});

const actions: ItemActions = {
  accountId: 'acc-1',
  account: null,
  jobs: createItemJobs(),
  toggleLike: async () => null,
  publish: async () => null,
  replied: () => undefined,
  openThread: () => undefined,
  muteAuthor: () => undefined,
  select: () => undefined,
};

async function renderCards(items: readonly StreamItem[]) {
  const main = createStreamsMain();
  const services: AppServices = {
    client: createClient(main.transport),
    store: createRoostStore({ locale: 'en' }),
    settings: createMemorySettingsRepository(),
    i18n: await createI18n('en'),
  };
  return render(
    <AppProviders services={services}>
      <ItemActionsContext.Provider value={actions}>
        <div data-testid="cards">
          {items.map((item) => (
            <ItemCard key={item.key} item={item} now={Date.now()} replying />
          ))}
        </div>
      </ItemActionsContext.Provider>
    </AppProviders>,
  );
}

/** One item per markup payload with the payload in every text field (a distinct id per field). */
function markupItems(): { items: StreamItem[]; cases: string[] } {
  const cases: string[] = [];
  const items = MARKUP_PAYLOADS.flatMap((payload, n) => {
    const p = (field: string) => {
      cases.push(`m${n}-${field}`);
      return payload(`m${n}-${field}`);
    };
    const text = p('text');
    const base = makeItem({ id: `m${n}` });
    const author = {
      ...base.author,
      displayName: p('displayName'),
      handle: p('handle'),
      location: p('location'),
    };
    return [
      makeItem({
        id: `m${n}`,
        text,
        title: p('title'),
        author,
        via: { ...author, displayName: p('via') },
        facets: [
          { kind: 'mention', start: 0, end: Math.min(5, text.length), value: p('mention') },
          {
            kind: 'hashtag',
            start: Math.min(6, text.length),
            end: Math.min(9, text.length),
            value: p('hashtag'),
          },
        ],
        media: [
          {
            kind: 'image',
            url: 'https://media.example/a.png',
            thumbUrl: null,
            alt: p('alt'),
            width: 10,
            height: 10,
          },
        ],
        replyTo: { remoteId: 'r', authorHandle: p('replyTo') },
        quote: {
          remoteId: 'q',
          url: null,
          author: { ...author, displayName: p('quoteAuthor') },
          text: p('quoteText'),
        },
      }),
      makeItem({ id: `m${n}-html`, network: 'mastodon', text: 'plain', html: p('html') }),
      makeItem({ id: `m${n}-cw`, contentWarning: p('contentWarning'), text: 'behind a warning' }),
    ];
  });
  return { items, cases };
}

function urlItems(): { items: StreamItem[]; cases: string[] } {
  const cases: string[] = [];
  const items = URL_PAYLOADS.map((payload, n) => {
    const p = (field: string) => {
      cases.push(`u${n}-${field}`);
      return payload(`u${n}-${field}`);
    };
    const base = makeItem({ id: `u${n}` });
    return makeItem({
      id: `u${n}`,
      text: 'a link here and more',
      url: p('url'),
      facets: [{ kind: 'link', start: 2, end: 6, value: p('facet') }],
      author: { ...base.author, avatarUrl: p('avatar'), profileUrl: p('profile') },
      media: [
        { kind: 'image', url: p('media'), thumbUrl: p('thumb'), alt: 'alt', width: null, height: null },
        { kind: 'video', url: p('video'), thumbUrl: null, alt: 'alt', width: null, height: null },
      ],
      quote: { remoteId: 'q', url: p('quoteUrl'), author: base.author, text: 'quoted' },
    });
  });
  return { items, cases };
}

/** What must never be in the rendered cards, whatever the payload. */
function domViolations(root: HTMLElement): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (
      [
        'script',
        'iframe',
        'object',
        'embed',
        'svg',
        'math',
        'style',
        'form',
        'input',
        'base',
        'meta',
        'link',
        'noscript',
        'template',
      ].includes(tag) &&
      !el.closest('.composer') &&
      // Roost's own action icons: the card's footer holds no network content.
      !(tag === 'svg' && el.closest('footer.item__actions'))
    ) {
      found.push(`<${tag}>`);
    }
    if (el.tagName === 'FORM' || el.tagName === 'TEXTAREA') continue;
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${tag}[${name}]`);
      if (
        [
          'href',
          'src',
          'action',
          'formaction',
          'xlink:href',
          'poster',
          'background',
          'srcset',
          'data',
        ].includes(name)
      ) {
        const value = attr.value.trim().toLowerCase();
        if (!/^https?:\/\//.test(value)) found.push(`${tag}[${name}=${attr.value.slice(0, 40)}]`);
      }
    }
  }
  return found;
}

const settle = () => new Promise((r) => setTimeout(r, 1_500));

describe('XSS corpus through the item card', () => {
  test('the detector itself works: an unsanitised payload does fire', async () => {
    const scratch = document.createElement('div');
    scratch.innerHTML = MARKUP_PAYLOADS[2]!('control');
    document.body.append(scratch);
    await expect.poll(() => fired, { timeout: 5_000 }).toContain('control');
    scratch.remove();
  });

  test('no markup payload runs in any text or HTML field', async () => {
    const { items, cases } = markupItems();
    expect(cases.length).toBeGreaterThanOrEqual(100);
    const screen = await renderCards(items);
    const root = screen.getByTestId('cards').element() as HTMLElement;
    expect(root.querySelectorAll('article').length).toBe(items.length);
    // Open every content warning so its body is live too.
    for (const d of root.querySelectorAll('details')) d.open = true;
    await settle();
    expect(fired).toEqual([]);
    expect(domViolations(root)).toEqual([]);
    // Text stays text: the payload is shown, not parsed.
    expect(root.textContent).toContain(`<script>__xss('m0-text')</script>`);
  });

  test('no URL payload reaches an href or src', async () => {
    const { items, cases } = urlItems();
    expect(cases.length).toBeGreaterThanOrEqual(100);
    const screen = await renderCards(items);
    const root = screen.getByTestId('cards').element() as HTMLElement;
    await settle();
    for (const a of root.querySelectorAll('a')) a.click();
    await settle();
    expect(fired).toEqual([]);
    expect(domViolations(root)).toEqual([]);
    for (const a of root.querySelectorAll<HTMLAnchorElement>('a[target]'))
      expect(a.rel).toBe('noopener noreferrer');
  });

  test('sanitised HTML keeps the allowed structure and makes links safe', async () => {
    const screen = await renderCards([
      makeItem({
        id: 'ok',
        network: 'mastodon',
        html: '<p>Hi <a href="https://ok.example/x" target="_self">link</a> <strong>b</strong> <em>i</em></p><ul><li>one</li></ul><blockquote>q</blockquote><pre><code>c</code></pre>',
      }),
    ]);
    const root = screen.getByTestId('cards').element() as HTMLElement;
    const body = root.querySelector('.item__text--html')!;
    expect(body.innerHTML).toBe(
      '<p>Hi <a href="https://ok.example/x" target="_blank" rel="noopener noreferrer">link</a> <strong>b</strong> <em>i</em></p><ul><li>one</li></ul><blockquote>q</blockquote><pre><code>c</code></pre>',
    );
  });
});

// The streams runtime outlives the deck view: with StreamsBackground in the app frame, leaving the Streams
// section keeps every column subscribed, alert columns keep notifying and columns count as off screen;
// without it, the deck still unsubscribes its columns when it goes.
import { describe, expect, test } from 'vitest';
import type { NotificationConstructor } from '../../../src-renderer/features/streams/notifications/alert-notifier.ts';
import { homeSource, keyOf, mentionsSource, withColumns } from './support/columns.ts';
import { makeItems } from './support/items.ts';
import { renderDeck } from './support/render-deck.tsx';
import { manualTimers } from './support/manual-timers.ts';

const WAIT = { timeout: 5_000 };

function grantedNotifications() {
  const shown: { title: string; body: string }[] = [];
  class FakeNotification {
    static readonly permission: NotificationPermission = 'granted';
    static requestPermission = async (): Promise<NotificationPermission> => 'granted';
    onclick: ((ev: Event) => unknown) | null = null;
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, body: options?.body ?? '' });
    }
    close() {}
  }
  return { Ctor: FakeNotification as unknown as NotificationConstructor, shown };
}

describe('streams runtime', () => {
  test('in the app frame, alert columns keep notifying while the user is in another section', async () => {
    const n = grantedNotifications();
    const timers = manualTimers();
    const { screen, main, store } = await renderDeck({
      frame: true,
      Notification: n.Ctor,
      timers,
      prepare: withColumns(
        { title: 'Mentions', source: mentionsSource, alert: true },
        { title: 'Home', source: homeSource },
      ),
    });
    await expect.poll(() => main.subscriptions.size, WAIT).toBe(2);
    main.emitItems(keyOf(mentionsSource), makeItems(1, 'seen'));
    await expect.element(screen.getByText('seen number 1', { exact: false }), WAIT).toBeVisible();
    timers.advance(60_000);
    const before = n.shown.length;

    store.getState().navigate('settings');
    await expect.element(screen.getByText('Another section'), WAIT).toBeVisible();
    expect(screen.container.querySelector('[data-testid="streams-deck"]')).toBeNull();
    // Off screen now: main may poll both columns less.
    await expect
      .poll(() => main.callsOf('streams:setVisible').filter((c) => !c.visible).length, WAIT)
      .toBeGreaterThanOrEqual(2);
    expect(main.callsOf('streams:unsubscribe')).toEqual([]);
    expect(main.subscriptions.size).toBe(2);

    main.emitItems(keyOf(mentionsSource), makeItems(3, 'away'));
    main.emitItems(keyOf(homeSource), makeItems(2, 'quiet'));
    await expect.poll(() => (timers.advance(500), n.shown.length), WAIT).toBe(before + 1);
    expect(n.shown.at(-1)).toEqual({ title: 'Mentions', body: '3 new posts' });

    // Back in the deck, what arrived meanwhile is there.
    store.getState().navigate('streams');
    await expect.element(screen.getByText('away number 3', { exact: false }), WAIT).toBeVisible();
    await expect.element(screen.getByText('quiet number 2', { exact: false }), WAIT).toBeVisible();
    expect(main.callsOf('streams:subscribe')).toHaveLength(2);
  });

  test('without the app frame holding it, leaving the deck unsubscribes every column', async () => {
    const { screen, main } = await renderDeck({
      prepare: withColumns({ title: 'Home', source: homeSource }),
    });
    await expect.poll(() => main.subscriptions.size, WAIT).toBe(1);
    screen.unmount();
    await expect.poll(() => main.subscriptions.size, WAIT).toBe(0);
  });
});

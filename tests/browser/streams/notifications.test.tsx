// Alert columns notify on the desktop: grouped per column per burst, at most once per column per 30 s,
// and only after the user granted permission from the button. The Notification constructor and the
// clock are injected, so nothing here waits on real time.
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  createAlertNotifier,
  type NotificationConstructor,
} from '../../../src-renderer/features/streams/notifications/alert-notifier.ts';
import { homeSource, keyOf, mentionsSource, withColumns } from './support/columns.ts';
import { makeItems } from './support/items.ts';
import { renderDeck } from './support/render-deck.tsx';
import { manualTimers } from './support/manual-timers.ts';

const WAIT = { timeout: 5_000 };

function fakeNotifications(initial: NotificationPermission) {
  const shown: { title: string; body: string; tag: string }[] = [];
  let permission = initial;
  let requests = 0;
  class FakeNotification {
    static get permission() {
      return permission;
    }
    static async requestPermission() {
      requests += 1;
      permission = 'granted';
      return permission;
    }
    onclick: ((ev: Event) => unknown) | null = null;
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, body: options?.body ?? '', tag: options?.tag ?? '' });
    }
    close() {}
  }
  return { Ctor: FakeNotification as unknown as NotificationConstructor, shown, requests: () => requests };
}

describe('alert notifier', () => {
  test('groups a burst into one notification and allows at most one per column per 30 s', () => {
    const n = fakeNotifications('granted');
    const timers = manualTimers();
    const notifier = createAlertNotifier({
      Notification: n.Ctor,
      timers,
      describe: (id, count) => ({ title: id, body: `${count} new` }),
    });
    notifier.arrivals('a', 3);
    notifier.arrivals('a', 2);
    notifier.arrivals('b', 1);
    expect(n.shown).toEqual([]);
    timers.advance(2_000);
    expect(n.shown.map((s) => [s.title, s.body])).toEqual([
      ['a', '5 new'],
      ['b', '1 new'],
    ]);
    // More arrivals right after: held until 30 s after the last one, then one notification for all.
    notifier.arrivals('a', 4);
    timers.advance(10_000);
    notifier.arrivals('a', 6);
    timers.advance(19_900);
    // 29.9 s after the last notification: still quiet.
    expect(n.shown).toHaveLength(2);
    timers.advance(100);
    expect(n.shown).toHaveLength(3);
    expect(n.shown[2]).toMatchObject({ title: 'a', body: '10 new', tag: 'roost-column-a' });
  });

  test('nothing is shown without permission', () => {
    const n = fakeNotifications('default');
    const timers = manualTimers();
    const notifier = createAlertNotifier({
      Notification: n.Ctor,
      timers,
      describe: () => ({ title: 't', body: 'b' }),
    });
    notifier.arrivals('a', 3);
    timers.advance(60_000);
    expect(n.shown).toEqual([]);
  });

  test('in the deck, only alert columns notify, after the user enables notifications', async () => {
    const n = fakeNotifications('default');
    const timers = manualTimers();
    const { screen, main } = await renderDeck({
      Notification: n.Ctor,
      timers,
      prepare: withColumns(
        { title: 'Mentions', source: mentionsSource, alert: true },
        { title: 'Home', source: homeSource },
      ),
    });
    await expect.poll(() => main.subscriptions.size, WAIT).toBe(2);
    main.emitItems(keyOf(mentionsSource), makeItems(2, 'before'));
    await expect.element(screen.getByText('before number 2', { exact: false }), WAIT).toBeVisible();
    timers.advance(60_000);
    expect(n.shown).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'More actions' }));
    await userEvent.click(screen.getByRole('button', { name: 'Enable desktop notifications' }));
    await expect.element(screen.getByText('Desktop notifications on'), WAIT).toBeVisible();
    expect(n.requests()).toBe(1);
    main.emitItems(keyOf(mentionsSource), makeItems(3, 'alert'));
    main.emitItems(keyOf(homeSource), makeItems(4, 'quiet'));
    await expect.element(screen.getByText('quiet number 4', { exact: false }), WAIT).toBeVisible();
    timers.advance(2_000);
    expect(n.shown).toEqual([
      { title: 'Mentions', body: '3 new posts', tag: expect.stringMatching(/^roost-column-/) },
    ]);
  });
});

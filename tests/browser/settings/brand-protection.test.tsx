// Settings → Governance → Brand protection in real Chromium against the in-memory main running main's own
// protection handlers over an in-memory alert store: the alerts are listed, "This was us" is reached and
// pressed with the keyboard, the acknowledged alert leaves the list and shows again (marked) on request,
// "Check now" asks main, and an alert main announces appears without reloading.
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { protectionHandlers } from '../../../src-main/protection/protection-handlers.ts';
import type { HijackWatch } from '../../../src-main/protection/hijack-watch.ts';
import type { ProtectionRepository } from '../../../src-main/protection/protection-repository.ts';
import type { HijackAlert } from '../../../src-shared/contract/protection-contract.ts';
import { createMemoryMain, type KnownUser } from '../support/memory-main.ts';
import { renderApp } from '../support/render-app.tsx';
import { createGovernanceDouble } from './support/governance-double.ts';

const brand: KnownUser = {
  identifier: 'brand.example',
  password: 'x',
  handle: 'brand.example',
  displayName: 'Brand',
};
const WAIT = { timeout: 5_000 };

const alert = (id: string, over: Partial<HijackAlert>): HijackAlert => ({
  id,
  accountId: 'acc-1',
  network: 'bluesky',
  handle: 'brand.example',
  kind: 'post',
  uri: `at://did:plc:brand/app.bsky.feed.post/${id}`,
  text: 'Free coins for everyone',
  field: null,
  detectedAt: Date.parse('2026-12-07T10:00:00Z'),
  acknowledgedAt: null,
  ...over,
});

/** The alert table as a list: only what the handlers read. */
function memoryRepo(initial: HijackAlert[]) {
  let alerts = [...initial];
  const repo = {
    list: (all: boolean) => alerts.filter((a) => all || a.acknowledgedAt === null),
    acknowledge: (id: string, at: number) => {
      const found = alerts.find((a) => a.id === id);
      if (!found) return null;
      const updated = { ...found, acknowledgedAt: found.acknowledgedAt ?? at };
      alerts = alerts.map((a) => (a.id === id ? updated : a));
      return updated;
    },
  } as unknown as ProtectionRepository;
  return { repo, add: (a: HijackAlert) => void (alerts = [a, ...alerts]) };
}

async function openProtection(initial: HijackAlert[]) {
  const store = memoryRepo(initial);
  let checks = 0;
  const watch = { checkAll: async () => ({ checked: 1, raised: (checks++, 0) }) } as unknown as HijackWatch;
  const governance = createGovernanceDouble({ shipped: [], suggested: [] });
  const main = createMemoryMain([brand], 'https://pds.example', {
    ...governance.handlers,
    ...protectionHandlers({ repo: store.repo, watch, clock: { now: () => 1_000 } }),
  });
  main.seedAccount(brand);
  const app = await renderApp({ main, section: 'settings' });
  await app.screen.getByTestId('settings-tab-governance').click();
  const section = app.screen.getByTestId('brand-protection');
  await expect.element(section, WAIT).toBeVisible();
  return { ...app, section, store, main, checks: () => checks };
}

describe('Settings → Governance → Brand protection', () => {
  test('lists alerts, and "This was us" acknowledges one from the keyboard', async () => {
    const { screen, section } = await openProtection([
      alert('a2', { kind: 'profile', uri: null, field: 'displayName', text: 'Crypto Giveaways' }),
      alert('a1', {}),
    ]);
    const items = section.getByTestId('hijack-alert');
    await expect.element(items.nth(1), WAIT).toBeVisible();
    expect(items.elements()).toHaveLength(2);
    await expect.element(items.nth(0)).toHaveTextContent('Profile changed outside Roost');
    await expect.element(items.nth(0)).toHaveTextContent('Display name is now: Crypto Giveaways');
    await expect.element(items.nth(1)).toHaveTextContent('Post not made through Roost');

    const ack = screen.getByRole('button', {
      name: 'This was us: acknowledge “Post not made through Roost” on @brand.example',
    });
    (ack.element() as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => section.getByTestId('hijack-alert').elements().length, WAIT).toBe(1);

    await userEvent.click(screen.getByLabelText('Show acknowledged alerts'));
    await expect.poll(() => section.getByTestId('hijack-alert').elements().length, WAIT).toBe(2);
    await expect.element(section.getByText('Acknowledged', { exact: true })).toBeVisible();
  });

  test('"Check now" asks main, and an announced alert appears without reloading', async () => {
    const { screen, section, store, main, checks } = await openProtection([]);
    await expect.element(section.getByText('No alerts.', { exact: false }), WAIT).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Check now' }));
    await expect.element(section.getByText('Checked 1 accounts.'), WAIT).toBeVisible();
    expect(checks()).toBe(1);

    const fresh = alert('a3', { kind: 'deletion', text: 'Our launch post' });
    store.add(fresh);
    main.emit('protection:alerts', { alerts: [fresh] });
    await expect.element(section.getByText('Post deleted outside Roost'), WAIT).toBeVisible();
  });
});

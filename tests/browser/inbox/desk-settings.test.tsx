// The desk settings screen in real Chromium: a desk admin adds a word to a skill and tightens a first-response
// target, saves, and the next inquiry gets the skill and an amber badge for the new target; an entry main
// refuses is pointed at under its field, what was typed stays, and nothing is stored; French labels.
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMemoryMain } from '../support/memory-main.ts';
import { renderApp } from '../support/render-app.tsx';
import { conversation, createDeskDouble } from './desk-double.ts';
import { createDeskSettingsDouble, openAllHours } from './desk-settings-double.ts';

const WAIT = { timeout: 5_000 };
const FIRST_LOAD = { timeout: 20_000 };

function setup() {
  const summaries = [conversation('calm', { priority: 0 })];
  const desk = createDeskDouble(summaries);
  const settings = createDeskSettingsDouble(summaries, ['acc-1']);
  const main = createMemoryMain([], 'https://pds.example', { ...desk.handlers, ...settings.handlers });
  main.seedAccount(
    { identifier: 'brand', password: 'p', handle: 'brand.test', displayName: 'Brand' },
    { id: 'acc-1' },
  );
  return { main, settings };
}

async function openSettings(screen: Awaited<ReturnType<typeof renderApp>>['screen'], name = 'Desk settings') {
  const button = screen.getByRole('button', { name });
  await expect.element(button, FIRST_LOAD).toBeVisible();
  await userEvent.click(button);
}

const row = (name: string) =>
  [...document.querySelectorAll<HTMLElement>('[data-testid="inbox-row"]')].find(
    (r) => r.querySelector('strong')?.textContent === name,
  );

describe('desk settings', () => {
  test('a new skill word and a tighter SLA target apply to the next inquiry', async () => {
    const { main, settings } = setup();
    const { screen } = await renderApp({ main, section: 'inbox' });
    await openSettings(screen, 'Desk settings');

    const billing = screen.getByLabelText('Words or phrases for billing (comma-separated)');
    await expect.element(billing, FIRST_LOAD).toBeVisible();
    expect((billing.element() as HTMLInputElement).value).toContain('refund');
    await userEvent.click(billing);
    await userEvent.keyboard('{End}, chargeback');
    const firstResponse = screen.getByLabelText('First response, row 1');
    await userEvent.fill(firstResponse, '5');
    await userEvent.click(screen.getByRole('button', { name: 'Save desk settings' }));
    await expect.element(screen.getByText(/^Saved\./), WAIT).toBeVisible();

    const saved = settings.settings();
    expect(saved.skills.find((s) => s.id === 'billing')?.phrases).toContain('chargeback');
    expect(saved.sla.tiers.find((t) => t.minPriority === 0)?.firstResponseMinutes).toBe(5);

    await userEvent.click(screen.getByRole('button', { name: 'Back to the queue' }));
    settings.receive('late', 'I need a chargeback for my last order');
    main.emit('desk:changed', { ids: ['late'] });
    await expect.poll(() => row('LATE')?.textContent ?? '', WAIT).toContain('billing');
    expect(row('LATE')!.querySelector('[data-tone]')?.getAttribute('data-tone')).toBe('at_risk');
    expect(row('LATE')!.textContent).toMatch(/[45] min left/);
    // The conversation that arrived before keeps the target it started with.
    expect(row('CALM')!.querySelector('[data-tone]')?.getAttribute('data-tone')).toBe('ok');
  });

  test('a refused entry is named under its field, the form keeps what was typed, nothing is stored', async () => {
    const { main, settings } = setup();
    const { screen } = await renderApp({ main, section: 'inbox' });
    await openSettings(screen, 'Desk settings');
    const monday = screen.getByLabelText('Monday');
    await expect.element(monday, FIRST_LOAD).toBeVisible();
    await userEvent.fill(monday, '18:00-09:00');
    await userEvent.fill(
      screen.getByLabelText('Words or phrases for delivery (comma-separated)'),
      'parcel, tracking',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save desk settings' }));

    await expect
      .element(screen.getByTestId('desk-settings-refused'), WAIT)
      .toHaveTextContent('one entry needs fixing');
    const issue = document.querySelector('[data-issue-path="sla.calendar.week.1"]');
    expect(issue?.textContent).toBe('a period must end after it starts');
    await expect.element(monday).toHaveValue('18:00-09:00');
    expect(settings.updates()).toHaveLength(1);
    expect(settings.settings()).toEqual(openAllHours());
  });

  test('in French', async () => {
    const { main } = setup();
    const { screen } = await renderApp({ main, section: 'inbox', language: 'fr', locale: 'fr' });
    await openSettings(screen, 'Réglages du guichet');
    await expect.element(screen.getByRole('heading', { name: 'Politique de SLA' }), FIRST_LOAD).toBeVisible();
    await expect.element(screen.getByLabelText('lundi')).toHaveValue('00:00-24:00');
  });
});

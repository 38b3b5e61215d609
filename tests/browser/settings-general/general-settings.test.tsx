// Settings → General → Publishing and Archive over a real IndexedDB: choices survive a restart of the
// app, out-of-range input is refused without touching what is stored, and the texts exist in French.
import { afterEach, describe, expect, test } from 'vitest';
import { userEvent, type Locator } from 'vitest/browser';
import { createPublishingMain } from '../compose/support/publishing-main.ts';
import { renderWithSettings } from './support/render-with-settings.tsx';

const WAIT = { timeout: 5_000 };

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

async function openGeneral(dbName: string, language: 'en' | 'fr' = 'en') {
  const app = await renderWithSettings({ main: createPublishingMain(), dbName, language });
  closers.push(app.close);
  await userEvent.click(app.screen.getByTestId('settings-tab-general'));
  await expect.element(app.screen.getByTestId('setting-archive-items'), WAIT).toBeEnabled();
  return app;
}

/** Types into a number field and leaves it with Enter, which is when the value is checked and saved. */
async function enter(field: Locator, text: string) {
  await userEvent.fill(field, text);
  await userEvent.keyboard('{Enter}');
}

describe('Settings → General: publishing and archive', () => {
  test('shows the defaults, saves each change, and shows the saved values after a restart', async () => {
    const dbName = `settings-general-${crypto.randomUUID()}`;
    const first = await openGeneral(dbName);
    const { screen } = first;
    await expect.element(screen.getByLabelText('Undo window')).toHaveValue(10);
    await expect
      .element(screen.getByRole('switch', { name: 'Require image descriptions' }))
      .not.toBeChecked();
    await expect.element(screen.getByLabelText('Posts kept per column')).toHaveValue(5000);
    await expect.element(screen.getByLabelText('Days kept')).toHaveValue(30);

    await enter(screen.getByLabelText('Undo window'), '25');
    await userEvent.click(screen.getByRole('switch', { name: 'Require image descriptions' }));
    await enter(screen.getByLabelText('Posts kept per column'), '2000');
    await enter(screen.getByLabelText('Days kept'), '7');

    await expect.poll(() => first.settings.get('compose.undoSeconds'), WAIT).toBe(25);
    await expect.poll(() => first.settings.get('compose.requireAltText'), WAIT).toBe(true);
    await expect.poll(() => first.settings.get('archive.maxItemsPerColumn'), WAIT).toBe(2000);
    await expect.poll(() => first.settings.get('archive.maxAgeDays'), WAIT).toBe(7);
    expect(first.store.getState().undoSeconds).toBe(25);
    expect(first.store.getState().requireAltText).toBe(true);
    await first.close();
    closers = closers.filter((c) => c !== first.close);

    const second = await openGeneral(dbName);
    await expect.element(second.screen.getByLabelText('Undo window'), WAIT).toHaveValue(25);
    await expect
      .element(second.screen.getByRole('switch', { name: 'Require image descriptions' }))
      .toBeChecked();
    await expect.element(second.screen.getByLabelText('Posts kept per column')).toHaveValue(2000);
    await expect.element(second.screen.getByLabelText('Days kept')).toHaveValue(7);
    expect(second.store.getState().undoSeconds).toBe(25);
    expect(second.store.getState().requireAltText).toBe(true);
  });

  test('refuses values out of range or not whole, says why, and keeps the value in effect', async () => {
    const app = await openGeneral(`settings-general-${crypto.randomUUID()}`);
    const { screen } = app;
    const undo = screen.getByLabelText('Undo window');

    await enter(undo, '75');
    await expect
      .element(screen.getByRole('alert'), WAIT)
      .toHaveTextContent('Enter a whole number from 0 to 60. Until then, 10 stays in effect.');
    await expect.element(undo).toHaveAttribute('aria-invalid', 'true');
    await expect.element(undo).toHaveAccessibleDescription(/Enter a whole number from 0 to 60/);

    await enter(undo, '2.5');
    await expect.element(screen.getByRole('alert'), WAIT).toBeVisible();

    const items = screen.getByLabelText('Posts kept per column');
    await enter(items, '499');
    await expect
      .element(screen.getByTestId('archive-settings').getByRole('alert'), WAIT)
      .toHaveTextContent('Enter a whole number from 500 to 50,000. Until then, 5,000 stays in effect.');
    await enter(screen.getByLabelText('Days kept'), '366');
    await expect.element(screen.getByLabelText('Days kept')).toHaveAttribute('aria-invalid', 'true');
    await enter(screen.getByLabelText('Days kept'), '-3');
    await expect.element(screen.getByLabelText('Days kept')).toHaveAttribute('aria-invalid', 'true');

    expect(await app.settings.get('compose.undoSeconds')).toBeUndefined();
    expect(await app.settings.get('archive.maxItemsPerColumn')).toBeUndefined();
    expect(await app.settings.get('archive.maxAgeDays')).toBeUndefined();
    expect(app.store.getState().undoSeconds).toBe(10);

    // Correcting the value clears the message and saves it; the boundaries themselves are allowed.
    await enter(undo, '0');
    await expect.element(undo).not.toHaveAttribute('aria-invalid');
    await expect.poll(() => app.settings.get('compose.undoSeconds'), WAIT).toBe(0);
    await enter(items, '50000');
    await expect.poll(() => app.settings.get('archive.maxItemsPerColumn'), WAIT).toBe(50_000);
  });

  test('the publishing and archive groups are translated into French', async () => {
    const app = await openGeneral(`settings-general-${crypto.randomUUID()}`, 'fr');
    const { screen } = app;
    await expect.element(screen.getByRole('heading', { name: 'Publication' })).toBeVisible();
    await expect.element(screen.getByRole('heading', { name: 'Archive sur cet ordinateur' })).toBeVisible();
    await expect.element(screen.getByLabelText('Délai d’annulation')).toHaveValue(10);
    await expect.element(screen.getByLabelText('Messages gardés par colonne')).toHaveValue(5000);
    await enter(screen.getByLabelText('Messages gardés par colonne'), '60000');
    await expect
      .element(screen.getByRole('alert'), WAIT)
      .toHaveTextContent(/Saisissez un nombre entier de 500 à 50\s000/);
  });
});

// Theme: follows the forced prefers-color-scheme by default; Settings → General can pin light or dark.
import { afterEach, describe, expect, test } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import { renderApp } from '../support/render-app.tsx';

const WAIT = { timeout: 5_000 };
const DARK_BG = 'rgb(21, 23, 26)';
const LIGHT_BG = 'rgb(247, 247, 245)';

async function emulateColorScheme(value: 'light' | 'dark' | ''): Promise<void> {
  await cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value }] });
}
const bodyBackground = () => getComputedStyle(document.body).backgroundColor;

afterEach(async () => {
  await emulateColorScheme('');
});

describe('theme', () => {
  test('follows prefers-color-scheme when set to system', async () => {
    await renderApp({ theme: 'system' });
    await emulateColorScheme('dark');
    await expect.poll(bodyBackground, WAIT).toBe(DARK_BG);
    await emulateColorScheme('light');
    await expect.poll(bodyBackground, WAIT).toBe(LIGHT_BG);
  });

  test('a choice in Settings → General overrides the system', async () => {
    const { screen } = await renderApp({ theme: 'system', section: 'settings' });
    await emulateColorScheme('dark');
    await expect.poll(bodyBackground, WAIT).toBe(DARK_BG);
    await userEvent.click(screen.getByTestId('settings-tab-general'));
    await userEvent.selectOptions(screen.getByLabelText('Theme'), 'light');
    await expect.poll(bodyBackground, WAIT).toBe(LIGHT_BG);
    expect(document.documentElement.dataset.theme).toBe('light');
    await userEvent.selectOptions(screen.getByLabelText('Theme'), 'system');
    await expect.poll(bodyBackground, WAIT).toBe(DARK_BG);
  });
});

// With no Secret Service the app explains what to start or install, the user's own desktop first, and
// points to the throwaway keyring of browser mode; with that keyring, a banner says secrets vanish on stop.
import { describe, expect, test } from 'vitest';
import { createMemoryMain } from '../support/memory-main.ts';
import { renderApp } from '../support/render-app.tsx';

// The first section a test opens is fetched and compiled cold by the dev server: give it time on a busy machine.
const WAIT = { timeout: 20_000 };

describe('keychain help', () => {
  test('no keyring: the welcome screen explains what to install, KDE first on KDE, and re-checks', async () => {
    const main = createMemoryMain();
    main.setVault({ state: 'unavailable', detail: 'no provider', desktop: 'kde' });
    const { screen } = await renderApp({ main, section: 'streams' });
    const help = screen.getByRole('region', { name: 'No system keychain answered' });
    await expect.element(help, WAIT).toBeVisible();
    const items = [...help.element().querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(items[0]).toContain('KDE Plasma');
    expect(items.some((text) => text.includes('GNOME Keyring'))).toBe(true);
    expect(items.some((text) => text.includes('KeePassXC'))).toBe(true);
    expect(items.at(-1)).toContain('./roost browser --private-keyring');

    const before = main.calls('vault:status');
    main.setVault({ state: 'available', detail: 'Secret Service' });
    await help.getByRole('button', { name: 'Check again' }).click();
    await expect.element(help).not.toBeInTheDocument();
    expect(main.calls('vault:status')).toBe(before + 1);
  });

  test('a private keyring shows a banner on every section', async () => {
    const main = createMemoryMain();
    main.setVault({ state: 'available', detail: 'Secret Service', privateKeyring: true });
    const { screen } = await renderApp({ main, section: 'settings' });
    const banner = screen.getByTestId('private-keyring-banner');
    await expect.element(banner, WAIT).toHaveTextContent('vanish');
    await screen.getByTestId('nav-streams').click();
    await expect.element(screen.getByTestId('private-keyring-banner')).toBeVisible();
    expect(screen.container.querySelector('[data-testid="keyring-help"]')).toBeNull();
  });
});

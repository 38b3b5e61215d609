// Settings → Accounts against the in-memory main: adding, failing to add, protecting and removing.
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMemoryMain, type KnownUser } from '../support/memory-main.ts';
import { renderApp } from '../support/render-app.tsx';

const alice: KnownUser = {
  identifier: 'alice.test',
  password: 'aaaa-bbbb-cccc-dddd',
  handle: 'alice.test',
  displayName: 'Alice Liddell',
};
const bob: KnownUser = {
  identifier: 'bob.test',
  password: 'bbbb-1111-2222-3333',
  handle: 'bob.test',
  displayName: '',
};

const WAIT = { timeout: 5_000 };

async function openAccounts(main = createMemoryMain([alice, bob])) {
  const app = await renderApp({ main, section: 'settings' });
  await expect
    .element(app.screen.getByRole('heading', { name: 'Add a Bluesky account' }), WAIT)
    .toBeVisible();
  return app;
}

describe('Settings → Accounts', () => {
  test('adds an account: it appears in the list and the password field is emptied', async () => {
    const { screen, main, store } = await openAccounts();
    await expect.element(screen.getByLabelText('Server'), WAIT).toHaveValue('https://bsky.social');
    await userEvent.fill(screen.getByLabelText('Handle'), 'alice.test');
    await userEvent.fill(screen.getByLabelText('App password'), alice.password);
    await userEvent.click(screen.getByRole('button', { name: 'Add account' }));

    const item = screen.getByRole('listitem').filter({ hasText: 'alice.test' });
    await expect.element(item, WAIT).toBeVisible();
    await expect.element(item.getByText('Alice Liddell')).toBeVisible();
    await expect.element(item.getByText('Active')).toBeVisible();
    await expect.element(item.getByText('Bluesky · Server: bsky.social')).toBeVisible();
    await expect.element(item.getByRole('img', { name: 'Avatar of Alice Liddell' })).toHaveTextContent('AL');
    await expect.element(screen.getByLabelText('App password'), WAIT).toHaveValue('');
    await expect
      .element(screen.getByTestId('add-account-success'))
      .toHaveTextContent('alice.test was added.');
    expect(main.accounts().map((a) => a.handle)).toEqual(['alice.test']);
    // The secret must not linger anywhere the renderer keeps state.
    expect(JSON.stringify(store.getState())).not.toContain(alice.password);
    expect(JSON.stringify({ ...sessionStorage })).not.toContain(alice.password);
  });

  test('disables the button while main is working on it', async () => {
    const main = createMemoryMain([alice]);
    const { screen } = await openAccounts(main);
    const release = main.hold('accounts:add');
    await userEvent.fill(screen.getByLabelText('Handle'), 'alice.test');
    await userEvent.fill(screen.getByLabelText('App password'), alice.password);
    const button = screen.getByRole('button', { name: 'Add account' });
    await userEvent.click(button);
    await expect.element(button, WAIT).toBeDisabled();
    await expect.element(screen.getByText('Adding…')).toBeVisible();
    release();
    await expect.element(button, WAIT).toBeEnabled();
    await expect.element(screen.getByRole('listitem').filter({ hasText: 'alice.test' }), WAIT).toBeVisible();
  });

  test('auth_failed: shows what to do, keeps server and handle, clears the password', async () => {
    const { screen, main } = await openAccounts();
    await userEvent.fill(screen.getByLabelText('Server'), 'https://pds.example');
    await userEvent.fill(screen.getByLabelText('Handle'), 'alice.test');
    await userEvent.fill(screen.getByLabelText('App password'), 'wrong-password');
    await userEvent.click(screen.getByRole('button', { name: 'Add account' }));

    const alert = screen.getByTestId('add-account-error');
    await expect.element(alert, WAIT).toHaveAttribute('data-code', 'auth_failed');
    await expect.element(alert).toHaveTextContent('did not accept this handle and app password');
    await expect.element(screen.getByLabelText('Server')).toHaveValue('https://pds.example');
    await expect.element(screen.getByLabelText('Handle')).toHaveValue('alice.test');
    await expect.element(screen.getByLabelText('App password'), WAIT).toHaveValue('');
    expect(main.accounts()).toEqual([]);
    await expect.element(screen.getByTestId('accounts-empty')).toBeVisible();
  });

  test('keychain_locked: shows the unlock advice, and the vault panel explains the state', async () => {
    const main = createMemoryMain([alice]);
    main.setVault({ state: 'locked', detail: 'collection locked' });
    const { screen } = await openAccounts(main);
    await expect
      .element(screen.getByTestId('vault-status'), WAIT)
      .toHaveTextContent('Locked: unlock your desktop keyring');
    await userEvent.fill(screen.getByLabelText('Handle'), 'alice.test');
    await userEvent.fill(screen.getByLabelText('App password'), alice.password);
    await userEvent.click(screen.getByRole('button', { name: 'Add account' }));
    await expect
      .element(screen.getByTestId('add-account-error'), WAIT)
      .toHaveTextContent(
        'Your system keychain is locked. Unlock it (log in to your desktop keyring) and try again.',
      );

    main.setVault({ state: 'available', detail: 'ok' });
    await userEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await expect.element(screen.getByTestId('vault-status'), WAIT).toHaveAttribute('data-state', 'available');
  });

  test('invalid_input: marks the fields main rejected', async () => {
    const { screen } = await openAccounts();
    await userEvent.fill(screen.getByLabelText('Server'), 'not a url');
    await userEvent.click(screen.getByRole('button', { name: 'Add account' }));
    await expect
      .element(screen.getByTestId('add-account-error'), WAIT)
      .toHaveAttribute('data-code', 'invalid_input');
    await expect.element(screen.getByLabelText('Server')).toHaveAttribute('aria-invalid', 'true');
    await expect.element(screen.getByLabelText('Handle')).toHaveAttribute('aria-invalid', 'true');
    await expect.element(screen.getByLabelText('App password')).toHaveAttribute('aria-invalid', 'true');
    await expect
      .element(screen.getByText('Enter the full server address, starting with https://.'))
      .toBeVisible();
  });

  test('already_exists is reported for a second add of the same account', async () => {
    const main = createMemoryMain([alice]);
    main.seedAccount(alice);
    const { screen } = await openAccounts(main);
    await userEvent.fill(screen.getByLabelText('Handle'), 'alice.test');
    await userEvent.fill(screen.getByLabelText('App password'), alice.password);
    await userEvent.click(screen.getByRole('button', { name: 'Add account' }));
    await expect.element(screen.getByTestId('add-account-error'), WAIT).toHaveTextContent('already in Roost');
  });

  test('removes an account only after confirmation', async () => {
    const main = createMemoryMain([alice, bob]);
    main.seedAccount(alice);
    main.seedAccount(bob);
    const { screen } = await openAccounts(main);
    const item = screen.getByRole('listitem').filter({ hasText: 'bob.test' });
    await expect.element(item, WAIT).toBeVisible();

    await userEvent.click(item.getByRole('button', { name: 'Remove' }));
    await userEvent.click(item.getByRole('button', { name: 'Cancel' }));
    expect(main.accounts()).toHaveLength(2);

    await userEvent.click(item.getByRole('button', { name: 'Remove' }));
    await expect.element(item.getByText('Remove bob.test from Roost?')).toBeVisible();
    await userEvent.click(item.getByRole('button', { name: 'Confirm removal' }));
    await expect.element(item, WAIT).not.toBeInTheDocument();
    expect(main.accounts().map((a) => a.handle)).toEqual(['alice.test']);
    await expect.element(screen.getByRole('listitem').filter({ hasText: 'alice.test' })).toBeVisible();
  });

  test('the protected switch calls main and reflects its answer', async () => {
    const main = createMemoryMain([alice]);
    main.seedAccount(alice);
    const { screen } = await openAccounts(main);
    const toggle = screen.getByRole('switch', { name: 'Protected (brand) account' });
    await expect.element(toggle, WAIT).not.toBeChecked();
    await userEvent.click(toggle);
    await expect.element(toggle, WAIT).toBeChecked();
    expect(main.accounts()[0]?.protected).toBe(true);
  });

  test('shows status badges and falls back to initials when the avatar cannot load', async () => {
    const main = createMemoryMain();
    main.seedAccount({ ...bob, avatarUrl: 'http://127.0.0.1:9/missing.png' }, { status: 'needs_sign_in' });
    const { screen } = await openAccounts(main);
    const item = screen.getByRole('listitem').filter({ hasText: 'bob.test' });
    await expect.element(item.getByText('Needs sign-in'), WAIT).toBeVisible();
    await expect.element(item.getByRole('img', { name: 'Avatar of bob.test' }), WAIT).toHaveTextContent('BT');
  });

  test('follows accounts:changed pushed by main', async () => {
    const main = createMemoryMain([alice]);
    const { screen } = await openAccounts(main);
    await expect.element(screen.getByTestId('accounts-empty'), WAIT).toBeVisible();
    main.seedAccount(alice);
    main.emit('accounts:changed', { accounts: [...main.accounts()] });
    await expect.element(screen.getByRole('listitem').filter({ hasText: 'alice.test' }), WAIT).toBeVisible();
  });
});

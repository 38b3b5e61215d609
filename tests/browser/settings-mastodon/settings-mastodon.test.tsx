// Settings → Accounts → Mastodon sign-in in real Chromium, against the in-memory main with the Mastodon
// double: the loopback flow (browser opened, main's accounts:signIn event ends it), the pasted-code
// fallback, the errors main can answer, and a server whose sign-in address is not a web page.
import { afterEach, beforeEach, describe, expect, test, vi, type MockInstance } from 'vitest';
import { userEvent } from 'vitest/browser';
import { renderApp } from '../support/render-app.tsx';
import { createMastodonMain, type MastodonServer } from './mastodon-main.ts';

const social: MastodonServer = {
  origin: 'https://mastodon.social',
  users: [
    { handle: 'alice', displayName: 'Alice Liddell', code: 'code-alice-123' },
    { handle: 'bob', displayName: 'Bob', code: 'code-bob-456' },
  ],
};
const hostile: MastodonServer = {
  origin: 'https://evil.example',
  users: [],
  authorizeUrl: () => 'javascript:alert(document.domain)',
};
const fileServer: MastodonServer = {
  origin: 'https://files.example',
  users: [],
  authorizeUrl: () => 'file:///etc/passwd',
};

const WAIT = { timeout: 5_000 };

let open: MockInstance<typeof window.open>;
beforeEach(() => {
  open = vi.spyOn(window, 'open').mockImplementation(() => null);
});
afterEach(() => {
  open.mockRestore();
});

/**
 * A negative check right after an event would pass before React renders what the event caused; a real
 * input event, driven from outside the page, only returns after the page has handled its pending work.
 */
async function letReactRender(): Promise<void> {
  await userEvent.keyboard('{Shift}');
}

async function openMastodonForm(
  mastodon = createMastodonMain([social, hostile, fileServer]),
  language?: 'fr',
) {
  const app = await renderApp({
    main: mastodon.memory,
    section: 'settings',
    language,
    locale: language ?? 'en',
  });
  const toggle = app.screen.getByRole('button', {
    name: language ? 'Ajouter un compte Mastodon' : 'Add a Mastodon account',
  });
  await expect.element(toggle, WAIT).toHaveAttribute('aria-expanded', 'false');
  await userEvent.click(toggle);
  await expect.element(toggle, WAIT).toHaveAttribute('aria-expanded', 'true');
  return { ...app, mastodon };
}

describe('Settings → Accounts → Mastodon, loopback sign-in', () => {
  test('a bare domain becomes https, the authorize page opens, and the signIn event finishes it', async () => {
    const { screen, mastodon } = await openMastodonForm();
    await userEvent.fill(screen.getByLabelText('Mastodon server'), 'mastodon.social');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in with Mastodon' }));

    await expect.element(screen.getByText('Finish signing in in your browser…'), WAIT).toBeVisible();
    expect(mastodon.begins).toEqual([
      { instance: 'https://mastodon.social', method: 'loopback', flowId: 'flow-1' },
    ]);
    expect(open).toHaveBeenCalledTimes(1);
    const [url, target, features] = open.mock.calls[0] ?? [];
    expect(String(url)).toMatch(/^https:\/\/mastodon\.social\/oauth\/authorize\?.*state=flow-1/);
    expect([target, features]).toEqual(['_blank', 'noopener,noreferrer']);
    // A way back to the page if the browser did not open.
    const again = screen.getByRole('link', { name: 'Open the sign-in page' });
    await expect.element(again).toHaveAttribute('href', String(url));
    await expect.element(again).toHaveAttribute('rel', 'noopener noreferrer');

    // An event for some other sign-in does not end this one.
    mastodon.base.emit('accounts:signIn', {
      flowId: 'flow-other',
      ok: false,
      accountId: null,
      errorCode: 'auth_failed',
    });
    await letReactRender();
    await expect.element(screen.getByTestId('mastodon-waiting')).toBeVisible();
    await expect.element(screen.getByTestId('add-mastodon-error')).not.toBeInTheDocument();

    mastodon.finishLoopback('flow-1', 'alice');
    await expect
      .element(screen.getByTestId('add-mastodon-success'), WAIT)
      .toHaveTextContent('Signed in: @alice was added.');
    await expect.element(screen.getByTestId('mastodon-waiting')).not.toBeInTheDocument();
    const item = screen.getByRole('listitem').filter({ hasText: '@alice' });
    await expect.element(item, WAIT).toBeVisible();
    await expect.element(item.getByText('Mastodon · Server: mastodon.social')).toBeVisible();
  });

  test('a full handle is accepted as the server address', async () => {
    const { screen, mastodon } = await openMastodonForm();
    await userEvent.fill(screen.getByLabelText('Mastodon server'), ' @alice@mastodon.social ');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in with Mastodon' }));
    await expect.element(screen.getByTestId('mastodon-waiting'), WAIT).toBeVisible();
    expect(mastodon.begins.map((b) => b.instance)).toEqual(['https://mastodon.social']);
  });

  test('a failed loopback sign-in shows the translated reason and lets the user start again', async () => {
    const { screen, mastodon } = await openMastodonForm();
    await userEvent.fill(screen.getByLabelText('Mastodon server'), 'https://mastodon.social');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in with Mastodon' }));
    await expect.element(screen.getByTestId('mastodon-waiting'), WAIT).toBeVisible();

    mastodon.failLoopback('flow-1', 'auth_failed');
    const alert = screen.getByTestId('add-mastodon-error');
    await expect.element(alert, WAIT).toHaveAttribute('data-code', 'auth_failed');
    await expect.element(alert).toHaveTextContent('Your server did not accept the sign-in.');
    await expect.element(screen.getByTestId('mastodon-waiting')).not.toBeInTheDocument();
    await expect.element(screen.getByRole('button', { name: 'Sign in with Mastodon' })).toBeEnabled();
    expect(mastodon.base.accounts()).toEqual([]);
  });

  test('an unknown error code from main is shown as an internal error, not raw', async () => {
    const { screen, mastodon } = await openMastodonForm();
    await userEvent.fill(screen.getByLabelText('Mastodon server'), 'mastodon.social');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in with Mastodon' }));
    await expect.element(screen.getByTestId('mastodon-waiting'), WAIT).toBeVisible();
    mastodon.failLoopback('flow-1', 'something_new');
    await expect
      .element(screen.getByTestId('add-mastodon-error'), WAIT)
      .toHaveAttribute('data-code', 'internal');
    await expect
      .element(screen.getByTestId('add-mastodon-error'))
      .toHaveTextContent('Something went wrong inside Roost.');
  });

  test('the button is disabled while main registers Roost with the server; cancel abandons the wait', async () => {
    const mastodon = createMastodonMain([social]);
    const { screen } = await openMastodonForm(mastodon);
    const release = mastodon.hold('accounts:beginMastodon');
    await userEvent.fill(screen.getByLabelText('Mastodon server'), 'mastodon.social');
    const button = screen.getByRole('button', { name: 'Sign in with Mastodon' });
    await userEvent.click(button);
    await expect.element(button, WAIT).toBeDisabled();
    await expect.element(screen.getByText('Contacting your server…')).toBeVisible();
    expect(open).not.toHaveBeenCalled();
    release();
    await expect.element(screen.getByTestId('mastodon-waiting'), WAIT).toBeVisible();
    await expect.element(button).toBeEnabled();

    await userEvent.click(screen.getByTestId('mastodon-waiting').getByRole('button', { name: 'Cancel' }));
    await expect.element(screen.getByTestId('mastodon-waiting'), WAIT).not.toBeInTheDocument();
    // A late event for the abandoned flow changes nothing on screen.
    mastodon.failLoopback('flow-1', 'auth_failed');
    await letReactRender();
    await expect.element(screen.getByTestId('add-mastodon-error')).not.toBeInTheDocument();
  });
});

describe('Settings → Accounts → Mastodon, code fallback', () => {
  test('shows the authorize link, takes the code, and adds the account', async () => {
    const { screen, mastodon, store } = await openMastodonForm();
    await userEvent.fill(screen.getByLabelText('Mastodon server'), 'mastodon.social');
    await userEvent.click(
      screen.getByRole('button', { name: 'Can’t get back to Roost? Use a code instead' }),
    );

    const link = screen.getByRole('link', { name: 'Open the sign-in page on mastodon.social' });
    await expect.element(link, WAIT).toBeVisible();
    expect(mastodon.begins).toEqual([
      { instance: 'https://mastodon.social', method: 'oob', flowId: 'flow-1' },
    ]);
    await expect
      .element(link)
      .toHaveAttribute('href', expect.stringMatching(/^https:\/\/mastodon\.social\/oauth\/authorize\?/));
    await expect
      .element(link)
      .toHaveAttribute('href', expect.stringContaining('urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob'));
    await expect.element(link).toHaveAttribute('target', '_blank');
    await expect.element(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(open).not.toHaveBeenCalled();

    await userEvent.fill(screen.getByLabelText('Code from your server'), 'code-bob-456');
    await userEvent.click(screen.getByRole('button', { name: 'Finish sign-in' }));
    await expect
      .element(screen.getByTestId('add-mastodon-success'), WAIT)
      .toHaveTextContent('Signed in: @bob was added.');
    await expect.element(screen.getByTestId('mastodon-code-step')).not.toBeInTheDocument();
    await expect.element(screen.getByRole('listitem').filter({ hasText: '@bob' }), WAIT).toBeVisible();
    expect(mastodon.base.accounts().map((a) => [a.network, a.handle])).toEqual([['mastodon', 'bob']]);
    expect(JSON.stringify(store.getState())).not.toContain('code-bob-456');
  });

  test('the fallback is offered while waiting for the browser, and switches the flow to a code', async () => {
    const { screen, mastodon } = await openMastodonForm();
    await userEvent.fill(screen.getByLabelText('Mastodon server'), 'mastodon.social');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in with Mastodon' }));
    const waiting = screen.getByTestId('mastodon-waiting');
    await expect.element(waiting, WAIT).toBeVisible();
    await userEvent.click(
      waiting.getByRole('button', { name: 'Can’t get back to Roost? Use a code instead' }),
    );
    await expect.element(screen.getByLabelText('Code from your server'), WAIT).toBeVisible();
    expect(mastodon.begins.map((b) => b.method)).toEqual(['loopback', 'oob']);
    await expect.element(screen.getByTestId('mastodon-waiting')).not.toBeInTheDocument();

    await userEvent.fill(screen.getByLabelText('Code from your server'), 'code-alice-123');
    await userEvent.click(screen.getByRole('button', { name: 'Finish sign-in' }));
    await expect.element(screen.getByTestId('add-mastodon-success'), WAIT).toHaveTextContent('@alice');
  });

  test('a wrong code: translated error, the code field is emptied and stays for another try', async () => {
    const { screen, mastodon } = await openMastodonForm();
    await userEvent.fill(screen.getByLabelText('Mastodon server'), 'mastodon.social');
    await userEvent.click(
      screen.getByRole('button', { name: 'Can’t get back to Roost? Use a code instead' }),
    );
    const code = screen.getByLabelText('Code from your server');
    await userEvent.fill(code, 'not-the-code');
    await userEvent.click(screen.getByRole('button', { name: 'Finish sign-in' }));
    const alert = screen.getByTestId('add-mastodon-error');
    await expect.element(alert, WAIT).toHaveAttribute('data-code', 'auth_failed');
    await expect.element(alert).toHaveTextContent('Your server did not accept the sign-in.');
    await expect.element(code).toHaveValue('');

    await userEvent.fill(code, 'code-alice-123');
    await userEvent.click(screen.getByRole('button', { name: 'Finish sign-in' }));
    await expect.element(screen.getByTestId('add-mastodon-success'), WAIT).toBeVisible();
    await expect.element(screen.getByTestId('add-mastodon-error')).not.toBeInTheDocument();
    expect(mastodon.completes()).toBe(2);
  });

  test('an empty code is marked on its field by main’s validation', async () => {
    const { screen } = await openMastodonForm();
    await userEvent.fill(screen.getByLabelText('Mastodon server'), 'mastodon.social');
    await userEvent.click(
      screen.getByRole('button', { name: 'Can’t get back to Roost? Use a code instead' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Finish sign-in' }));
    await expect
      .element(screen.getByTestId('add-mastodon-error'), WAIT)
      .toHaveAttribute('data-code', 'invalid_input');
    await expect
      .element(screen.getByLabelText('Code from your server'))
      .toHaveAttribute('aria-invalid', 'true');
    await expect.element(screen.getByText('Paste the code your server showed.')).toBeVisible();
  });

  test('an expired flow (not_found) says so and returns to the start', async () => {
    const { screen, mastodon } = await openMastodonForm();
    await userEvent.fill(screen.getByLabelText('Mastodon server'), 'mastodon.social');
    await userEvent.click(
      screen.getByRole('button', { name: 'Can’t get back to Roost? Use a code instead' }),
    );
    await expect.element(screen.getByLabelText('Code from your server'), WAIT).toBeVisible();
    mastodon.expireFlows();
    await userEvent.fill(screen.getByLabelText('Code from your server'), 'code-alice-123');
    await userEvent.click(screen.getByRole('button', { name: 'Finish sign-in' }));
    const alert = screen.getByTestId('add-mastodon-error');
    await expect.element(alert, WAIT).toHaveAttribute('data-code', 'not_found');
    await expect.element(alert).toHaveTextContent('This sign-in has expired.');
    await expect.element(screen.getByTestId('mastodon-code-step')).not.toBeInTheDocument();
    expect(mastodon.base.accounts()).toEqual([]);
  });
});

describe('Settings → Accounts → Mastodon, errors when starting', () => {
  test('invalid_input: an empty or malformed address is marked on the server field', async () => {
    const { screen, mastodon } = await openMastodonForm();
    await userEvent.click(screen.getByRole('button', { name: 'Sign in with Mastodon' }));
    await expect
      .element(screen.getByTestId('add-mastodon-error'), WAIT)
      .toHaveAttribute('data-code', 'invalid_input');
    const field = screen.getByLabelText('Mastodon server');
    await expect.element(field).toHaveAttribute('aria-invalid', 'true');
    await expect
      .element(screen.getByText('Enter your server’s address, such as mastodon.social'))
      .toBeVisible();

    await userEvent.fill(field, 'ftp://mastodon.social');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in with Mastodon' }));
    await expect
      .element(screen.getByTestId('add-mastodon-error'), WAIT)
      .toHaveAttribute('data-code', 'invalid_input');
    expect(mastodon.begins).toEqual([]);
    expect(open).not.toHaveBeenCalled();
  });

  test('network_unreachable for a server that does not answer', async () => {
    const { screen } = await openMastodonForm();
    await userEvent.fill(screen.getByLabelText('Mastodon server'), 'nowhere.invalid');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in with Mastodon' }));
    await expect
      .element(screen.getByTestId('add-mastodon-error'), WAIT)
      .toHaveTextContent(
        'Roost could not reach the server. Check your internet connection and the server address',
      );
    await expect.element(screen.getByLabelText('Mastodon server')).not.toHaveAttribute('aria-invalid');
    expect(open).not.toHaveBeenCalled();
  });

  test.each([
    ['locked', 'keychain_locked', 'Your system keychain is locked.'],
    ['unavailable', 'keychain_unavailable', 'No system keychain is available'],
    ['timed_out', 'keychain_timeout', 'Your system keychain did not answer in time.'],
  ] as const)('keychain %s: %s is explained and nothing opens', async (state, code, text) => {
    const mastodon = createMastodonMain([social]);
    mastodon.setVault({ state, detail: 'test' });
    const { screen } = await openMastodonForm(mastodon);
    await userEvent.fill(screen.getByLabelText('Mastodon server'), 'mastodon.social');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in with Mastodon' }));
    const alert = screen.getByTestId('add-mastodon-error');
    await expect.element(alert, WAIT).toHaveAttribute('data-code', code);
    await expect.element(alert).toHaveTextContent(text);
    expect(open).not.toHaveBeenCalled();
    expect(mastodon.begins).toEqual([]);
  });
});

describe('Settings → Accounts → Mastodon, addresses that are not web pages', () => {
  test.each([
    ['evil.example', 'javascript:'],
    ['files.example', 'file:'],
  ])('loopback: the authorize address from %s (%s) is never opened', async (server) => {
    const { screen, mastodon } = await openMastodonForm();
    await userEvent.fill(screen.getByLabelText('Mastodon server'), server);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in with Mastodon' }));
    const alert = screen.getByTestId('add-mastodon-error');
    await expect.element(alert, WAIT).toHaveAttribute('data-code', 'unsafe_url');
    await expect.element(alert).toHaveTextContent('not a web page, so Roost did not open it');
    expect(mastodon.begins).toHaveLength(1);
    expect(open).not.toHaveBeenCalled();
    await expect.element(screen.getByTestId('mastodon-waiting')).not.toBeInTheDocument();
  });

  test('code fallback: no link is shown for a javascript: address', async () => {
    const { screen, mastodon } = await openMastodonForm();
    await userEvent.fill(screen.getByLabelText('Mastodon server'), 'evil.example');
    await userEvent.click(
      screen.getByRole('button', { name: 'Can’t get back to Roost? Use a code instead' }),
    );
    await expect
      .element(screen.getByTestId('add-mastodon-error'), WAIT)
      .toHaveAttribute('data-code', 'unsafe_url');
    expect(mastodon.begins.map((b) => b.method)).toEqual(['oob']);
    await expect.element(screen.getByTestId('mastodon-code-step')).not.toBeInTheDocument();
    expect(document.querySelector('[data-testid="add-mastodon"] a[href^="javascript:"]')).toBeNull();
    expect(open).not.toHaveBeenCalled();
  });
});

describe('Settings → Accounts → Mastodon in French', () => {
  test('labels, waiting state and success are translated', async () => {
    const { screen, mastodon } = await openMastodonForm(undefined, 'fr');
    await userEvent.fill(screen.getByLabelText('Serveur Mastodon'), 'mastodon.social');
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter avec Mastodon' }));
    await expect
      .element(screen.getByText('Terminez la connexion dans votre navigateur…'), WAIT)
      .toBeVisible();
    mastodon.finishLoopback('flow-1', 'alice');
    await expect
      .element(screen.getByTestId('add-mastodon-success'), WAIT)
      .toHaveTextContent('Connecté : @alice a été ajouté.');
  });

  test('the code step and its errors are translated', async () => {
    const { screen } = await openMastodonForm(undefined, 'fr');
    await userEvent.fill(screen.getByLabelText('Serveur Mastodon'), 'mastodon.social');
    await userEvent.click(
      screen.getByRole('button', { name: 'Impossible de revenir à Roost ? Utiliser un code' }),
    );
    await userEvent.fill(screen.getByLabelText('Code fourni par votre serveur'), 'faux');
    await userEvent.click(screen.getByRole('button', { name: 'Terminer la connexion' }));
    await expect
      .element(screen.getByTestId('add-mastodon-error'), WAIT)
      .toHaveTextContent('Votre serveur n’a pas accepté la connexion.');
  });
});

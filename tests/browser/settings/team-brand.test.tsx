// Settings → Team → Brand accounts in real Chromium, against the in-memory main with team and brand doubles
// behind main's real router: an admin connects an account (a refused password is cleared and explained, the
// rest of the form kept), gives the expert access, posts as the account through a guard that asks for
// confirmation and follows the post until it is out, and removes the account after confirming. A post by a
// member whose posts need approval waits for it. French texts.
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMemoryMain } from '../support/memory-main.ts';
import { renderApp } from '../support/render-app.tsx';
import { CONFIRM_WORD, createBrandDouble, GOOD_APP_PASSWORD } from './support/brand-double.ts';
import { createTeamDouble, SERVER, VALID_CODE } from './support/team-double.ts';

const WAIT = { timeout: 5_000 };

async function openJoinedTeam(language: 'en' | 'fr' = 'en') {
  const team = createTeamDouble();
  const brand = createBrandDouble();
  const main = createMemoryMain([], 'https://pds.example', { ...team.handlers, ...brand.handlers });
  team.bind((name, payload) => main.emit(name, payload));
  const app = await renderApp({ main, section: 'settings', language, locale: language });
  await app.screen.getByTestId('settings-tab-team').click();
  await expect.element(app.screen.getByTestId('team-settings'), WAIT).toBeVisible();
  const link = language === 'en' ? 'Invitation link' : 'Lien d’invitation';
  await userEvent.fill(app.screen.getByLabelText(link), `${SERVER}/join#${VALID_CODE}`);
  await userEvent.fill(
    app.screen.getByLabelText(language === 'en' ? 'Your name in the team' : /Votre nom/),
    'Ada',
  );
  await userEvent.click(
    app.screen.getByRole('button', { name: language === 'en' ? 'Join' : 'Rejoindre', exact: true }),
  );
  await expect.element(app.screen.getByTestId('team-brand-accounts'), WAIT).toBeVisible();
  return { ...app, team, brand };
}

async function connect(screen: Awaited<ReturnType<typeof openJoinedTeam>>['screen'], password: string) {
  const form = screen.getByTestId('team-brand-connect');
  await userEvent.fill(form.getByLabelText('Server'), 'https://pds.brand.example');
  await userEvent.fill(form.getByLabelText('Handle'), 'brand.example');
  await userEvent.fill(form.getByLabelText('App password'), password);
  await userEvent.click(form.getByRole('button', { name: 'Connect' }));
}

describe('Settings → Team → Brand accounts', () => {
  test('an admin connects an account; a refused password is cleared, the rest kept; nothing secret comes back', async () => {
    const { screen, brand } = await openJoinedTeam();
    await expect.element(screen.getByText('No brand accounts yet.'), WAIT).toBeVisible();

    await connect(screen, 'wrong-pass-word');
    await expect.element(screen.getByTestId('team-error'), WAIT).toHaveAttribute('data-code', 'server_error');
    const form = screen.getByTestId('team-brand-connect');
    await expect.element(form.getByLabelText('App password')).toHaveValue('');
    await expect.element(form.getByLabelText('Handle')).toHaveValue('brand.example');
    expect(brand.accounts()).toHaveLength(0);

    await connect(screen, GOOD_APP_PASSWORD);
    const item = screen.getByTestId('team-brand-account');
    await expect.element(item, WAIT).toHaveAttribute('data-handle', 'brand.example');
    await expect.element(item).toHaveTextContent('Team');
    await expect.element(item.getByTestId('team-brand-my-access')).toHaveTextContent('Publish');
    await expect.element(form.getByLabelText('App password')).toHaveValue('');
    expect(brand.secretsReceived()).toEqual(['wrong-pass-word', GOOD_APP_PASSWORD]);
    // The password is not left anywhere on the page.
    expect(document.body.innerHTML).not.toContain(GOOD_APP_PASSWORD);
  });

  test('an admin gives the expert access, then removes the account after confirming', async () => {
    const { screen, brand } = await openJoinedTeam();
    await connect(screen, GOOD_APP_PASSWORD);
    const account = brand.accounts()[0]!;
    await userEvent.click(screen.getByRole('button', { name: 'Who may use @brand.example' }));
    const select = screen.getByLabelText('Access of Esther to @brand.example');
    await expect.element(select, WAIT).toHaveValue('none');
    // Owners and admins always have everything: only the expert is listed.
    expect(screen.getByTestId('team-brand-access-row').elements()).toHaveLength(1);
    await userEvent.selectOptions(select, 'reply');
    await expect.poll(() => brand.access(account.id).get('01JTEAM000000000000000EXP1'), WAIT).toBe('reply');
    await expect.element(select).toHaveValue('reply');
    await userEvent.selectOptions(select, 'none');
    await expect.poll(() => brand.access(account.id).size, WAIT).toBe(0);

    await userEvent.click(screen.getByRole('button', { name: 'Remove @brand.example' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove @brand.example' }).last());
    await expect.element(screen.getByText('No brand accounts yet.'), WAIT).toBeVisible();
    expect(brand.accounts()[0]!.removedAt).not.toBeNull();
  });

  test('posting as the account: a guard asks to confirm, the post goes out once and shows its link', async () => {
    const { screen, brand } = await openJoinedTeam();
    await connect(screen, GOOD_APP_PASSWORD);
    await userEvent.click(screen.getByRole('button', { name: 'Post as @brand.example' }));
    const box = screen.getByLabelText('Text of the post as @brand.example');
    await userEvent.fill(box, `Our ${CONFIRM_WORD} starts today`);
    await userEvent.click(screen.getByRole('button', { name: 'Post', exact: true }));
    await expect
      .element(screen.getByTestId('team-brand-post-confirm'), WAIT)
      .toHaveTextContent('blocked-term');
    expect(brand.posts()).toHaveLength(0);
    await expect.element(box).toHaveValue(`Our ${CONFIRM_WORD} starts today`);

    await userEvent.click(screen.getByRole('button', { name: 'Post anyway' }));
    const state = screen.getByTestId('team-brand-post-state');
    await expect.element(state, WAIT).toHaveAttribute('data-state', 'sent');
    await expect
      .element(state.getByRole('link', { name: 'Open the post' }))
      .toHaveAttribute('href', 'https://bsky.app/profile/brand.example/post/3kxyz');
    expect(brand.posts()).toHaveLength(1);
    await expect.element(box).toHaveValue('');
  });

  test('a post by a member who needs approval waits for it and is not sent', async () => {
    const { screen, brand } = await openJoinedTeam();
    await connect(screen, GOOD_APP_PASSWORD);
    brand.setMyAccess('publish_with_approval');
    // The server decides: the screen learns of the approval rule from its answer.
    await userEvent.click(screen.getByRole('button', { name: 'Post as @brand.example' }));
    await userEvent.fill(screen.getByLabelText('Text of the post as @brand.example'), 'Hello from the team');
    await userEvent.click(screen.getByRole('button', { name: 'Post', exact: true }));
    const state = screen.getByTestId('team-brand-post-state');
    await expect.element(state, WAIT).toHaveAttribute('data-state', 'awaiting_approval');
    await expect.element(state).toHaveTextContent('Waiting for approval');
    expect(brand.posts().map((p) => p.state)).toEqual(['awaiting_approval']);
  });

  test('French texts', async () => {
    const { screen } = await openJoinedTeam('fr');
    await expect.element(screen.getByRole('heading', { name: 'Comptes de marque' }), WAIT).toBeVisible();
    await expect
      .element(screen.getByRole('heading', { name: 'Connecter un compte de marque' }))
      .toBeVisible();
  });
});

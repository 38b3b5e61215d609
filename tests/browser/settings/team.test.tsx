// Settings → Team in real Chromium against the in-memory main with a team double behind main's router:
// without a team nothing else changes; a bad link and a used invitation are explained; joining shows the
// server, role and devices; an admin changes a role (and is told when the member changed meanwhile),
// revokes a member after confirming, creates and revokes invitations, filters the audit log and exports it
// as CSV; a revoked computer says plainly what was erased and what could not be recalled; French texts.
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMemoryMain } from '../support/memory-main.ts';
import { renderApp } from '../support/render-app.tsx';
import { createTeamDouble, SERVER, VALID_CODE } from './support/team-double.ts';

const WAIT = { timeout: 5_000 };

async function openTeam(language: 'en' | 'fr' = 'en') {
  const team = createTeamDouble();
  const main = createMemoryMain([], 'https://pds.example', team.handlers);
  team.bind((name, payload) => main.emit(name, payload));
  const app = await renderApp({ main, section: 'settings', language, locale: language });
  await app.screen.getByTestId('settings-tab-team').click();
  await expect.element(app.screen.getByTestId('team-settings'), WAIT).toBeVisible();
  return { ...app, team };
}

async function join(screen: Awaited<ReturnType<typeof openTeam>>['screen'], link: string) {
  await userEvent.fill(screen.getByLabelText('Invitation link'), link);
  await userEvent.fill(screen.getByLabelText('Your name in the team'), 'Ada');
  await userEvent.click(screen.getByRole('button', { name: 'Join', exact: true }));
}

describe('Settings → Team', () => {
  test('without a team only the join form shows; bad links are explained', async () => {
    const { screen, main } = await openTeam();
    await expect.element(screen.getByTestId('team-join'), WAIT).toBeVisible();
    expect(main.calls('team:members')).toBe(0);
    await expect.element(screen.getByRole('button', { name: 'Join', exact: true })).toBeDisabled();

    await join(screen, 'https://example.com/not-an-invitation');
    await expect
      .element(screen.getByTestId('team-error'), WAIT)
      .toHaveTextContent('This is not a Roost invitation link.');
    await join(screen, `${SERVER}/join#UsedCodeUsedCodeUsedCode00`);
    await expect
      .element(screen.getByTestId('team-error'), WAIT)
      .toHaveTextContent('This invitation was already used, revoked or has expired.');
    await expect
      .element(screen.getByLabelText('Invitation link'))
      .toHaveValue(`${SERVER}/join#UsedCodeUsedCodeUsedCode00`);
  });

  test('joining shows the server, role and devices; an old device can be revoked', async () => {
    const { screen } = await openTeam();
    await join(screen, `${SERVER}/join#${VALID_CODE}`);
    await expect.element(screen.getByTestId('team-server'), WAIT).toHaveTextContent(SERVER);
    await expect.element(screen.getByTestId('team-role')).toHaveTextContent('Owner');
    await expect.element(screen.getByTestId('team-state')).toHaveTextContent('Connected');
    await expect
      .element(screen.getByTestId('team-devices'), WAIT)
      .toHaveTextContent('Work laptop (this computer)');
    await userEvent.click(screen.getByRole('button', { name: 'Revoke Old laptop' }));
    await expect.element(screen.getByTestId('team-devices'), WAIT).toHaveTextContent(/Old laptop revoked/);
    await expect.element(screen.getByRole('button', { name: 'Revoke Old laptop' })).not.toBeInTheDocument();
  });

  test('an admin changes a role, revokes a member after confirming, and manages invitations', async () => {
    const { screen, team } = await openTeam();
    await join(screen, `${SERVER}/join#${VALID_CODE}`);
    const role = screen.getByLabelText('Role of Esther');
    await expect.element(role, WAIT).toHaveValue('expert');
    await userEvent.selectOptions(role, 'lead');
    await expect.poll(() => team.members().find((m) => m.displayName === 'Esther')?.role, WAIT).toBe('lead');

    await userEvent.click(screen.getByRole('button', { name: 'Revoke Esther' }));
    await expect.element(screen.getByText(/Their desktops lose access within a second/), WAIT).toBeVisible();
    expect(team.members().find((m) => m.displayName === 'Esther')?.revokedAt).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Revoke Esther', exact: true }).last());
    await expect
      .poll(() => team.members().find((m) => m.displayName === 'Esther')?.revokedAt, WAIT)
      .not.toBeNull();
    await expect.element(screen.getByLabelText('Role of Esther')).not.toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Role', { exact: true }), 'viewer');
    await userEvent.selectOptions(screen.getByLabelText('Valid for'), '24');
    await userEvent.click(screen.getByRole('button', { name: 'Create invitation' }));
    const link = screen.getByTestId('team-invitation-link');
    await expect
      .element(link, WAIT)
      .toHaveValue(expect.stringMatching(/^http:\/\/127\.0\.0\.1:7420\/join#code/));
    expect(team.invitations()).toHaveLength(1);
    expect(team.invitations()[0]?.role).toBe('viewer');
    await expect
      .element(screen.getByTestId('team-invitation-list'), WAIT)
      .toHaveTextContent('Viewer, expires');
    await userEvent.click(screen.getByRole('button', { name: 'Revoke the Viewer invitation' }));
    await expect
      .element(screen.getByTestId('team-invitation-list'), WAIT)
      .toHaveTextContent('Viewer, revoked');
  });

  test('the audit log filters by action and exports what it shows as CSV', async () => {
    const { screen } = await openTeam();
    await join(screen, `${SERVER}/join#${VALID_CODE}`);
    await expect.element(screen.getByTestId('team-audit-count'), WAIT).toHaveTextContent('2 entries');
    await userEvent.fill(screen.getByLabelText('Action contains'), 'setRole');
    await userEvent.click(screen.getByRole('button', { name: 'Filter' }));
    await expect.element(screen.getByTestId('team-audit-count'), WAIT).toHaveTextContent('1 entry');
    await expect.element(screen.getByTestId('team-audit-table')).toHaveTextContent('members:setRole');
    await expect.element(screen.getByTestId('team-audit-table')).toHaveTextContent('Esther');

    let exported: Blob | null = null;
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      exported = blob as Blob;
      return original(blob);
    };
    try {
      await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    } finally {
      URL.createObjectURL = original;
    }
    expect(exported).not.toBeNull();
    const lines = (await (exported as unknown as Blob).text()).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^id,time,actor_type,member/);
    expect(lines[1]).toContain('members:setRole');
  });

  test('a revoked computer says what was erased and what could not be recalled', async () => {
    const { screen, team } = await openTeam();
    await join(screen, `${SERVER}/join#${VALID_CODE}`);
    await expect.element(screen.getByTestId('team-members'), WAIT).toBeVisible();
    team.revokeMe('member');
    const notice = screen.getByTestId('team-revoked');
    await expect.element(notice, WAIT).toHaveTextContent('An admin removed you from the team');
    await expect
      .element(notice)
      .toHaveTextContent('What this computer held while it was offline could not be recalled');
    await expect.element(screen.getByTestId('team-members')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Check with the server' }));
    await expect.element(screen.getByTestId('team-error'), WAIT).toHaveAttribute('data-code', 'auth_failed');
    await userEvent.click(screen.getByRole('button', { name: 'Forget this team' }));
    await expect.element(screen.getByTestId('team-join'), WAIT).toBeVisible();
    await expect.element(screen.getByTestId('team-notice')).toHaveTextContent('You left the team.');
  });

  test('speaks French', async () => {
    const { screen } = await openTeam('fr');
    await expect.element(screen.getByLabelText('Lien d’invitation'), WAIT).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Rejoindre', exact: true })).toBeVisible();
  });
});

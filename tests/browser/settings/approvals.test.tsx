// The approvals queue in Settings → Team, in real Chromium behind main's router (inputs validated by the
// contract), with requests decided by the real approval state machine: the four tabs, the snapshot shown
// read-only, approve, reject only with a note, a request another approver decided first, and French texts.
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMemoryMain } from '../support/memory-main.ts';
import { renderApp } from '../support/render-app.tsx';
import { createTeamDouble, SERVER, VALID_CODE } from './support/team-double.ts';

const WAIT = { timeout: 5_000 };
const FIRST = '01JAPPR0000000000000000001';
const SECOND = '01JAPPR0000000000000000002';

async function openApprovals(language: 'en' | 'fr' = 'en') {
  const team = createTeamDouble();
  const main = createMemoryMain([], 'https://pds.example', team.handlers);
  team.bind((name, payload) => main.emit(name, payload));
  const app = await renderApp({ main, section: 'settings', language, locale: language });
  await app.screen.getByTestId('settings-tab-team').click();
  await expect.element(app.screen.getByTestId('team-settings'), WAIT).toBeVisible();
  const fields = language === 'en' ? ['Invitation link', 'Your name in the team', 'Join'] : [];
  if (fields.length > 0) {
    await userEvent.fill(app.screen.getByLabelText(fields[0]!), `${SERVER}/join#${VALID_CODE}`);
    await userEvent.fill(app.screen.getByLabelText(fields[1]!), 'Ada');
    await userEvent.click(app.screen.getByRole('button', { name: fields[2]!, exact: true }));
  } else {
    await userEvent.fill(app.screen.getByLabelText('Lien d’invitation'), `${SERVER}/join#${VALID_CODE}`);
    await userEvent.fill(app.screen.getByLabelText('Votre nom dans l’équipe'), 'Ada');
    await userEvent.click(app.screen.getByRole('button', { name: 'Rejoindre', exact: true }));
  }
  await expect.element(app.screen.getByTestId('team-approvals'), WAIT).toBeVisible();
  return { ...app, team, main };
}

describe('Settings → Team → Approvals', () => {
  test('lists what waits for me with its snapshot read-only, and approves one', async () => {
    const { screen, team } = await openApprovals();
    const list = screen.getByTestId('approvals-list');
    await expect.element(list, WAIT).toHaveTextContent('Thanks for visiting the library!');
    await expect.element(list).toHaveTextContent('Reply as @library.example by Esther');
    await expect.element(list).toHaveTextContent(/Scheduled for/);
    // Read-only: the text is not in any editable field.
    expect(screen.getByTestId('approval-text').first().element().tagName).toBe('BLOCKQUOTE');
    await expect.element(screen.getByTestId('team-approvals').getByRole('textbox')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Approve' }).first());
    await expect
      .element(screen.getByTestId('approvals-notice'), WAIT)
      .toHaveTextContent('Approved. It is published through the team server once.');
    expect(team.approvals.get(FIRST).state).toBe('approved');
    await expect.element(list).not.toHaveTextContent('Thanks for visiting the library!');
    // The first test of the file also pays for Chromium's cold start on a shared 2-core machine.
  }, 60_000);

  test('rejects only with a note, which the author then sees under Rejected', async () => {
    const { screen, team } = await openApprovals();
    await expect.element(screen.getByTestId('approvals-list'), WAIT).toHaveTextContent('Closed on Monday');
    await userEvent.click(screen.getByRole('button', { name: 'Reject…' }).last());
    const confirm = screen.getByRole('button', { name: 'Reject', exact: true });
    await expect.element(confirm).toBeDisabled();
    await userEvent.fill(
      screen.getByLabelText('Why is it rejected? (the author sees this note)'),
      'Wrong day',
    );
    await userEvent.click(confirm);
    await expect.element(screen.getByTestId('approvals-notice'), WAIT).toHaveTextContent('Rejected.');
    expect(team.approvals.get(SECOND)).toMatchObject({ state: 'rejected', rejectionNote: 'Wrong day' });

    await userEvent.click(screen.getByTestId('approvals-tab-rejected'));
    await expect
      .element(screen.getByTestId('approval-rejection'), WAIT)
      .toHaveTextContent('Rejected: Wrong day');
  });

  test('shows Mine and Expired, and says so when another approver decided first', async () => {
    const { screen, team } = await openApprovals();
    await expect.element(screen.getByTestId('approvals-list'), WAIT).toHaveTextContent('Thanks for visiting');
    team.approvals.decideElsewhere(FIRST);
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }).first());
    await expect
      .element(screen.getByTestId('approvals-notice'), WAIT)
      .toHaveTextContent('Another approver decided this request first.');
    expect(team.approvals.get(FIRST).decidedBy).not.toBe('01JTEAM0000000000000000ME1');

    await userEvent.click(screen.getByTestId('approvals-tab-mine'));
    await expect.element(screen.getByTestId('approvals-list'), WAIT).toHaveTextContent('My own post waiting');
    await expect.element(screen.getByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId('approvals-tab-expired'));
    await expect
      .element(screen.getByTestId('approvals-list'), WAIT)
      .toHaveTextContent('expired: not approved by its scheduled time, not published');
  });

  test('speaks French', async () => {
    const { screen } = await openApprovals('fr');
    await expect
      .element(screen.getByTestId('approvals-tab-to_approve'), WAIT)
      .toHaveTextContent('À approuver');
    await expect
      .element(screen.getByTestId('approvals-list'), WAIT)
      .toHaveTextContent('Réponse en tant que @library.example par Esther');
    await expect.element(screen.getByRole('button', { name: 'Approuver' }).first()).toBeVisible();
  });
});

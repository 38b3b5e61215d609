// The Inbox of a desktop in a team, in real Chromium against the in-memory main with a team desk double
// behind main's real router: the team's views with counts and owner names, assigning to a member from the
// menu, bulk resolve on ticked rows, my availability with the admin's reasons, presence from the feed in
// the pane, a note whose @mention picker names the member, the collision guard's held reply sent anyway,
// and French labels.
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMemoryMain } from '../support/memory-main.ts';
import { renderApp } from '../support/render-app.tsx';
import { createTeamDeskDouble, GRACE, OLGA, teamConversation } from './support/team-desk-double.ts';

const WAIT = { timeout: 5_000 };
const FIRST_LOAD = { timeout: 20_000 };

function setup(role: 'expert' | 'lead' = 'expert') {
  const desk = createTeamDeskDouble(
    [
      teamConversation('parcel', { ownerId: GRACE, ownerName: 'Grace', state: 'open', priority: 50 }),
      teamConversation('refund', { ownerId: OLGA, ownerName: 'Olga', state: 'open', priority: 20 }),
      teamConversation('login', { priority: 10 }),
    ],
    role,
  );
  const main = createMemoryMain([], 'https://pds.example', desk.handlers);
  return { desk, main };
}

const rows = () => [...document.querySelectorAll<HTMLElement>('[data-testid="inbox-row"]')];

describe('the Inbox for a team', () => {
  test('shows the team views with counts and owners, assigns from the menu and bulk-resolves', async () => {
    const { main, desk } = setup();
    const { screen } = await renderApp({ main, section: 'inbox' });
    await expect.element(screen.getByRole('button', { name: 'Mine (1)' }), FIRST_LOAD).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Team (3)' })).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Team (3)' }));
    await expect.poll(() => rows().length, WAIT).toBe(3);
    expect(rows().map((r) => r.querySelector('.inbox__owner')?.textContent)).toEqual([
      'Grace',
      'Olga',
      'Unassigned',
    ]);
    rows()[2]!.click();
    await expect.element(screen.getByTestId('inbox-pane'), WAIT).toHaveTextContent('Unassigned');
    await userEvent.selectOptions(screen.getByLabelText('Assign to a member'), 'Olga');
    await expect
      .poll(() => desk.inputsOf('teamDesk:act'), WAIT)
      .toEqual([{ id: 'login', version: 1, action: { kind: 'assign', memberId: OLGA } }]);
    await userEvent.click(screen.getByLabelText('Select parcel.test'));
    await userEvent.click(screen.getByLabelText('Select refund.test'));
    await userEvent.click(screen.getByRole('button', { name: 'Resolve selected' }));
    await expect
      .poll(() => desk.inputsOf('teamDesk:bulkAct'), WAIT)
      .toEqual([{ ids: ['parcel', 'refund'], action: { kind: 'resolve' } }]);
  });

  test('sets my availability with the admin reasons, and shows who else is on a conversation', async () => {
    const { main, desk } = setup();
    const { screen } = await renderApp({ main, section: 'inbox' });
    await expect.element(screen.getByRole('button', { name: 'Mine (1)' }), FIRST_LOAD).toBeVisible();
    await userEvent.selectOptions(screen.getByLabelText('My availability'), 'Away — Lunch');
    await expect
      .poll(() => desk.inputsOf('teamDesk:setAvailability'), WAIT)
      .toEqual([{ availability: 'away', awayReason: 'Lunch' }]);
    await expect.poll(() => rows().length, WAIT).toBe(1);
    rows()[0]!.click();
    await expect.element(screen.getByTestId('inbox-pane'), WAIT).toHaveTextContent('Owner: Grace');
    await expect
      .poll(() => desk.inputsOf('teamDesk:presence'), WAIT)
      .toContainEqual({ id: 'parcel', activity: 'viewing' });
    main.emit('teamDesk:presence', {
      conversationId: 'parcel',
      accountId: '01JTEAMACC000000000000ACC1',
      memberId: OLGA,
      displayName: 'Olga',
      activity: 'replying',
      expiresAt: Date.now() + 15_000,
    });
    await expect.element(screen.getByTestId('team-presence'), WAIT).toHaveTextContent('Olga is replying');
  });

  test('a note mentions the member picked; a held reply is sent anyway from the collision dialog', async () => {
    const { main, desk } = setup();
    const { screen } = await renderApp({ main, section: 'inbox' });
    await expect.poll(() => rows().length, FIRST_LOAD).toBe(1);
    rows()[0]!.click();
    await expect.element(screen.getByTestId('inbox-pane'), WAIT).toBeVisible();
    await userEvent.fill(screen.getByLabelText('Internal note'), 'Can you check?');
    await userEvent.selectOptions(screen.getByLabelText('Mention a member in this note'), 'Olga');
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await expect
      .poll(() => desk.inputsOf('teamDesk:addNote'), WAIT)
      .toEqual([{ id: 'parcel', text: 'Can you check? @Olga', mentions: [OLGA] }]);
    // The feed brings the note back to main's cache, and main says so.
    main.emit('teamDesk:changed', { ids: ['parcel'] });
    await expect.element(screen.getByTestId('inbox-note'), WAIT).toHaveTextContent('Note by Grace');
    await userEvent.fill(screen.getByLabelText('Reply as @parcel.test'), 'On it');
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    const dialog = screen.getByRole('alertdialog');
    await expect.element(dialog, WAIT).toHaveTextContent('are you there?');
    await userEvent.click(screen.getByRole('button', { name: 'Send anyway' }));
    await expect.poll(() => desk.inputsOf('teamDesk:reply').length, WAIT).toBe(2);
    expect(desk.inputsOf('teamDesk:reply')[1]).toMatchObject({ text: 'On it', sendAnyway: true });
  });

  test("a lead sets an expert's skills and capacity in the desk settings; an expert has no such button", async () => {
    const { main, desk } = setup('lead');
    const { screen } = await renderApp({ main, section: 'inbox' });
    await userEvent.click(screen.getByRole('button', { name: 'Desk settings' }), FIRST_LOAD);
    await expect.element(screen.getByRole('button', { name: 'Save Olga' }), WAIT).toBeVisible();
    const olga = screen.getByTestId('team-expert').nth(1);
    await userEvent.fill(olga.getByLabelText('Skills (comma separated)'), 'billing, fr');
    await userEvent.fill(olga.getByLabelText('Capacity'), '8');
    await userEvent.click(screen.getByRole('button', { name: 'Save Olga' }));
    await expect
      .poll(() => desk.inputsOf('teamDesk:updateExpert'), WAIT)
      .toEqual([
        {
          memberId: OLGA,
          profile: {
            skills: ['billing', 'fr'],
            capacity: 8,
            timeZone: 'UTC',
            week: [[], [], [], [], [], [], []],
            outOfOffice: [],
          },
        },
      ]);
    await expect
      .element(screen.getByTestId('team-desk-admin').getByRole('status'), WAIT)
      .toHaveTextContent('Saved.');
  });

  test('speaks French', async () => {
    const { main } = setup();
    const { screen } = await renderApp({ main, section: 'inbox', language: 'fr', locale: 'fr' });
    await expect.element(screen.getByRole('button', { name: 'Équipe (3)' }), FIRST_LOAD).toBeVisible();
    await expect.element(screen.getByLabelText('Ma disponibilité')).toBeVisible();
  });
});

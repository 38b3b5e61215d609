// The team's inquiry desk end to end on two browser-mode desktops (a lead and an expert), a real team server
// polling a brand account on the local Bluesky network, and real Chromium notifications:
// the lead gives the expert reply access (Settings → Team) and the billing skill (Inbox → Desk settings →
// Experts); a contact's refund question is routed to the expert, who is notified; a note that @mentions the
// expert notifies them and nobody else, a plain note nobody; the expert sees the lead viewing; the expert's
// reply is held because a note came in while it was being written, and "Send anyway" posts it exactly once.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { sandboxClient } from './support/sandbox.ts';
import {
  cleanUpTeamTests,
  connectBrandAccount,
  join,
  joinAsOwner,
  openTeamSettings,
  postsWithText,
  startTeam,
} from './support/team.ts';
import { openSection } from './support/ui.ts';

const run = cleanUpTeamTests();

interface Shown {
  readonly title: string;
  readonly body: string;
}

/** A page whose desktop notifications are allowed and recorded as the app constructs them. */
async function pageWithNotifications(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext();
  await context.grantPermissions(['notifications'], { origin: new URL(url).origin });
  await context.addInitScript(() => {
    const shown: { title: string; body: string }[] = [];
    (window as unknown as { __shown: typeof shown }).__shown = shown;
    const Original = window.Notification;
    class Recorded extends Original {
      constructor(title: string, options?: NotificationOptions) {
        shown.push({ title, body: options?.body ?? '' });
        super(title, options);
      }
    }
    window.Notification = Recorded;
  });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

function shown(page: Page): Promise<Shown[]> {
  return page.evaluate(() => (window as unknown as { __shown: Shown[] }).__shown);
}

const titled = async (page: Page, title: string) =>
  (await shown(page)).filter((n) => n.title === title).length;

async function addNote(page: Page, text: string, mention?: string): Promise<void> {
  const pane = page.getByTestId('inbox-pane');
  const box = pane.getByLabel('Internal note (never sent to the network)');
  await box.fill(text);
  if (mention) {
    await pane.getByLabel('Mention a member in this note').selectOption({ label: mention });
    await expect(box).toHaveValue(`${text} @${mention} `);
  }
  await pane.getByRole('button', { name: 'Add note' }).click();
  await expect(box).toHaveValue('', { timeout: 15_000 });
}

test('the team desk: routed to the expert with the skill, notified, mentioned, seen, and the collision guard', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const sandbox = sandboxClient();
  const brand = await sandbox.createAccount({ handlePrefix: 'dbrand', displayName: 'Desk Brand' });
  const contact = await sandbox.createAccount({ handlePrefix: 'dcontact', displayName: 'Dana Contact' });
  const { server, one, two } = await startTeam(run, 'team-desk', { brandPollMs: 1_000 });
  const lead = await pageWithNotifications(browser, one.url);
  const expert = await pageWithNotifications(browser, two.url);
  await joinAsOwner(lead, one, server);

  // The lead connects the brand account and invites Eve as an expert.
  const leadAccount = await connectBrandAccount(lead, sandbox.info.pdsUrl, brand);
  await lead.getByLabel('Role', { exact: true }).selectOption('expert');
  await lead.getByRole('button', { name: 'Create invitation' }).click();
  const invitation = await lead.getByTestId('team-invitation-link').inputValue();
  await openTeamSettings(expert);
  await join(expert, invitation, 'Eve');

  // 1. Reply access (Settings → Team → who may use the account).
  await leadAccount.getByRole('button', { name: `Who may use @${brand.handle}` }).click();
  await lead.getByLabel(`Access of Eve to @${brand.handle}`).selectOption('reply');
  const expertAccount = expert.getByTestId('team-brand-account').filter({ hasText: `@${brand.handle}` });
  await expect(expertAccount.getByTestId('team-brand-my-access')).toHaveText('Reply', { timeout: 15_000 });

  // Eve says she is available in her Inbox (a member becomes an expert with their first availability).
  await openSection(expert, 'Inbox');
  const availability = expert.getByLabel('My availability');
  await availability.selectOption('away:Break');
  await expect(availability).toHaveValue('away:Break', { timeout: 15_000 });
  await availability.selectOption('available');
  await expect(availability).toHaveValue('available', { timeout: 15_000 });

  // The lead gives Eve the billing skill in Inbox → Desk settings → Experts.
  await openSection(lead, 'Inbox');
  await lead.getByRole('button', { name: 'Desk settings' }).click();
  const eveRow = lead.getByTestId('team-expert').filter({ hasText: 'Eve' });
  await eveRow.getByLabel('Skills (comma separated)').fill('billing');
  await eveRow.getByRole('button', { name: 'Save Eve' }).click();
  await expect(lead.getByTestId('team-desk-admin').getByRole('status')).toHaveText('Saved.');
  await lead.getByRole('button', { name: 'Desk settings' }).click();

  // 2. The contact asks the brand about a refund: routed to Eve, in her "Mine" view, and she is notified.
  const tag = `r${Date.now().toString(36)}`;
  await sandbox.post({
    handle: contact.handle,
    text: `Hello @${brand.handle} I was charged twice, I need a refund ${tag}`,
  });
  const expertRow = expert.getByTestId('inbox-row').filter({ hasText: tag });
  await expect(expertRow).toBeVisible({ timeout: 60_000 });
  await expect(expert.getByRole('button', { name: /^Mine \(1\)$/ })).toHaveAttribute('aria-pressed', 'true');
  const assigned = `Assigned to you: @${contact.handle}`;
  await expect.poll(() => titled(expert, assigned), { timeout: 20_000 }).toBe(1);
  expect(await titled(lead, assigned)).toBe(0);
  await expertRow.click();
  const expertPane = expert.getByTestId('inbox-pane');
  await expect(expertPane).toContainText('Owner: Eve');

  // 4. Presence: the lead opens the conversation; Eve's pane shows it within seconds.
  await lead.getByRole('button', { name: /^Team \(\d+\)$/ }).click();
  await lead.getByTestId('inbox-row').filter({ hasText: tag }).click();
  await expect(lead.getByTestId('inbox-pane')).toContainText('Owner: Eve');
  await expect(expertPane.getByTestId('team-presence')).toContainText('Olive is viewing', {
    timeout: 10_000,
  });

  // 3. A note that @mentions Eve notifies her and not the lead; a plain note notifies nobody.
  const mentioned = 'Olive mentioned you';
  await addNote(lead, `Refund approved by finance ${tag}, go ahead`, 'Eve');
  await expect.poll(() => titled(expert, mentioned), { timeout: 20_000 }).toBe(1);
  await addNote(lead, `Just for the record ${tag}`);
  await expect(expertPane.getByTestId('inbox-note').filter({ hasText: 'Just for the record' })).toBeVisible({
    timeout: 15_000,
  });
  await expert.waitForTimeout(3_000); // room for a wrong notification to arrive
  expect(await titled(expert, mentioned)).toBe(1);
  expect((await shown(lead)).map((n) => n.title)).toEqual([]);

  // 5. Collision guard: Eve starts a reply, the lead adds a note meanwhile; Send is held with what changed.
  const reply = `Sorry about the double charge, the refund is on its way ${tag}`;
  await expertPane.getByLabel(`Reply as @${contact.handle}`).fill(reply);
  await addNote(lead, `Customer is a long-time subscriber ${tag}`);
  await expect(expertPane.getByTestId('inbox-note').filter({ hasText: 'long-time subscriber' })).toBeVisible({
    timeout: 15_000,
  });
  await expertPane.getByRole('button', { name: 'Send reply' }).click();
  const held = expert.getByRole('alertdialog', { name: 'The conversation changed while you were writing' });
  await expect(held).toContainText('New note: Customer is a long-time subscriber', { timeout: 15_000 });
  expect(await postsWithText(sandbox.info.pdsUrl, brand.did, reply)).toBe(0);
  await held.getByRole('button', { name: 'Send anyway' }).click();
  await expect(held).toBeHidden();
  await expect(expertPane.getByRole('status')).toHaveText('Reply sent.', { timeout: 15_000 });
  await expect.poll(() => postsWithText(sandbox.info.pdsUrl, brand.did, reply), { timeout: 30_000 }).toBe(1);
  await expert.waitForTimeout(2_000); // a second send would have landed by now
  expect(await postsWithText(sandbox.info.pdsUrl, brand.did, reply)).toBe(1);
});

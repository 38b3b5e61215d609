// A team brand account and an approval, end to end on two browser-mode desktops (each with its own private
// keyring), a real team server and the local Bluesky network. The owner connects the account from
// Settings → Team (the app password goes to the server and never comes back) and gives a limited member
// publish access. The member's post waits for approval and is not on the network; the owner approves it and
// it is published exactly once. A second post is rejected with a note and never appears.
import { expect, test, type Page } from '@playwright/test';
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

const run = cleanUpTeamTests();

async function postAs(page: Page, handle: string, text: string): Promise<void> {
  const account = page.getByTestId('team-brand-account').filter({ hasText: `@${handle}` });
  const box = page.getByLabel(`Text of the post as @${handle}`);
  if (!(await box.isVisible())) await account.getByRole('button', { name: `Post as @${handle}` }).click();
  await box.fill(text);
  await page.getByTestId('team-brand-post').getByRole('button', { name: 'Post', exact: true }).click();
}

test('a limited member posts as a team brand account: held for approval, published once when approved, never when rejected', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const sandbox = sandboxClient();
  const brand = await sandbox.createAccount({ handlePrefix: 'tbrand', displayName: 'Team Brand' });
  const { server, one, two } = await startTeam(run, 'team-brand');
  const owner = await (await browser.newContext()).newPage();
  const member = await (await browser.newContext()).newPage();
  await joinAsOwner(owner, one, server);

  // The owner connects the brand account; the app password goes to the server only.
  const ownerAccount = await connectBrandAccount(owner, sandbox.info.pdsUrl, brand);

  // A limited member joins.
  await owner.getByLabel('Role', { exact: true }).selectOption('limited');
  await owner.getByRole('button', { name: 'Create invitation' }).click();
  const invitation = await owner.getByTestId('team-invitation-link').inputValue();
  await member.goto(two.url);
  await openTeamSettings(member);
  await join(member, invitation, 'Lee');
  await expect(member.getByTestId('team-role')).toHaveText('Limited');

  // The owner gives Lee publish access; Lee's list follows the change feed.
  await ownerAccount.getByRole('button', { name: `Who may use @${brand.handle}` }).click();
  await owner.getByLabel(`Access of Lee to @${brand.handle}`).selectOption('publish');
  const memberAccount = member.getByTestId('team-brand-account').filter({ hasText: `@${brand.handle}` });
  await expect(memberAccount.getByTestId('team-brand-my-access')).toHaveText('Publish', { timeout: 15_000 });

  // Lee's post waits for approval and is not on the network.
  const approved = `Spring opening hours, from the team ${Date.now()}`;
  await postAs(member, brand.handle, approved);
  const state = member.getByTestId('team-brand-post-state');
  await expect(state).toHaveAttribute('data-state', 'awaiting_approval');
  expect(await postsWithText(sandbox.info.pdsUrl, brand.did, approved)).toBe(0);

  // The owner approves it from the queue: it is published exactly once.
  const request = owner.getByTestId('approval').filter({ hasText: approved });
  await expect(request).toBeVisible({ timeout: 15_000 });
  await request.getByRole('button', { name: 'Approve' }).click();
  await expect
    .poll(() => postsWithText(sandbox.info.pdsUrl, brand.did, approved), { timeout: 30_000 })
    .toBe(1);

  // A second post is rejected with a note: the author sees it, and it never reaches the network.
  const rejected = `Off-brand joke ${Date.now()}`;
  await postAs(member, brand.handle, rejected);
  await expect(state).toHaveAttribute('data-state', 'awaiting_approval');
  const second = owner.getByTestId('approval').filter({ hasText: rejected });
  await expect(second).toBeVisible({ timeout: 15_000 });
  await second.getByRole('button', { name: 'Reject…' }).click();
  await second.getByLabel('Why is it rejected? (the author sees this note)').fill('Not our tone');
  await second.getByRole('button', { name: 'Reject', exact: true }).click();
  await member.getByTestId('approvals-tab-rejected').click();
  await expect(member.getByTestId('approval').filter({ hasText: rejected })).toContainText('Not our tone', {
    timeout: 15_000,
  });
  expect(await postsWithText(sandbox.info.pdsUrl, brand.did, approved)).toBe(1);
  expect(await postsWithText(sandbox.info.pdsUrl, brand.did, rejected)).toBe(0);
  // The app password was on neither page.
  expect(await owner.content()).not.toContain(brand.appPassword);
  expect(await member.content()).not.toContain(brand.appPassword);
});

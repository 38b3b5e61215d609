// Settings → Governance in real Chromium against the in-memory main, whose governance double applies
// main's own policy checks: accepting a suggested domain and saving, a refused block list that loses
// nothing, protection turned off only with the typed handle, required image descriptions, and import.
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMemoryMain, type KnownUser } from '../support/memory-main.ts';
import { renderApp } from '../support/render-app.tsx';
import { createGovernanceDouble } from './support/governance-double.ts';

const brand: KnownUser = {
  identifier: 'brand.example',
  password: 'x',
  handle: 'brand.example',
  displayName: 'Brand',
};
const WAIT = { timeout: 5_000 };

async function openGovernance(team?: { editable: boolean }) {
  const governance = createGovernanceDouble({
    shipped: ['grabify.link', 'iplogger.org'],
    suggested: ['brand.example'],
    ...(team && { team }),
  });
  const main = createMemoryMain([brand], 'https://pds.example', governance.handlers);
  const account = main.seedAccount(brand, { protected: true });
  const app = await renderApp({ main, section: 'settings' });
  await app.screen.getByTestId('settings-tab-governance').click();
  await expect.element(app.screen.getByTestId('governance-settings'), WAIT).toBeVisible();
  return { ...app, governance, account };
}

describe('Settings → Governance', () => {
  test("in a team, a member who is not an admin sees the team's policy read-only and told who can change it", async () => {
    const { screen, governance } = await openGovernance({ editable: false });
    await expect
      .element(screen.getByTestId('governance-team'))
      .toHaveTextContent("Only the team's owner and admins can change it.");
    await expect.element(screen.getByLabelText('Your block list')).toBeDisabled();
    await expect.element(screen.getByRole('button', { name: 'Save policy' })).toBeDisabled();
    await expect.element(screen.getByRole('button', { name: 'Add brand.example' })).toBeDisabled();
    await expect.element(screen.getByText('Import policy')).not.toBeInTheDocument();
    expect(governance.updates()).toBe(0);
  });

  test("in a team, an admin edits the team's policy and is told it applies to every member", async () => {
    const { screen, governance } = await openGovernance({ editable: true });
    await expect
      .element(screen.getByTestId('governance-team'))
      .toHaveTextContent('what you save applies to every member');
    await userEvent.fill(screen.getByLabelText('Terms that need confirmation'), 'launch code');
    await userEvent.click(screen.getByRole('button', { name: 'Save policy' }));
    await expect.element(screen.getByTestId('governance-saved'), WAIT).toBeVisible();
    expect(governance.policy().blockedTerms).toEqual(['launch code']);
  });

  test('a suggested domain is added only when accepted, and the saved policy is what main holds', async () => {
    const { screen, governance, account } = await openGovernance();
    await expect.element(screen.getByTestId('governance-no-domains')).toBeVisible();
    await expect.element(screen.getByTestId('shipped-block-list')).toHaveTextContent('(2 domains)');
    expect(governance.policy().orgDomains).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Add brand.example' }));
    await expect.element(screen.getByLabelText('Your organisation’s domains')).toHaveValue('brand.example');
    await expect.element(screen.getByTestId('governance-no-domains')).not.toBeInTheDocument();
    await userEvent.fill(screen.getByLabelText('Your block list'), '# ours\nevil.example');
    await userEvent.fill(screen.getByLabelText('Terms that need confirmation'), 'leak\n\ngiveaway');
    await userEvent.click(screen.getByLabelText('Quiet hours for @brand.example'));
    await expect.element(screen.getByText('You have changes that are not saved yet.')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Save policy' }));

    await expect.element(screen.getByTestId('governance-saved'), WAIT).toBeVisible();
    const policy = governance.policy();
    expect(policy.orgDomains).toEqual(['brand.example']);
    expect(policy.blockList).toBe('# ours\nevil.example');
    expect(policy.blockedTerms).toEqual(['leak', 'giveaway']);
    expect(policy.quietHours[account.id]).toMatchObject({ start: '22:00', end: '07:00' });
    await expect.element(screen.getByTestId('governance-suggestions')).not.toBeInTheDocument();
  });

  test('a block-list line that is not a domain refuses the save, names the line and keeps the text', async () => {
    const { screen, governance } = await openGovernance();
    await userEvent.fill(screen.getByLabelText('Your block list'), 'evil.example\nnot a domain');
    await userEvent.click(screen.getByRole('button', { name: 'Save policy' }));
    const error = screen.getByTestId('governance-error');
    await expect.element(error, WAIT).toHaveTextContent('Nothing was saved.');
    await expect.element(error).toHaveTextContent('Your block list: Line 2: "not a domain" is not a domain.');
    await expect.element(screen.getByLabelText('Your block list')).toHaveValue('evil.example\nnot a domain');
    expect(governance.updates()).toBe(0);
  });

  test('protection is turned off only after typing the handle', async () => {
    const { screen, main } = await openGovernance();
    const protectedSwitch = screen.getByRole('switch', { name: '@brand.example' });
    await expect.element(protectedSwitch).toBeChecked();
    await userEvent.click(protectedSwitch);
    const stop = screen.getByRole('button', { name: 'Stop protecting' });
    await expect.element(stop).toBeDisabled();
    expect(main.calls('accounts:setProtected')).toBe(0);
    await userEvent.fill(
      screen.getByLabelText('Type brand.example to stop protecting this account'),
      'brand.example',
    );
    await userEvent.click(stop);
    await expect.element(protectedSwitch, WAIT).not.toBeChecked();
    expect(main.accounts()[0]?.protected).toBe(false);
  });

  test('required image descriptions is the same setting the composer follows', async () => {
    const { screen, store } = await openGovernance();
    const before = store.getState().requireAltText;
    await userEvent.click(screen.getByRole('switch', { name: 'Require image descriptions' }));
    expect(store.getState().requireAltText).toBe(!before);
  });

  test('an imported policy replaces the policy; a broken file changes nothing', async () => {
    const { screen, governance } = await openGovernance();
    const input = screen.getByLabelText('Import policy');
    const broken = new File(
      ['{ "format": "roost-governance-policy", "policy": { "orgDomains": 3 } }'],
      'bad.json',
      {
        type: 'application/json',
      },
    );
    await userEvent.upload(input, broken);
    await expect
      .element(screen.getByTestId('governance-error'), WAIT)
      .toHaveAttribute('data-code', 'invalid_input');
    expect(governance.updates()).toBe(0);

    const policy = {
      orgDomains: ['brand.example'],
      blockedTerms: ['leak'],
      quietHours: {},
      levels: {},
      blockList: 'x.example\n',
    };
    const good = new File(
      [JSON.stringify({ format: 'roost-governance-policy', version: 1, policy })],
      'team.json',
      {
        type: 'application/json',
      },
    );
    await userEvent.upload(input, good);
    await expect
      .element(screen.getByTestId('governance-saved'), WAIT)
      .toHaveTextContent('The policy from team.json is saved.');
    await expect.element(screen.getByLabelText('Your organisation’s domains')).toHaveValue('brand.example');
    expect(governance.policy().blockedTerms).toEqual(['leak']);
  });
});

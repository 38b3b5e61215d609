// The app frame: navigation rail, empty states for unbuilt sections, and the connection indicator.
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMemoryMain } from '../support/memory-main.ts';
import { renderApp } from '../support/render-app.tsx';

const WAIT = { timeout: 5_000 };
const nav = (screen: Awaited<ReturnType<typeof renderApp>>['screen']) =>
  screen.getByRole('navigation', { name: 'Sections' });

describe('app frame', () => {
  test('the rail marks the current section and switches sections', async () => {
    const { screen } = await renderApp();
    const streams = nav(screen).getByRole('button', { name: 'Streams' });
    await expect.element(streams, WAIT).toHaveAttribute('aria-current', 'page');
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Streams' })).toBeVisible();

    await userEvent.click(nav(screen).getByRole('button', { name: 'Calendar' }));
    await expect
      .element(nav(screen).getByRole('button', { name: 'Calendar' }))
      .toHaveAttribute('aria-current', 'page');
    await expect.element(streams).not.toHaveAttribute('aria-current');
    const heading = screen.getByRole('heading', { level: 1, name: 'Calendar' });
    await expect.element(heading).toBeVisible();
    // Focus moves to the new section so keyboard users land on it.
    await expect.element(heading).toHaveFocus();
    await expect
      .element(screen.getByTestId('empty-calendar'))
      .toHaveTextContent('scheduled and published posts');
  });

  test('arrow keys move along the rail and Enter opens a section', async () => {
    const { screen } = await renderApp();
    const streams = nav(screen).getByRole('button', { name: 'Streams' });
    await expect.element(streams, WAIT).toBeVisible();
    (streams.element() as HTMLElement).focus();
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(nav(screen).getByRole('button', { name: 'Inbox' })).toHaveFocus();
    await userEvent.keyboard('{End}');
    await expect.element(nav(screen).getByRole('button', { name: 'Settings' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(streams).toHaveFocus();
    await userEvent.keyboard('{ArrowUp}{Enter}');
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  });

  test('empty states say what will be there and lead to Settings → Accounts when there is no account', async () => {
    const { screen } = await renderApp({ section: 'inbox' });
    await expect.element(screen.getByTestId('empty-inbox'), WAIT).toHaveTextContent('assigned to you');
    await userEvent.click(screen.getByRole('button', { name: 'Go to Settings → Accounts' }));
    await expect.element(screen.getByRole('heading', { name: 'Add a Bluesky account' })).toBeVisible();
    await expect.element(screen.getByTestId('settings-tab-accounts')).toHaveAttribute('aria-current', 'page');
  });

  test('with an account, empty states no longer ask for one', async () => {
    const main = createMemoryMain();
    main.seedAccount({ identifier: 'a', password: 'p', handle: 'a.test', displayName: 'A' });
    const { screen, store } = await renderApp({ main, section: 'inbox' });
    await expect.poll(() => store.getState().accounts?.length, WAIT).toBe(1);
    await expect.element(screen.getByTestId('empty-inbox')).toBeVisible();
    await expect
      .element(screen.getByRole('button', { name: 'Go to Settings → Accounts' }))
      .not.toBeInTheDocument();
  });

  test('the indicator follows the link to main and main’s view of the internet', async () => {
    const main = createMemoryMain();
    const { screen } = await renderApp({ main });
    const indicator = screen.getByTestId('connection-indicator');
    await expect.element(indicator, WAIT).toHaveTextContent('Connected');
    main.emit('app:connectivity', { online: false });
    await expect.element(indicator).toHaveTextContent('No internet connection');
    main.setState('offline');
    await expect.element(indicator).toHaveAttribute('data-state', 'offline');
    await expect.element(indicator).toHaveTextContent('Offline: reconnecting…');
    const readyBefore = main.calls('app:ready');
    main.emit('app:connectivity', { online: true });
    main.setState('online');
    await expect.element(indicator).toHaveTextContent('Connected');
    // Coming back online re-announces readiness and refetches what events may have missed.
    await expect.poll(() => main.calls('app:ready'), WAIT).toBe(readyBefore + 1);
  });
});

// The calendar against the publishing double: jobs land in the right day and hour, drag and keyboard
// moves call outbox:reschedule, filters narrow the view, overdue posts can be sent or cancelled, and
// outbox:changed keeps it live.
import { afterEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { dayKey, weekDays } from '../../../src-renderer/features/calendar/model/calendar-math.ts';
import { createPublishingMain } from '../compose/support/publishing-main.ts';
import { renderRoost } from '../compose/support/render-roost.tsx';

const WAIT = { timeout: 5_000 };
const alice = { identifier: 'alice.test', password: 'x', handle: 'alice.test', displayName: 'Alice' };
const bob = { identifier: 'bob.test', password: 'x', handle: 'bob.test', displayName: 'Bob' };

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

/** A local instant on the n-th day (Monday = 0) of the current week. */
function at(dayIndex: number, hour: number, minute = 30): Date {
  const day = weekDays(new Date())[dayIndex] ?? new Date();
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), hour, minute);
}
const slot = (d: Date) => `slot-${dayKey(d)}T${String(d.getHours()).padStart(2, '0')}`;

async function open(main: ReturnType<typeof createPublishingMain>) {
  const app = await renderRoost({ main, dbName: `calendar-${crypto.randomUUID()}`, section: 'calendar' });
  closers.push(app.close);
  await expect.element(app.screen.getByRole('grid', { name: 'Scheduled posts' }), WAIT).toBeVisible();
  return app;
}

describe('calendar', () => {
  test('shows each job in its day and hour slot, live updates included', async () => {
    const main = createPublishingMain();
    const a = main.main.seedAccount(alice);
    const when = at(2, 14);
    const job = main.seedJob({ accountId: a.id, scheduledAt: when.toISOString(), text: 'Wednesday launch' });
    const { screen } = await open(main);
    await expect
      .element(screen.getByTestId(slot(when)).getByTestId(`job-${job.id}`), WAIT)
      .toHaveTextContent('Wednesday launch');

    const later = at(4, 9);
    const [pushed] = [
      main.seedJob({ accountId: a.id, scheduledAt: later.toISOString(), text: 'Pushed by main' }),
    ];
    main.main.emit('outbox:changed', { jobs: [pushed!] });
    await expect
      .element(screen.getByTestId(slot(later)).getByTestId(`job-${pushed!.id}`), WAIT)
      .toBeVisible();

    await userEvent.click(screen.getByRole('button', { name: 'Month' }));
    await expect
      .element(screen.getByTestId(`slot-${dayKey(when)}`).getByTestId(`job-${job.id}`), WAIT)
      .toBeVisible();
  });

  test('dragging a scheduled post to another slot reschedules it, keeping its minutes', async () => {
    const main = createPublishingMain();
    const a = main.main.seedAccount(alice);
    const job = main.seedJob({ accountId: a.id, scheduledAt: at(1, 10, 15).toISOString() });
    const { screen } = await open(main);
    const chip = screen.getByTestId(`job-${job.id}`);
    await expect.element(chip, WAIT).toBeVisible();
    // The page's own drag events with a real DataTransfer: Playwright's mouse-driven drag does not
    // reach HTML5 drag and drop inside vitest's iframe.
    const data = new DataTransfer();
    const fire = (el: Element, type: string) =>
      el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    const target = screen.getByTestId(slot(at(3, 11))).element();
    fire(chip.element(), 'dragstart');
    fire(target, 'dragenter');
    expect(fire(target, 'dragover')).toBe(false); // the cell accepts the drop
    fire(target, 'drop');
    fire(chip.element(), 'dragend');
    await expect.poll(() => main.calls('outbox:reschedule'), WAIT).toBe(1);
    expect(main.jobs()[0]?.scheduledAt).toBe(at(3, 11, 15).toISOString());
    await expect
      .element(screen.getByTestId(slot(at(3, 11))).getByTestId(`job-${job.id}`), WAIT)
      .toBeVisible();
  });

  test('keyboard: arrows move focus, Space picks a post up, Alt+arrows move it, Enter opens', async () => {
    const main = createPublishingMain();
    const a = main.main.seedAccount(alice);
    const job = main.seedJob({ accountId: a.id, scheduledAt: at(2, 11).toISOString(), text: 'Move me' });
    const { screen } = await open(main);
    const start = screen.getByTestId(slot(at(2, 11)));
    await expect.element(start.getByTestId(`job-${job.id}`), WAIT).toBeVisible();
    (start.element() as HTMLElement).focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect.element(screen.getByTestId(slot(at(3, 11)))).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}{ArrowUp}');
    await expect.element(screen.getByTestId(slot(at(2, 10)))).toHaveFocus();
    await userEvent.keyboard('{ArrowDown} ');
    await expect.element(screen.getByTestId(`job-${job.id}`)).toHaveAttribute('aria-pressed', 'true');

    await userEvent.keyboard('{Alt>}{ArrowRight}{/Alt}');
    await expect.poll(() => main.jobs()[0]?.scheduledAt, WAIT).toBe(at(3, 11).toISOString());
    await expect.element(screen.getByTestId(slot(at(3, 11)))).toHaveFocus();
    await userEvent.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await expect.poll(() => main.jobs()[0]?.scheduledAt, WAIT).toBe(at(3, 12).toISOString());
    expect(main.calls('outbox:reschedule')).toBe(2);

    await userEvent.keyboard('{Escape}{Enter}');
    await expect
      .element(screen.getByRole('dialog', { name: 'Post details' }), WAIT)
      .toHaveTextContent('Move me');
  });

  test('filters by account and by campaign', async () => {
    const main = createPublishingMain();
    const a = main.main.seedAccount(alice);
    const b = main.main.seedAccount(bob);
    const ja = main.seedJob({ accountId: a.id, scheduledAt: at(1, 9).toISOString(), campaign: 'spring' });
    const jb = main.seedJob({ accountId: b.id, scheduledAt: at(1, 9).toISOString(), campaign: 'summer' });
    const { screen } = await open(main);
    await expect.element(screen.getByTestId(`job-${ja.id}`), WAIT).toBeVisible();
    await expect.element(screen.getByTestId(`job-${jb.id}`)).toBeVisible();

    await userEvent.selectOptions(screen.getByLabelText('Account'), '@bob.test');
    await expect.element(screen.getByTestId(`job-${ja.id}`)).not.toBeInTheDocument();
    await expect.element(screen.getByTestId(`job-${jb.id}`)).toBeVisible();

    await userEvent.selectOptions(screen.getByLabelText('Account'), 'All accounts');
    await userEvent.selectOptions(screen.getByLabelText('Campaign'), 'spring');
    await expect.element(screen.getByTestId(`job-${ja.id}`)).toBeVisible();
    await expect.element(screen.getByTestId(`job-${jb.id}`)).not.toBeInTheDocument();
  });

  test('overdue posts are highlighted and can be sent now or cancelled', async () => {
    const main = createPublishingMain();
    const a = main.main.seedAccount(alice);
    const late = main.seedJob({
      accountId: a.id,
      scheduledAt: at(0, 8).toISOString(),
      state: 'overdue',
      text: 'Late one',
    });
    const other = main.seedJob({
      accountId: a.id,
      scheduledAt: at(0, 9).toISOString(),
      state: 'overdue',
      text: 'Drop me',
    });
    const { screen } = await open(main);
    await expect.element(screen.getByTestId(`job-${late.id}`), WAIT).toHaveAttribute('data-state', 'overdue');
    await userEvent.click(screen.getByTestId(`overdue-${late.id}`).getByRole('button', { name: 'Send now' }));
    await expect.poll(() => main.jobs().find((j) => j.id === late.id)?.state, WAIT).toBe('sending');
    await userEvent.click(screen.getByTestId(`overdue-${other.id}`).getByRole('button', { name: 'Cancel' }));
    await expect.poll(() => main.jobs().find((j) => j.id === other.id)?.state, WAIT).toBe('cancelled');
    await expect.element(screen.getByTestId('overdue')).not.toBeInTheDocument();
    expect(main.calls('outbox:resolveOverdue')).toBe(2);
  });
});

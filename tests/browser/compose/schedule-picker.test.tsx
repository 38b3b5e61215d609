// The schedule picker says where its suggestions come from: the account's past posts' engagement, or the
// default curve while there is too little history — in English and in French.
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import type { RequestOutput } from '../../../src-shared/contract/contract.ts';
import type { RoostClient } from '../../../src-renderer/bridge/client.ts';
import { SchedulePicker } from '../../../src-renderer/features/compose/components/schedule-picker.tsx';
import { createI18n, type Language } from '../../../src-renderer/i18n/i18n.ts';

const WAIT = { timeout: 5_000 };
type BestTimes = RequestOutput<'schedule:bestTimes'>;

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

/** The picker, switched on, against a client that answers schedule:bestTimes as main would. */
async function renderPicker(best: BestTimes, language: Language) {
  const asked: string[] = [];
  const picked: (string | null)[] = [];
  const client = {
    call: (method: string, input: { accountId: string }) => {
      if (method !== 'schedule:bestTimes') throw new Error(`unexpected call ${method}`);
      asked.push(input.accountId);
      return Promise.resolve({ ok: true, value: best });
    },
  } as unknown as RoostClient;
  const screen = await render(
    <I18nextProvider i18n={await createI18n(language)}>
      <SchedulePicker
        client={client}
        accountId="acct-1"
        scheduledAt={inHours(2)}
        now={() => Date.now()}
        onChange={(at) => picked.push(at)}
      />
    </I18nextProvider>,
  );
  unmount = screen.unmount;
  return { screen, asked, picked };
}

describe('schedule picker', () => {
  test('names the account’s past posts’ engagement as the basis of history suggestions', async () => {
    const reason = 'Tue 14:00: your posts averaged 4.0 interactions (2 posts)';
    const best: BestTimes = { basis: 'history', slots: [{ at: inHours(30), score: 1, reason }] };
    const { screen, asked, picked } = await renderPicker(best, 'en');
    const basis = screen.getByTestId('best-times-basis');
    await expect.element(basis, WAIT).toHaveAttribute('data-basis', 'history');
    await expect.element(basis).toHaveTextContent('From your past posts’ engagement');
    expect(asked).toEqual(['acct-1']);
    await userEvent.click(screen.getByTitle(reason));
    expect(picked).toEqual([best.slots[0]!.at]);
  });

  test('says a default curve is a default, in English and in French', async () => {
    const best: BestTimes = {
      basis: 'default',
      slots: [
        { at: inHours(20), score: 1, reason: 'Wed 12:00: a typical high-engagement hour (no history yet)' },
      ],
    };
    const en = await renderPicker(best, 'en');
    const basisEn = en.screen.getByTestId('best-times-basis');
    await expect.element(basisEn, WAIT).toHaveAttribute('data-basis', 'default');
    await expect.element(basisEn).toHaveTextContent('A default curve of usually good hours');
    en.screen.unmount();

    const fr = await renderPicker(best, 'fr');
    const basisFr = fr.screen.getByTestId('best-times-basis');
    await expect.element(basisFr, WAIT).toHaveTextContent('Courbe par défaut');
    await expect.element(basisFr).not.toHaveTextContent('engagement de vos publications passées (');
  });
});

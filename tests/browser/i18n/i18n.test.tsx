// Translations: French from Settings → General, the system language, and an actionable message for
// every error code in every language.
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ERROR_CODES } from '../../../src-shared/contract/errors.ts';
import { createSettingsRepository } from '../../../src-renderer/db/settings-repository.ts';
import { openRoostDb } from '../../../src-renderer/db/roost-db.ts';
import { createI18n, resolveLanguage, systemLanguage, LANGUAGES } from '../../../src-renderer/i18n/i18n.ts';
import { renderApp } from '../support/render-app.tsx';

const WAIT = { timeout: 5_000 };

describe('i18n', () => {
  test('switching the language to French in Settings → General translates the app and is saved', async () => {
    const db = await openRoostDb({ name: `i18n-${crypto.randomUUID()}` });
    const settings = createSettingsRepository(db);
    try {
      const { screen } = await renderApp({ section: 'settings', settings });
      await userEvent.click(screen.getByTestId('settings-tab-general'));
      await userEvent.selectOptions(screen.getByLabelText('Language'), 'fr');
      await expect.element(screen.getByRole('heading', { level: 1, name: 'Réglages' }), WAIT).toBeVisible();
      await expect.element(screen.getByRole('button', { name: 'Boîte de réception' })).toBeVisible();
      expect(document.documentElement.lang).toBe('fr');
      await expect.poll(() => settings.get('locale'), WAIT).toBe('fr');

      await userEvent.click(screen.getByTestId('settings-tab-accounts'));
      await expect
        .element(screen.getByLabelText('Mot de passe d’application'))
        .toHaveAttribute('type', 'password');
      await expect.element(screen.getByRole('button', { name: 'Ajouter le compte' })).toBeVisible();
    } finally {
      db.close();
    }
  });

  test('follows the system language unless one is chosen', () => {
    expect(systemLanguage(['fr-CA', 'en-US'])).toBe('fr');
    expect(systemLanguage(['de-DE', 'en-GB'])).toBe('en');
    expect(systemLanguage(['de-DE'])).toBe('en');
    expect(resolveLanguage('system', ['fr-FR'])).toBe('fr');
    expect(resolveLanguage('en', ['fr-FR'])).toBe('en');
  });

  test.each(LANGUAGES)('every error code has its own message in %s', async (language) => {
    const i18n = await createI18n(language);
    const messages = ERROR_CODES.map((code) => i18n.t(`errors.${code}`));
    for (const [index, message] of messages.entries()) {
      expect(message, ERROR_CODES[index]).not.toMatch(/^errors\./);
      expect(message.length, ERROR_CODES[index]).toBeGreaterThan(20);
    }
    expect(new Set(messages).size).toBe(ERROR_CODES.length);
  });

  test('French texts are really French, not English fallbacks', async () => {
    const [en, fr] = await Promise.all([createI18n('en'), createI18n('fr')]);
    for (const key of [
      'errors.keychain_locked',
      'accounts.appPasswordHint',
      'empty.streams',
      'vault.locked',
    ]) {
      expect(fr.t(key), key).not.toBe(en.t(key));
    }
  });
});

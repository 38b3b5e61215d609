// The tray and native menu follow the language the app shows, not the system's: the renderer's choice
// reaches main through `app:setLanguage` (validated by the real router of main's real services), main
// announces the change, and the native labels built from it are in that language. Before the renderer
// says anything, the system's languages decide, as before.
import { localUserContext } from '../../../src-main/rpc/call-context.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trayMenuTemplate } from '../../../src-main/electron/menu-template.ts';
import { nativeLabelsForApp } from '../../../src-main/electron/native-labels.ts';
import { startMainServices } from '../../../src-main/app/main-services.ts';
import type { MainServices } from '../../../src-main/app/types.ts';
import { createMemoryCredentials } from '../support/memory-credentials.ts';

const ctx = localUserContext('electron');
let dir: string;
let services: MainServices;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'roost-language-'));
  services = await startMainServices(
    { dataDir: path.join(dir, 'data'), mode: 'electron', version: '0.0.0-test' },
    { credentials: createMemoryCredentials() },
  );
});

afterEach(async () => {
  await services.stop();
  rmSync(dir, { recursive: true, force: true });
});

const trayLabels = (system: readonly string[]) =>
  trayMenuTemplate(nativeLabelsForApp(services.language.current(), system), {
    show: () => undefined,
    quit: () => undefined,
  }).flatMap((item) => (item.label ? [item.label] : []));

describe('app:setLanguage', () => {
  it('uses the system languages until the renderer says which language it shows', () => {
    expect(services.language.current()).toBeNull();
    expect(trayLabels(['fr-CA', 'en'])).toEqual(['Afficher Roost', 'Quitter Roost']);
    expect(trayLabels(['de-DE'])).toEqual(['Show Roost', 'Quit Roost']);
  });

  it('switches the native labels to the in-app language and announces each change once', async () => {
    const heard: string[] = [];
    services.language.onChange((language) => heard.push(language));

    await expect(services.router.dispatch('app:setLanguage', { language: 'fr' }, ctx)).resolves.toEqual({
      ok: true,
      value: {},
    });
    expect(trayLabels(['en-US'])).toEqual(['Afficher Roost', 'Quitter Roost']);

    await services.router.dispatch('app:setLanguage', { language: 'fr' }, ctx);
    await services.router.dispatch('app:setLanguage', { language: 'en' }, ctx);
    expect(trayLabels(['fr-FR'])).toEqual(['Show Roost', 'Quit Roost']);
    expect(heard).toEqual(['fr', 'en']);
  });

  it('refuses a language Roost has no labels for, or extra fields, and keeps the current one', async () => {
    await services.router.dispatch('app:setLanguage', { language: 'fr' }, ctx);
    for (const input of [{ language: 'de' }, { language: 'system' }, {}, { language: 'en', extra: 1 }]) {
      const result = await services.router.dispatch('app:setLanguage', input, ctx);
      expect(result.ok, JSON.stringify(input)).toBe(false);
    }
    expect(services.language.current()).toBe('fr');
  });
});

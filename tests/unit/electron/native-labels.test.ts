// The tray and the native menu are translated like the rest of Roost: every item has a label from the
// chosen language (Electron's own role labels would stay English), French differs from English, and the
// language follows the system's preferences with English as the fallback.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate, trayMenuTemplate } from '../../../src-main/electron/menu-template.ts';
import { NATIVE_LABELS, nativeLabelsFor } from '../../../src-main/electron/native-labels.ts';

function labelsOf(items: readonly MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => {
    if (item.type === 'separator') return [];
    const children = Array.isArray(item.submenu) ? labelsOf(item.submenu) : [];
    return [item.label ?? `<untranslated ${item.role ?? 'item'}>`, ...children];
  });
}

const noop = () => undefined;

describe('native labels', () => {
  it('has the same keys in English and French, and translates every one but the product name', () => {
    expect(Object.keys(NATIVE_LABELS.fr).sort()).toEqual(Object.keys(NATIVE_LABELS.en).sort());
    for (const [key, english] of Object.entries(NATIVE_LABELS.en)) {
      const french = NATIVE_LABELS.fr[key as keyof typeof NATIVE_LABELS.fr];
      if (english === 'Roost') continue;
      expect(french, key).not.toBe(english);
    }
  });

  it.each([
    [['fr-FR', 'en-US'], 'Quitter Roost'],
    [['fr_CA'], 'Quitter Roost'],
    [['de-DE', 'fr-BE'], 'Quitter Roost'],
    [['en-GB', 'fr-FR'], 'Quit Roost'],
    [['de-DE'], 'Quit Roost'],
    [[], 'Quit Roost'],
  ])('picks the language from %j', (preferred, quit) => {
    expect(nativeLabelsFor(preferred).quit).toBe(quit);
  });

  it.each([false, true])('labels every menu item in French (macOS: %s)', (isMac) => {
    const fr = NATIVE_LABELS.fr;
    const labels = labelsOf(appMenuTemplate(fr, { quit: noop, isMac }));
    expect(labels.filter((l) => l.startsWith('<untranslated'))).toEqual([]);
    expect(labels).toEqual(expect.arrayContaining([fr.quit, fr.edit, fr.copy, fr.paste, fr.view, fr.window]));
    for (const english of ['Quit Roost', 'Edit', 'Copy', 'Paste', 'View', 'Window']) {
      expect(labels).not.toContain(english);
    }
  });

  it('labels the tray menu in the chosen language', () => {
    expect(labelsOf(trayMenuTemplate(NATIVE_LABELS.fr, { show: noop, quit: noop }))).toEqual([
      'Afficher Roost',
      'Quitter Roost',
    ]);
  });
});

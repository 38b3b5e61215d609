// The application menu: Quit (which really quits, unlike closing the window) and the standard edit, view
// and window roles, so copy/paste and zoom work with their usual shortcuts; labels in the app's language.
import { Menu } from 'electron';
import { appMenuTemplate } from './menu-template.ts';
import type { NativeLabels } from './native-labels.ts';

export function installAppMenu(
  labels: NativeLabels,
  options: { readonly quit: () => void; readonly isMac: boolean },
): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(labels, options)));
}

// The tray icon: Roost keeps streaming and publishing with its window closed, so the tray is how to bring
// the window back or really quit.
import { Menu, Tray, nativeImage } from 'electron';
import { trayMenuTemplate, type MenuActions } from './menu-template.ts';
import type { NativeLabels } from './native-labels.ts';

export type TrayActions = MenuActions;

export function createTray(iconPath: string, labels: NativeLabels, actions: TrayActions): Tray {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  setTrayLabels(tray, labels, actions);
  // Linux desktops ignore clicks on some trays; where they arrive, a click shows the window.
  tray.on('click', actions.show);
  return tray;
}

/** Rebuilds the tooltip and menu, e.g. when the in-app language changes. */
export function setTrayLabels(tray: Tray, labels: NativeLabels, actions: TrayActions): void {
  tray.setToolTip(labels.trayTooltip);
  tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(labels, actions)));
}

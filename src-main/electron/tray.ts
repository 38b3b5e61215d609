// The tray icon: Roost keeps streaming and publishing with its window closed, so the tray is how to bring
// the window back or really quit.
import { Menu, Tray, nativeImage } from 'electron';

export interface TrayActions {
  readonly show: () => void;
  readonly quit: () => void;
}

export function createTray(iconPath: string, actions: TrayActions): Tray {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.setToolTip('Roost');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Show Roost', click: actions.show },
      { type: 'separator' },
      { label: 'Quit Roost', click: actions.quit },
    ]),
  );
  // Linux desktops ignore clicks on some trays; where they arrive, a click shows the window.
  tray.on('click', actions.show);
  return tray;
}

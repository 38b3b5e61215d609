// The application menu: Quit (which really quits, unlike closing the window) and the standard edit, view
// and window roles, so copy/paste and zoom work with their usual shortcuts.
import { Menu, type MenuItemConstructorOptions } from 'electron';

export function installAppMenu(options: { readonly quit: () => void; readonly isMac: boolean }): void {
  const quitItem: MenuItemConstructorOptions = {
    label: 'Quit Roost',
    accelerator: 'CmdOrCtrl+Q',
    click: options.quit,
  };
  const template: MenuItemConstructorOptions[] = [
    ...(options.isMac
      ? [
          {
            label: 'Roost',
            submenu: [
              { role: 'about' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              quitItem,
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : [{ label: 'File', submenu: [quitItem] } satisfies MenuItemConstructorOptions]),
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

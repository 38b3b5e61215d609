// The native menus as data, so their labels can be checked without Electron: every item carries a
// translated label, including the standard edit/view/window roles (Electron's own role labels are English).
import type { MenuItemConstructorOptions } from 'electron';
import type { NativeLabels } from './native-labels.ts';

export interface MenuActions {
  readonly show: () => void;
  readonly quit: () => void;
}

export function trayMenuTemplate(labels: NativeLabels, actions: MenuActions): MenuItemConstructorOptions[] {
  return [
    { label: labels.show, click: actions.show },
    { type: 'separator' },
    { label: labels.quit, click: actions.quit },
  ];
}

export function appMenuTemplate(
  labels: NativeLabels,
  options: { readonly quit: () => void; readonly isMac: boolean },
): MenuItemConstructorOptions[] {
  const quitItem: MenuItemConstructorOptions = {
    label: labels.quit,
    accelerator: 'CmdOrCtrl+Q',
    click: options.quit,
  };
  const appMenu: MenuItemConstructorOptions = options.isMac
    ? {
        label: 'Roost',
        submenu: [
          { role: 'about', label: labels.about },
          { type: 'separator' },
          { role: 'hide', label: labels.hide },
          { role: 'hideOthers', label: labels.hideOthers },
          { role: 'unhide', label: labels.showAll },
          { type: 'separator' },
          quitItem,
        ],
      }
    : { label: labels.file, submenu: [quitItem] };
  return [
    appMenu,
    {
      label: labels.edit,
      submenu: [
        { role: 'undo', label: labels.undo },
        { role: 'redo', label: labels.redo },
        { type: 'separator' },
        { role: 'cut', label: labels.cut },
        { role: 'copy', label: labels.copy },
        { role: 'paste', label: labels.paste },
        { role: 'selectAll', label: labels.selectAll },
      ],
    },
    {
      label: labels.view,
      submenu: [
        { role: 'reload', label: labels.reload },
        { role: 'toggleDevTools', label: labels.toggleDevTools },
        { type: 'separator' },
        { role: 'resetZoom', label: labels.resetZoom },
        { role: 'zoomIn', label: labels.zoomIn },
        { role: 'zoomOut', label: labels.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: labels.fullScreen },
      ],
    },
    {
      label: labels.window,
      submenu: [
        { role: 'minimize', label: labels.minimize },
        { role: 'close', label: labels.close },
      ],
    },
  ];
}

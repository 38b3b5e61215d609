// Creates the main window on app://roost/, shows it once painted, and hides instead of closing so streams,
// the outbox and the scheduler keep running from the tray.
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './trusted-url.ts';
import { createMainWindowOptions } from './window-options.ts';

export interface MainWindowInput {
  readonly preloadPath: string;
  readonly iconPath: string;
  readonly isDev: boolean;
  /** True once the user asked to quit: then closing really closes. */
  readonly isQuitting: () => boolean;
  /** The page is starting a new document: events must wait for its `app:ready`. */
  readonly onPageNavigating: () => void;
}

export function createMainWindow(input: MainWindowInput): BrowserWindow {
  const win = new BrowserWindow(
    createMainWindowOptions({ preloadPath: input.preloadPath, isDev: input.isDev, iconPath: input.iconPath }),
  );
  win.once('ready-to-show', () => win.show());
  win.on('close', (event) => {
    if (input.isQuitting()) return;
    event.preventDefault();
    win.hide();
  });
  win.webContents.on('did-start-navigation', (event) => {
    if (event.isMainFrame && !event.isSameDocument) input.onPageNavigating();
  });
  win.webContents.on('render-process-gone', () => input.onPageNavigating());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

export function revealWindow(win: BrowserWindow | undefined): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

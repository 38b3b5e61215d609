// Options of Roost's main window: Electron's security checklist lives here as data, so a unit test can
// hold every flag in place without starting Electron.
import type { BrowserWindowConstructorOptions } from 'electron';

export interface MainWindowOptionsInput {
  /** Absolute path of the bundled preload (dist/preload/preload.cjs). */
  readonly preloadPath: string;
  /** Unpackaged runs get DevTools; packaged builds do not. */
  readonly isDev?: boolean;
  /** Window icon on Linux and Windows (macOS takes it from the bundle). */
  readonly iconPath?: string;
}

/** Matches the renderer's first paint so showing the window does not flash white. */
export const WINDOW_BACKGROUND = '#0f1720';

export function createMainWindowOptions(input: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Roost',
    width: 1440,
    height: 900,
    // Two stream columns and the sidebar must still fit.
    minWidth: 960,
    minHeight: 600,
    // Shown on 'ready-to-show', once the first frame is painted.
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    autoHideMenuBar: false,
    ...(input.iconPath === undefined ? {} : { icon: input.iconPath }),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      devTools: input.isDev === true,
    },
  };
}

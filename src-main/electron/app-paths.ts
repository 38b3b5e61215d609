// Where the built pieces sit relative to the app root (the folder holding package.json, inside app.asar
// when packaged). electron-builder.yml's `files` must ship each of them.
import path from 'node:path';

export interface AppPaths {
  readonly rendererDir: string;
  readonly preloadPath: string;
  readonly windowIconPath: string;
  readonly trayIconPath: string;
}

export function appPaths(appRoot: string): AppPaths {
  return {
    rendererDir: path.join(appRoot, 'dist', 'renderer'),
    preloadPath: path.join(appRoot, 'dist', 'preload', 'preload.cjs'),
    windowIconPath: path.join(appRoot, 'resources', 'icon.png'),
    trayIconPath: path.join(appRoot, 'resources', 'tray.png'),
  };
}

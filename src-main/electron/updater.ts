// Automatic updates from the feed in electron-builder.yml's `publish`. Off for unpackaged runs, which
// have no update metadata. Default import: electron-updater's named exports fail under native ESM.
import updaterPkg from 'electron-updater';

const CHECK_EVERY_MS = 6 * 60 * 60 * 1000;

export function startUpdater(options: { readonly isPackaged: boolean }): () => void {
  if (!options.isPackaged) return () => {};
  const { autoUpdater } = updaterPkg;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.on('error', (error: Error) => console.error('[updater]', error.message));
  const check = (): void => {
    autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => {
      console.error('[updater]', error instanceof Error ? error.message : String(error));
    });
  };
  check();
  const timer = setInterval(check, CHECK_EVERY_MS);
  return () => clearInterval(timer);
}

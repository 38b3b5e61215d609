// Roost's Electron entry: one instance, main's services, the locked-down window, IPC, tray, menu, power
// events and updates. Everything with logic lives in the modules it wires together.
import { app, dialog, ipcMain, type BrowserWindow } from 'electron';
import { createKeychainCredentialStore } from '../vault/keychain-credential-store.ts';
import { startMainServices } from '../app/main-services.ts';
import { createSecretServiceKeychain } from '../vault/secret-service-keychain.ts';
import { appPaths } from './app-paths.ts';
import { registerIpc } from './ipc.ts';
import { stopServicesOnQuit } from './lifecycle.ts';
import { createMainWindow, revealWindow } from './main-window.ts';
import { launchKeychainUtility } from './keychain-utility.ts';
import { installAppMenu } from './menu.ts';
import { nativeLabelsForApp } from './native-labels.ts';
import { watchPowerAndNetwork } from './power.ts';
import { installSecurityPolicy, registerAppScheme } from './security.ts';
import { createTray, setTrayLabels } from './tray.ts';
import { startUpdater } from './updater.ts';

registerAppScheme();
app.enableSandbox();

let mainWindow: BrowserWindow | undefined;
let quitting = false;

async function start(): Promise<void> {
  await app.whenReady();
  const paths = appPaths(app.getAppPath());
  const services = await startMainServices(
    { dataDir: app.getPath('userData'), mode: 'electron', version: app.getVersion() },
    {
      credentials: createKeychainCredentialStore(
        createSecretServiceKeychain({ launch: launchKeychainUtility }),
      ),
    },
  );
  const disposers: (() => void)[] = [];
  // Watchers go first so nothing calls into services while they shut down.
  stopServicesOnQuit(() => {
    for (const dispose of disposers.splice(0).reverse()) dispose();
    return services.stop();
  });
  installSecurityPolicy(paths.rendererDir);

  const ipc = registerIpc({
    ipcMain,
    services,
    target: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : undefined),
  });
  const show = (): void => revealWindow(mainWindow);
  const quit = (): void => app.quit();
  mainWindow = createMainWindow({
    preloadPath: paths.preloadPath,
    iconPath: paths.windowIconPath,
    isDev: !app.isPackaged,
    isQuitting: () => quitting,
    onPageNavigating: () => ipc.pageNavigating(),
  });
  disposers.push(() => ipc.dispose());
  // The disposer also keeps the tray referenced: a garbage-collected tray vanishes from the panel.
  // Native labels follow the language the renderer shows; until it says, the system's languages.
  const labelsNow = () => nativeLabelsForApp(services.language.current(), app.getPreferredSystemLanguages());
  const menuOptions = { quit, isMac: process.platform === 'darwin' };
  const tray = createTray(paths.trayIconPath, labelsNow(), { show, quit });
  disposers.push(() => tray.destroy());
  installAppMenu(labelsNow(), menuOptions);
  disposers.push(
    services.language.onChange(() => {
      setTrayLabels(tray, labelsNow(), { show, quit });
      installAppMenu(labelsNow(), menuOptions);
    }),
  );
  disposers.push(watchPowerAndNetwork(services), startUpdater({ isPackaged: app.isPackaged }));
  app.on('activate', show);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => revealWindow(mainWindow));
  app.on('before-quit', () => {
    quitting = true;
  });
  // The window only hides; services keep working from the tray until an explicit Quit.
  app.on('window-all-closed', () => {});
  start().catch((error: unknown) => {
    dialog.showErrorBox('Roost could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

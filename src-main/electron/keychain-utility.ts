// Runs the keychain worker as an Electron utility process. The packaged app's runAsNode fuse is off
// (electron-builder.yml), which breaks child_process.fork of Electron's own binary; a utility process is
// Electron's supported way to get a killable Node process. The worker code is the same as under plain Node.
import { utilityProcess } from 'electron';
import { keychainWorkerPath } from '../vault/secret-service-keychain.ts';
import type { WorkerChannel } from '../vault/worker-client.ts';

export function launchKeychainUtility(): WorkerChannel {
  const child = utilityProcess.fork(keychainWorkerPath(), [], {
    serviceName: 'Roost keychain',
    stdio: 'inherit',
  });
  const exitListeners: ((reason: string) => void)[] = [];
  let exited = false;
  const reportExit = (reason: string): void => {
    if (exited) return;
    exited = true;
    for (const listener of exitListeners) listener(reason);
  };
  child.on('exit', (code) => reportExit(`exit code ${code}`));
  child.on('error', (type) => reportExit(`process error: ${type}`));
  return {
    send: (message) => child.postMessage(message),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void exitListeners.push(listener),
    kill() {
      // utilityProcess.kill() is a SIGTERM, which a call stuck in D-Bus may outlive; SIGKILL cannot be.
      if (child.pid === undefined) child.kill();
      else process.kill(child.pid, 'SIGKILL');
    },
    // A utility process never keeps Electron's main process alive; the app's lifetime is the window's and tray's.
    setKeepAlive: () => undefined,
  };
}

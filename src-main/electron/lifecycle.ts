// Quitting stops main's services first (outbox, scheduler, database) and only then lets Electron exit;
// a stop that hangs (a locked keychain can) must not keep the app alive forever.
import { app } from 'electron';

const STOP_TIMEOUT_MS = 5_000;

export function stopServicesOnQuit(stop: () => Promise<void>): void {
  let phase: 'running' | 'stopping' | 'stopped' = 'running';
  app.on('will-quit', (event) => {
    if (phase === 'stopped') return;
    event.preventDefault();
    if (phase === 'stopping') return;
    phase = 'stopping';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        console.error('[roost] services did not stop in time; quitting anyway');
        resolve();
      }, STOP_TIMEOUT_MS);
    });
    Promise.race([stop(), timeout])
      .catch((error: unknown) => console.error('[roost] error while stopping services', error))
      .finally(() => {
        clearTimeout(timer);
        phase = 'stopped';
        app.quit();
      });
  });
}

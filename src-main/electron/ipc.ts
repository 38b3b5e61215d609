// Carries the contract over Electron IPC: one `ipcMain.handle` per request method, each checking the
// sender before the router validates and runs it; events go to the window once the page is ready.
// Only types come from 'electron', so this wiring is unit-tested with the real router and event bus.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { REQUEST_METHODS, type EventName } from '../../src-shared/contract/methods.ts';
import { EVENT_CHANNEL } from '../../src-shared/contract/preload-api.ts';
import type { Result } from '../../src-shared/contract/errors.ts';
import type { MainServices } from '../app/types.ts';
import { createEventGate, type EventGate } from '../rpc/event-gate.ts';
import { localUserContext } from '../rpc/call-context.ts';
import { isTrustedSender } from './trusted-sender.ts';

/** The parts of a window's webContents the wiring uses. */
export type IpcTarget = Pick<WebContents, 'id' | 'send' | 'isDestroyed'>;

export interface IpcWiringOptions {
  readonly ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  readonly services: Pick<MainServices, 'router' | 'events'>;
  /** The main window's webContents, or undefined while there is none. */
  readonly target: () => IpcTarget | undefined;
  readonly maxQueuedEvents?: number;
}

export interface IpcWiring {
  /** Call when the page starts a new document (reload, crash recovery): events queue until it is ready again. */
  pageNavigating(): void;
  readonly gate: Pick<EventGate<unknown>, 'isOpen' | 'queued' | 'dropped'>;
  dispose(): void;
}

interface QueuedEvent {
  readonly name: EventName;
  readonly payload: unknown;
}

const FORBIDDEN: Result<never> = { ok: false, error: { code: 'forbidden', message: 'Untrusted IPC sender' } };

export function registerIpc(options: IpcWiringOptions): IpcWiring {
  const { ipcMain, services } = options;

  const gate = createEventGate<QueuedEvent>(
    (event) => {
      const target = options.target();
      if (!target || target.isDestroyed()) return;
      target.send(EVENT_CHANNEL, event.name, event.payload);
    },
    options.maxQueuedEvents === undefined ? {} : { maxQueued: options.maxQueuedEvents },
  );
  const unsubscribe = services.events.subscribe((name, payload) => gate.push({ name, payload }));

  const trustedIds = (): number[] => {
    const target = options.target();
    return target && !target.isDestroyed() ? [target.id] : [];
  };

  for (const method of REQUEST_METHODS) {
    ipcMain.handle(method, async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
      const frame = event.senderFrame;
      const sender = { webContentsId: event.sender.id, isTopFrame: frame !== null && frame.parent === null };
      if (!isTrustedSender(frame?.url, sender, trustedIds())) return FORBIDDEN;
      const result = await services.router.dispatch(method, input, localUserContext('electron'));
      // The queue lives in this transport, so the transport answers how much it flushed.
      if (method === 'app:ready' && result.ok) return { ok: true, value: { queued: gate.open() } };
      return result;
    });
  }

  return {
    pageNavigating() {
      gate.close();
    },
    gate,
    dispose() {
      unsubscribe();
      for (const method of REQUEST_METHODS) ipcMain.removeHandler(method);
    },
  };
}

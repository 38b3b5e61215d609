// The sandboxed preload: exposes `window.roost` with exactly one function per contract request and an event
// subscription. Bundled into one CommonJS file (sandboxed preloads cannot import); it imports only the
// method names, never the zod contract.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  EVENT_NAMES,
  REQUEST_METHODS,
  type EventName,
  type RequestMethod,
} from '../../src-shared/contract/methods.ts';
import {
  EVENT_CHANNEL,
  type RoostEventArgs,
  type RoostEventListener,
  type RoostPreloadApi,
  type RoostRequestFunctions,
} from '../../src-shared/contract/preload-api.ts';

const eventNames: ReadonlySet<string> = new Set(EVENT_NAMES);

function request<M extends RequestMethod>(method: M): RoostPreloadApi[M] {
  // Only `input` crosses; the page cannot choose the channel or add arguments.
  return ((input: unknown) => ipcRenderer.invoke(method, input)) as RoostPreloadApi[M];
}

function onEvent(listener: RoostEventListener): () => void {
  // The IpcRendererEvent is never handed to the page: it would expose ipcRenderer itself.
  const handler = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
    if (typeof name !== 'string' || !eventNames.has(name)) return;
    listener(...([name as EventName, payload] as RoostEventArgs));
  };
  ipcRenderer.on(EVENT_CHANNEL, handler);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  };
}

/** One function per contract method, built from the method list so a new method needs no edit here. */
function requestFunctions(): RoostRequestFunctions {
  const functions: Partial<Record<RequestMethod, unknown>> = {};
  for (const method of REQUEST_METHODS) functions[method] = request(method);
  return functions as RoostRequestFunctions;
}

const api = { ...requestFunctions(), onEvent } satisfies RoostPreloadApi;

contextBridge.exposeInMainWorld('roost', api);

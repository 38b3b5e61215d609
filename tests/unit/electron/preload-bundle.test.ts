// Builds the real preload bundle with vite.preload.config.ts and runs it against a stand-in for Electron's
// sandboxed `require`: window.roost must be exactly the contract's methods plus onEvent, nothing more.
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_NAMES, REQUEST_METHODS } from '../../../src-shared/contract/methods.ts';
import { EVENT_CHANNEL } from '../../../src-shared/contract/preload-api.ts';

interface LoadedPreload {
  readonly exposed: Map<string, Record<string, unknown>>;
  readonly invocations: unknown[][];
  readonly required: string[];
  readonly ipc: EventEmitter;
}

let outDir: string;
let bundle: string;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'roost-preload-'));
  await build({
    configFile: fileURLToPath(new URL('../../../vite.preload.config.ts', import.meta.url)),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  });
  bundle = readFileSync(path.join(outDir, 'preload.cjs'), 'utf8');
}, 60_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

function loadPreload(): LoadedPreload {
  const exposed = new Map<string, Record<string, unknown>>();
  const invocations: unknown[][] = [];
  const required: string[] = [];
  const ipc = new EventEmitter();
  const electron = {
    contextBridge: {
      exposeInMainWorld(key: string, api: Record<string, unknown>) {
        if (exposed.has(key)) throw new Error(`exposed twice: ${key}`);
        exposed.set(key, api);
      },
    },
    ipcRenderer: {
      invoke(...args: unknown[]) {
        invocations.push(args);
        return Promise.resolve({ ok: true, value: args[0] });
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => ipc.on(channel, listener),
      removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
        ipc.removeListener(channel, listener),
    },
  };
  const sandboxRequire = (name: string): unknown => {
    required.push(name);
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
    return electron;
  };
  const module = { exports: {} };
  vm.runInNewContext(bundle, { require: sandboxRequire, module, exports: module.exports });
  return { exposed, invocations, required, ipc };
}

describe('preload bundle', () => {
  it('is one small CommonJS file that requires only electron and carries no zod', () => {
    const { required } = loadPreload();
    expect(required).toEqual(['electron']);
    expect(bundle).not.toMatch(/^\s*(import|export)\s/m);
    expect(bundle).not.toMatch(/safeParse|ZodType|z\.object/);
    expect(bundle.length).toBeLessThan(10_000);
  });

  it('exposes window.roost with exactly the contract methods and onEvent', () => {
    const { exposed } = loadPreload();
    expect([...exposed.keys()]).toEqual(['roost']);
    const api = exposed.get('roost') ?? {};
    expect(Object.keys(api).sort()).toEqual([...REQUEST_METHODS, 'onEvent'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(bundle).not.toMatch(/process\.env/);
  });

  it('invokes each method on its own channel with only the input', async () => {
    const { exposed, invocations } = loadPreload();
    const api = exposed.get('roost') as Record<
      string,
      (input: unknown, ...rest: unknown[]) => Promise<unknown>
    >;
    for (const method of REQUEST_METHODS) {
      await expect(api[method]?.({ probe: method }, 'smuggled')).resolves.toEqual({
        ok: true,
        value: method,
      });
    }
    expect(invocations).toEqual(REQUEST_METHODS.map((method) => [method, { probe: method }]));
  });

  it('delivers contract events as (name, payload), drops unknown names, and unsubscribes', () => {
    const { exposed, ipc } = loadPreload();
    const onEvent = exposed.get('roost')?.onEvent as (listener: (...args: unknown[]) => void) => () => void;
    const received: unknown[][] = [];
    const unsubscribe = onEvent((...args) => received.push(args));
    const ipcEvent = { sender: 'the ipcRenderer must not leak' };
    const [first] = EVENT_NAMES;
    ipc.emit(EVENT_CHANNEL, ipcEvent, first, { any: 1 });
    ipc.emit(EVENT_CHANNEL, ipcEvent, 'secret:internal', { any: 2 });
    ipc.emit(EVENT_CHANNEL, ipcEvent, 42, { any: 3 });
    ipc.emit('some-other-channel', ipcEvent, first, { any: 4 });
    expect(received).toEqual([[first, { any: 1 }]]);
    unsubscribe();
    expect(ipc.listenerCount(EVENT_CHANNEL)).toBe(0);
    ipc.emit(EVENT_CHANNEL, ipcEvent, first, { any: 5 });
    expect(received).toHaveLength(1);
  });
});

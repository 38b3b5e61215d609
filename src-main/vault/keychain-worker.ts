// Entry point of the keychain worker process: runs @napi-rs/keyring calls away from the main process, so a
// keyring that never answers (a locked collection waiting on an unlock prompt) can be killed with the process.
import { createKeyringOperations } from './keyring-operations.ts';
import type { KeyringOperations, OpenEntry } from './keyring-operations.ts';
import type { WorkerOp, WorkerRequest, WorkerResponse, WorkerResult } from './keychain-protocol.ts';
import { redact } from './keyring-errors.ts';

async function loadOperations(): Promise<KeyringOperations | string> {
  try {
    const { AsyncEntry } = await import('@napi-rs/keyring');
    // Pinned: unpinned, the library silently falls back to the kernel keyring, which forgets everything on reboot.
    const openEntry: OpenEntry = (service, account) =>
      new AsyncEntry(service, account, { linux: { store: 'secret-service' } });
    return createKeyringOperations(openEntry);
  } catch (error) {
    return `keyring library failed to load: ${redact(error instanceof Error ? error.message : String(error), [])}`;
  }
}

function run(operations: KeyringOperations, request: WorkerOp): Promise<WorkerResult> {
  switch (request.op) {
    case 'get':
      return operations.get(request.service, request.account);
    case 'set':
      return operations.set(request.service, request.account, request.password);
    case 'delete':
      return operations.delete(request.service, request.account);
    case 'find':
      return operations.find(request.service);
    case 'status':
      return operations.status(request.service);
  }
}

// Listen before the library has loaded: requests that arrive meanwhile wait for it instead of being dropped.
const ready = loadOperations();

/** Electron's utility process talks through `process.parentPort`; a forked Node child through process IPC. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}
const parentPort = (process as { parentPort?: ParentPort }).parentPort;
const reply = (response: WorkerResponse): void => {
  if (parentPort) parentPort.postMessage(response);
  else process.send?.(response);
};

function handle(message: WorkerRequest): void {
  const answer = (result: WorkerResult): void => reply({ id: message.id, result });
  ready
    .then((operations) =>
      typeof operations === 'string'
        ? { state: 'unavailable' as const, detail: operations }
        : run(operations, message.request),
    )
    .then(answer, () => answer({ state: 'unavailable', detail: 'keychain worker failed' }));
}

if (parentPort) parentPort.on('message', (event) => handle(event.data as WorkerRequest));
else process.on('message', handle);

// A native call stuck on D-Bus can keep a normal exit from finishing; when main goes away, leave for sure.
// (Electron ends its utility processes itself when the app quits.)
process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));

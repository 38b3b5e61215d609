// Heap usage of a page's dedicated workers (the archive's), which the page's own Runtime.getHeapUsage
// leaves out. Workers are reached as auto-attached CDP targets; commands go through
// Target.sendMessageToTarget because Playwright's CDP sessions cannot address child sessions directly.
import type { CDPSession } from 'playwright';

export interface WorkerHeaps {
  /** Forces garbage collection in every worker, then returns their used heap sizes in bytes. */
  usedBytes(): Promise<number[]>;
}

export async function watchWorkerHeaps(cdp: CDPSession): Promise<WorkerHeaps> {
  const sessions = new Set<string>();
  const waiting = new Map<number, (result: unknown) => void>();
  let nextId = 1;
  cdp.on('Target.attachedToTarget', (event) => {
    if (event.targetInfo.type === 'worker') sessions.add(event.sessionId);
  });
  cdp.on('Target.detachedFromTarget', (event) => sessions.delete(event.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
    const resolve = message.id === undefined ? undefined : waiting.get(message.id);
    if (!resolve || message.id === undefined) return;
    waiting.delete(message.id);
    resolve(message.result ?? { error: message.error });
  });
  const send = (sessionId: string, method: string): Promise<unknown> =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  return {
    async usedBytes() {
      const sizes: number[] = [];
      for (const sessionId of sessions) {
        await send(sessionId, 'HeapProfiler.collectGarbage');
        const usage = (await send(sessionId, 'Runtime.getHeapUsage')) as { usedSize?: number };
        if (typeof usage.usedSize !== 'number') throw new Error('a worker did not report its heap');
        sizes.push(usage.usedSize);
      }
      return sizes;
    },
  };
}

// Main → renderer events. Validated against the contract when emitted so a bug in main cannot push
// a malformed payload; transports subscribe and forward.
import { events, type EventPayload } from '../../src-shared/contract/contract.ts';
import type { EventName } from '../../src-shared/contract/methods.ts';

export type EventListener = (name: EventName, payload: unknown) => void;

export interface EventBus {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      const checked = events[name].parse(payload);
      for (const listener of listeners) listener(name, checked);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

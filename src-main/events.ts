import type { EventName, PayloadOf } from '../src-shared/ipc/contract';

type Listener = (name: EventName, payload: unknown) => void;

/** Main -> renderer events. Hosts (Electron, bridge, memory) subscribe once and forward. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(name: E, payload: PayloadOf<E>): void {
    for (const l of this.listeners) {
      try {
        l(name, payload);
      } catch {
        // a broken listener (a closed window) must not stop the others
      }
    }
  }

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

// The core's one event emitter: runtime-neutral (no Node or Electron events module), typed by the
// contract's EarshotEvent. Transports subscribe once and forward every event to the window.
import { EarshotEvent } from './api/events.ts';

export type EventListener = (event: EarshotEvent) => void;

export class EventBus {
  private listeners = new Set<EventListener>();

  /** Adds a listener; the returned function removes it again. */
  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /**
   * Sends an event to every listener. It is checked against the contract first, so a transport
   * never carries a malformed one; a listener that throws does not keep the others from hearing it.
   */
  emit(event: EarshotEvent): void {
    const checked = EarshotEvent.parse(event);
    for (const listener of [...this.listeners]) {
      try {
        listener(checked);
      } catch {
        // One broken window connection must not stop the import or the analysis that emitted.
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}

/**
 * Limits how often a stream of progress events goes out (a large import reports thousands per
 * second): at most one per `ms`, always the latest, and a final one is sent at once via `flush`.
 */
export function throttled<T>(send: (value: T) => void, ms: number, now: () => number = Date.now) {
  let last = -Infinity;
  let pending: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    timer = null;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    last = now();
    send(value);
  };
  return {
    push(value: T) {
      pending = { value };
      if (now() - last >= ms) fire();
      else timer ??= setTimeout(fire, ms - (now() - last));
    },
    flush(value: T) {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = { value };
      fire();
    },
  };
}

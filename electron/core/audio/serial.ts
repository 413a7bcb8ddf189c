// One-at-a-time access to a shared decoder: calls queue up and run in order.

export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task, task);
    // Keep the chain alive whatever the task does.
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/**
 * Runs at most one task per key, plus at most one queued behind it: calls arriving while a task runs share
 * the queued run, which starts after the running one ends (so it sees everything that happened before them).
 */
export function createKeyedCoalescer<T>(): (key: string, task: () => Promise<T>) => Promise<T> {
  const running = new Map<string, Promise<T>>();
  const queued = new Map<string, Promise<T>>();

  const start = (key: string, task: () => Promise<T>): Promise<T> => {
    const run = task();
    running.set(key, run);
    const forget = () => {
      if (running.get(key) === run) running.delete(key);
    };
    run.then(forget, forget);
    return run;
  };

  return (key, task) => {
    const waiting = queued.get(key);
    if (waiting) return waiting;
    const current = running.get(key);
    if (!current) return start(key, task);
    const next = current
      .catch(() => undefined)
      .then(() => {
        queued.delete(key);
        return start(key, task);
      });
    queued.set(key, next);
    return next;
  };
}

/** At most `max` holders per key at a time; a take over that is refused rather than queued. */
export interface KeyedSlots {
  /** A release function, or undefined when the key's slots are all taken. */
  take(key: string): (() => void) | undefined;
}

export function createKeyedSlots(max: number): KeyedSlots {
  const held = new Map<string, number>();
  return {
    take(key) {
      const count = held.get(key) ?? 0;
      if (count >= max) return undefined;
      held.set(key, count + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (held.get(key) ?? 1) - 1;
        if (left === 0) held.delete(key);
        else held.set(key, left);
      };
    },
  };
}

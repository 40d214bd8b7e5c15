import type { IngestBatch, IngestItem, IngestResult } from "./create-action-ingester";

/** Hands one action to the next group commit; resolves once the transaction holding it has committed. */
export type EnqueueAction = (item: IngestItem) => Promise<IngestResult>;

interface Waiting {
  item: IngestItem;
  resolve: (result: IngestResult) => void;
  reject: (err: unknown) => void;
}

/** A batch large enough to amortise the commit, small enough that no request waits long behind it. */
export const MAX_GROUP_COMMIT = 256;

/**
 * Group commit: every action enqueued in one turn of the event loop (the deliveries whose bodies arrived
 * together) is stored by one transaction, one commit and one disk sync, and each promise settles only
 * after that commit. Nothing waits on a timer: a lone delivery is committed on the next turn. If a batch
 * fails, each of its actions is tried again in a transaction of its own, so one bad delivery is refused
 * alone and the others are still stored.
 */
export function createGroupCommitter(ingestBatch: IngestBatch, maxBatch = MAX_GROUP_COMMIT): EnqueueAction {
  let waiting: Waiting[] = [];
  let scheduled = false;

  function commit(group: Waiting[]): void {
    let results: IngestResult[];
    try {
      results = ingestBatch(group.map((entry) => entry.item));
    } catch (err) {
      if (group.length === 1) return group[0]!.reject(err);
      for (const entry of group) commit([entry]);
      return;
    }
    group.forEach((entry, index) => entry.resolve(results[index]!));
  }

  function flush(): void {
    scheduled = false;
    const all = waiting;
    waiting = [];
    for (let start = 0; start < all.length; start += maxBatch) commit(all.slice(start, start + maxBatch));
  }

  return (item) =>
    new Promise<IngestResult>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        // setImmediate runs after the poll phase: every request read in this turn has joined the group by then.
        setImmediate(flush);
      }
    });
}

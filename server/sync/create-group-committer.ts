import type { SyncWal } from "../store/create-wal-syncer";
import type { IngestBatch, IngestItem, IngestResult } from "./create-action-ingester";

/** Hands one action to the next group commit; resolves once the transaction holding it has committed and the WAL is fsynced. */
export type EnqueueAction = (item: IngestItem) => Promise<IngestResult>;

interface Waiting {
  item: IngestItem;
  resolve: (result: IngestResult) => void;
  reject: (err: unknown) => void;
}

/** A batch large enough to amortise the commit, small enough that no request waits long behind it. */
export const MAX_GROUP_COMMIT = 256;

export interface GroupCommitOptions {
  /** Makes the batch's commit durable (an fsync of the WAL off the event loop); settles before any 200. */
  syncWal: SyncWal;
  maxBatch?: number;
}

/**
 * Group commit: every action enqueued in one turn of the event loop (the deliveries whose bodies arrived
 * together) is stored by one transaction and made durable by one fsync, and each promise settles only after
 * both. Nothing waits on a timer: a lone delivery is committed on the next turn. The fsync runs on the thread
 * pool while the event loop parses the next deliveries, and commits made meanwhile share the next fsync. If
 * a batch fails, each of its actions is tried again in a transaction of its own, so one bad delivery is
 * refused alone and the others are still stored.
 */
export function createGroupCommitter(ingestBatch: IngestBatch, options: GroupCommitOptions): EnqueueAction {
  const maxBatch = options.maxBatch ?? MAX_GROUP_COMMIT;
  let waiting: Waiting[] = [];
  let scheduled = false;

  /** Commits a group; returns the settlements to make once the commit is durable. */
  function commit(group: Waiting[]): (() => void)[] {
    let results: IngestResult[];
    try {
      results = ingestBatch(group.map((entry) => entry.item));
    } catch (err) {
      if (group.length === 1) return [() => group[0]!.reject(err)];
      return group.flatMap((entry) => commit([entry]));
    }
    return group.map((entry, index) => () => entry.resolve(results[index]!));
  }

  function flush(): void {
    scheduled = false;
    const all = waiting;
    waiting = [];
    const settlements: (() => void)[] = [];
    for (let start = 0; start < all.length; start += maxBatch)
      settlements.push(...commit(all.slice(start, start + maxBatch)));
    options.syncWal().then(
      () => settlements.forEach((settle) => settle()),
      // Committed but perhaps not durable: refuse, so Trello sends it again (the copy is then a duplicate).
      (err: unknown) => all.forEach((entry) => entry.reject(err)),
    );
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

import type { TokenCipher } from "../auth/token-cipher";
import type { Logger } from "../log/create-logger";
import type { Store } from "../store/create-store";
import type { TrelloClient } from "../trello/create-trello-client";
import { syncBoard, type SyncProgress, type SyncResult } from "./sync-board";

export interface BoardSyncRunner {
  /** Syncs a connected board now, or once more after the run in progress; resolves when that run ends. */
  sync(boardId: string): Promise<SyncResult | undefined>;
  /** Stops a board's syncs between two pages and resolves when they have ended. */
  cancel(boardId: string): Promise<void>;
  /** Resolves when no sync is running. */
  idle(): Promise<void>;
  /** Reconciles every connected board every `intervalMs` (the timer does not keep the process alive). */
  startSchedule(intervalMs: number): void;
  /** Stops the schedule and every running sync. */
  stop(): Promise<void>;
}

interface Run {
  done: Promise<SyncResult | undefined>;
  abort: AbortController;
}

/**
 * Runs board syncs in the background, one at a time per board, with the connection's token, and records
 * the outcome on the connection (syncing → ready as soon as the board's data is stored, or error with the reason).
 */
export function createBoardSyncRunner(deps: {
  client: TrelloClient;
  store: Store;
  cipher: TokenCipher;
  log: Logger;
}): BoardSyncRunner {
  const { client, store, cipher, log } = deps;
  const running = new Map<string, Run>();
  let timer: NodeJS.Timeout | undefined;

  async function runOnce(boardId: string, signal: AbortSignal): Promise<SyncResult | undefined> {
    const connection = store.connections.get(boardId);
    if (!connection || signal.aborted) return undefined;
    store.connections.setStatus(boardId, "syncing", null);
    try {
      const token = cipher.decrypt(connection.tokenSealed);
      // Ready once the history and the current board are stored: the report checkpoints built after that are a
      // cache (a report builds what it misses), and the member need not wait for them.
      const onProgress = ({ phase }: SyncProgress) => {
        if (phase === "snapshot") store.connections.setStatus(boardId, "ready", null);
      };
      const result = await syncBoard(
        { client, store, log: log.child({ boardId }) },
        { boardId, token, signal, onProgress },
      );
      store.connections.setStatus(boardId, "ready", null);
      return result;
    } catch (err) {
      if (signal.aborted) {
        // Stopped on purpose: a board whose history is complete is as ready as after its last run.
        if (store.syncState.get(boardId).backfillComplete) store.connections.setStatus(boardId, "ready", null);
        log.info({ boardId }, "board sync stopped; the next run carries on where it stopped");
        return undefined;
      }
      const message = err instanceof Error ? err.message : String(err);
      log.warn({ boardId, err: message }, "board sync failed; the next run carries on where it stopped");
      store.connections.setStatus(boardId, "error", message);
      return undefined;
    }
  }

  function sync(boardId: string): Promise<SyncResult | undefined> {
    const previous = running.get(boardId);
    const abort = previous?.abort ?? new AbortController();
    const done = (previous?.done ?? Promise.resolve(undefined)).then(() => runOnce(boardId, abort.signal));
    const run = { done, abort };
    running.set(boardId, run);
    void done.finally(() => {
      if (running.get(boardId) === run) running.delete(boardId);
    });
    return done;
  }

  async function cancel(boardId: string): Promise<void> {
    const run = running.get(boardId);
    if (!run) return;
    run.abort.abort();
    await run.done;
  }

  return {
    sync,
    cancel,
    async idle() {
      while (running.size > 0) await Promise.all([...running.values()].map((run) => run.done));
    },
    startSchedule(intervalMs) {
      timer = setInterval(() => {
        for (const connection of store.connections.all())
          if (!running.has(connection.boardId)) void sync(connection.boardId);
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await Promise.all([...running.keys()].map(cancel));
    },
  };
}

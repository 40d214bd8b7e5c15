import type { TokenCipher } from "../auth/token-cipher";
import type { Logger } from "../log/create-logger";
import type { Store } from "../store/create-store";
import type { TrelloClient } from "../trello/create-trello-client";
import { createActionIngester } from "./create-action-ingester";
import { syncBoard, type SyncResult } from "./sync-board";

export interface BoardSyncRunner {
  /** Syncs a connected board now, or once more after the run in progress; resolves when that run ends. */
  sync(boardId: string): Promise<SyncResult | undefined>;
  /** Resolves when no sync is running. */
  idle(): Promise<void>;
  /** Reconciles every connected board every `intervalMs` (timer does not keep the process alive). */
  startSchedule(intervalMs: number): void;
  stop(): void;
}

/**
 * Runs board syncs in the background, one at a time per board, with the connection's token, and records
 * the outcome on the connection (syncing → ready, or error with the reason).
 */
export function createBoardSyncRunner(deps: { client: TrelloClient; store: Store; cipher: TokenCipher; log: Logger }): BoardSyncRunner {
  const { client, store, cipher, log } = deps;
  const ingest = createActionIngester(store);
  const running = new Map<string, Promise<SyncResult | undefined>>();
  let timer: NodeJS.Timeout | undefined;

  async function runOnce(boardId: string): Promise<SyncResult | undefined> {
    const connection = store.connections.get(boardId);
    if (!connection) return undefined;
    store.connections.setStatus(boardId, "syncing", null);
    try {
      const result = await syncBoard({ client, store, ingest, log: log.child({ boardId }) }, { boardId, token: cipher.decrypt(connection.tokenSealed) });
      if (store.connections.get(boardId)) store.connections.setStatus(boardId, "ready", null);
      return result;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      log.warn({ boardId, err: message }, "board sync failed; the next run carries on where it stopped");
      if (store.connections.get(boardId)) store.connections.setStatus(boardId, "error", message);
      return undefined;
    }
  }

  function sync(boardId: string): Promise<SyncResult | undefined> {
    const previous = running.get(boardId) ?? Promise.resolve(undefined);
    const next = previous.then(() => runOnce(boardId));
    running.set(boardId, next);
    void next.finally(() => {
      if (running.get(boardId) === next) running.delete(boardId);
    });
    return next;
  }

  return {
    sync,
    async idle() {
      while (running.size > 0) await Promise.all(running.values());
    },
    startSchedule(intervalMs) {
      timer = setInterval(() => {
        for (const connection of store.connections.all()) if (!running.has(connection.boardId)) void sync(connection.boardId);
      }, intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}

import type { Connection } from "../store/connections-store";
import type { SyncState } from "../store/sync-state-store";

/** What GET /api/boards/:boardId/connection shows: never the token. */
export function connectionView(connection: Connection, sync: SyncState) {
  return {
    boardId: connection.boardId,
    memberId: connection.memberId,
    status: connection.status,
    webhookId: connection.webhookId,
    connectedAt: connection.connectedAt,
    updatedAt: connection.updatedAt,
    lastError: connection.lastError,
    sync: { backfillComplete: sync.backfillComplete, actionsFetched: sync.actionsFetched, lastSyncedAt: sync.lastSyncedAt },
  };
}

import type { ConnectionView } from "../../shared/api/connection-api";
import type { TokenCipher } from "../auth/token-cipher";
import { TokenUnreadableError } from "../auth/token-unreadable-error";
import type { Connection } from "../store/connections-store";
import type { SyncState } from "../store/sync-state-store";

/** Why the stored token cannot be used, when the current key cannot open it; undefined when it can (or no key). */
function unreadableToken(connection: Connection, cipher: TokenCipher | undefined): string | undefined {
  try {
    cipher?.decrypt(connection.tokenSealed);
    return undefined;
  } catch (err) {
    if (err instanceof TokenUnreadableError) return err.message;
    throw err;
  }
}

/** What GET /api/boards/:boardId/connection shows: never the token, but whether the service can still open it. */
export function connectionView(connection: Connection, sync: SyncState, cipher?: TokenCipher): ConnectionView {
  const unreadable = unreadableToken(connection, cipher);
  return {
    boardId: connection.boardId,
    memberId: connection.memberId,
    // A connection whose token cannot be opened does nothing, however its last sync ended.
    status: unreadable ? "error" : connection.status,
    tokenReadable: unreadable === undefined,
    webhookId: connection.webhookId,
    connectedAt: connection.connectedAt,
    updatedAt: connection.updatedAt,
    lastError: unreadable ?? connection.lastError,
    sync: {
      backfillComplete: sync.backfillComplete,
      actionsFetched: sync.actionsFetched,
      lastSyncedAt: sync.lastSyncedAt,
    },
  };
}

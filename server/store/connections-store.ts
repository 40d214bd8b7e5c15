import type { ConnectionStatus } from "../../shared/api/connection-api";
import type { Db } from "./open-database";

export type { ConnectionStatus };

export interface Connection {
  boardId: string;
  memberId: string;
  /** The member's REST token, sealed (see auth/token-cipher). */
  tokenSealed: string;
  webhookId: string | null;
  status: ConnectionStatus;
  lastError: string | null;
  connectedAt: string;
  updatedAt: string;
}

export interface ConnectionsStore {
  get(boardId: string): Connection | undefined;
  all(): Connection[];
  save(connection: Connection): void;
  setStatus(boardId: string, status: ConnectionStatus, lastError: string | null): void;
  remove(boardId: string): void;
  /** Replaces a connection's sealed token (key rotation), leaving everything else as it was. */
  setSealedToken(boardId: string, tokenSealed: string): void;
}

interface Row {
  board_id: string;
  member_id: string;
  token_sealed: string;
  webhook_id: string | null;
  status: ConnectionStatus;
  last_error: string | null;
  connected_at: string;
  updated_at: string;
}

const fromRow = (row: Row): Connection => ({
  boardId: row.board_id,
  memberId: row.member_id,
  tokenSealed: row.token_sealed,
  webhookId: row.webhook_id,
  status: row.status,
  lastError: row.last_error,
  connectedAt: row.connected_at,
  updatedAt: row.updated_at,
});

/** SQL for the connections table. */
export function createConnectionsStore(db: Db): ConnectionsStore {
  const select = db.prepare("SELECT * FROM connections WHERE board_id = ?");
  const selectAll = db.prepare("SELECT * FROM connections ORDER BY board_id");
  const upsert = db.prepare(
    `INSERT INTO connections (board_id, member_id, token_sealed, webhook_id, status, last_error, connected_at, updated_at)
     VALUES (@boardId, @memberId, @tokenSealed, @webhookId, @status, @lastError, @connectedAt, @updatedAt)
     ON CONFLICT (board_id) DO UPDATE SET member_id = excluded.member_id, token_sealed = excluded.token_sealed,
       webhook_id = excluded.webhook_id, status = excluded.status, last_error = excluded.last_error,
       connected_at = excluded.connected_at, updated_at = excluded.updated_at`,
  );
  const status = db.prepare("UPDATE connections SET status = ?, last_error = ?, updated_at = ? WHERE board_id = ?");
  const remove = db.prepare("DELETE FROM connections WHERE board_id = ?");
  const reseal = db.prepare("UPDATE connections SET token_sealed = ? WHERE board_id = ?");
  return {
    get(boardId) {
      const row = select.get(boardId) as Row | undefined;
      return row ? fromRow(row) : undefined;
    },
    all: () => (selectAll.all() as Row[]).map(fromRow),
    save(connection) {
      upsert.run(connection);
    },
    setStatus(boardId, next, lastError) {
      status.run(next, lastError, new Date().toISOString(), boardId);
    },
    remove(boardId) {
      remove.run(boardId);
    },
    setSealedToken(boardId, tokenSealed) {
      reseal.run(tokenSealed, boardId);
    },
  };
}

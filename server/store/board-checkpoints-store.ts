import type { Db } from "./open-database";

export interface CheckpointRow {
  atMs: number;
  /** The derived board state as JSON (see server/history/board-state.ts). */
  state: string;
}

export interface BoardCheckpointsStore {
  /** The newest checkpoint of a board at or before `atMs`. */
  latestAtOrBefore(boardId: string, atMs: number): CheckpointRow | undefined;
  /** Whether a board has a checkpoint at exactly `atMs`. */
  has(boardId: string, atMs: number): boolean;
  /** Stores a checkpoint unless an action was stored after `lastRowid` (its state may have missed that action). */
  saveIfCurrent(boardId: string, row: CheckpointRow, lastRowid: number): boolean;
  /** The instants a board has checkpoints at, oldest first. */
  instants(boardId: string): number[];
  /** Drops every checkpoint of a board (a reconcile rebuilds them). */
  deleteBoard(boardId: string): void;
}

/** SQL for the board_checkpoints table. */
export function createBoardCheckpointsStore(db: Db): BoardCheckpointsStore {
  const latest = db.prepare(
    "SELECT at_ms AS atMs, state FROM board_checkpoints WHERE board_id = ? AND at_ms <= ? ORDER BY at_ms DESC LIMIT 1",
  );
  const has = db.prepare("SELECT 1 FROM board_checkpoints WHERE board_id = ? AND at_ms = ?").pluck();
  const newestRowid = db.prepare("SELECT coalesce(max(rowid), 0) FROM actions").pluck();
  const upsert = db.prepare(
    `INSERT INTO board_checkpoints (board_id, at_ms, state, built_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (board_id, at_ms) DO UPDATE SET state = excluded.state, built_at = excluded.built_at`,
  );
  const instants = db.prepare("SELECT at_ms FROM board_checkpoints WHERE board_id = ? ORDER BY at_ms").pluck();
  const deleteBoard = db.prepare("DELETE FROM board_checkpoints WHERE board_id = ?");
  // Checked and written in one write transaction: an action stored between the replay's reads and this write would
  // otherwise be missing from a checkpoint its trigger has already run past.
  const save = db.transaction((boardId: string, row: CheckpointRow, lastRowid: number) => {
    if ((newestRowid.get() as number) !== lastRowid) return false;
    upsert.run(boardId, row.atMs, row.state, new Date().toISOString());
    return true;
  });
  return {
    latestAtOrBefore: (boardId, atMs) => latest.get(boardId, atMs) as CheckpointRow | undefined,
    has: (boardId, atMs) => has.get(boardId, atMs) !== undefined,
    saveIfCurrent: (boardId, row, lastRowid) => save.immediate(boardId, row, lastRowid),
    instants: (boardId) => instants.all(boardId) as number[],
    deleteBoard: (boardId) => void deleteBoard.run(boardId),
  };
}

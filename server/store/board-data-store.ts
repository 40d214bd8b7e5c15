import type { Db } from "./open-database";

export interface BoardDataStore {
  /** Deletes everything synced for a board (actions, state, settings, sync progress), in one transaction. */
  deleteBoard(boardId: string): void;
}

/** SQL that spans a board's tables, for "disconnect and delete the data". */
export function createBoardDataStore(db: Db): BoardDataStore {
  const statements = [
    "DELETE FROM card_members WHERE card_id IN (SELECT id FROM cards WHERE board_id = @boardId)",
    "DELETE FROM cards WHERE board_id = @boardId",
    "DELETE FROM lists WHERE board_id = @boardId",
    "DELETE FROM actions WHERE board_id = @boardId",
    "DELETE FROM board_settings WHERE board_id = @boardId",
    "DELETE FROM sync_state WHERE board_id = @boardId",
    "DELETE FROM plugin_data WHERE board_id = @boardId",
    "DELETE FROM loop_record_versions WHERE board_id = @boardId",
    "DELETE FROM stakeholder_updates WHERE board_id = @boardId",
    "DELETE FROM report_snapshots WHERE board_id = @boardId",
    "DELETE FROM boards WHERE id = @boardId",
  ].map((sql) => db.prepare(sql));
  const run = db.transaction((boardId: string) => {
    for (const statement of statements) statement.run({ boardId });
  });
  return { deleteBoard: (boardId) => run(boardId) };
}

import type { Db } from "./open-database";

export interface BoardSettingsRow {
  boardId: string;
  /** IANA zone the board reports in; null = UTC. */
  timezone: string | null;
  /** Lists that count as done; null = decide by list name. */
  doneListIds: string[] | null;
}

export interface BoardSettingsStore {
  get(boardId: string): BoardSettingsRow | undefined;
  save(settings: BoardSettingsRow): void;
}

/** SQL for the board_settings table. */
export function createBoardSettingsStore(db: Db): BoardSettingsStore {
  const select = db.prepare("SELECT board_id, timezone, done_list_ids FROM board_settings WHERE board_id = ?");
  const upsert = db.prepare(
    `INSERT INTO board_settings (board_id, timezone, done_list_ids, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (board_id) DO UPDATE SET timezone = excluded.timezone, done_list_ids = excluded.done_list_ids, updated_at = excluded.updated_at`,
  );
  return {
    get(boardId) {
      const row = select.get(boardId) as
        { board_id: string; timezone: string | null; done_list_ids: string | null } | undefined;
      if (!row) return undefined;
      return {
        boardId: row.board_id,
        timezone: row.timezone,
        doneListIds: row.done_list_ids === null ? null : (JSON.parse(row.done_list_ids) as string[]),
      };
    },
    save(settings) {
      upsert.run(
        settings.boardId,
        settings.timezone,
        settings.doneListIds === null ? null : JSON.stringify(settings.doneListIds),
        new Date().toISOString(),
      );
    },
  };
}

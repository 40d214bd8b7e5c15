import type { Db } from "./open-database";

export interface StakeholderUpdateRow {
  /** The log entry's id (unique per entry, kept when the entry leaves the card's newest 12). */
  id: string;
  boardId: string;
  cardId: string;
  at: string;
  channel: string;
  summary: string;
}

export interface LoopRecordVersionRow {
  boardId: string;
  idModel: string;
  key: string;
  /** The record's JSON, or null when the record was removed. */
  value: string | null;
  seenAt: string;
}

export interface LoopHistoryStore {
  /** The newest stored value of each record of a board, keyed by `historyKey(idModel, key)`. */
  latestValues(boardId: string): Map<string, string | null>;
  appendVersion(row: LoopRecordVersionRow): void;
  /** Each model's value of one record key as it stood before `beforeIso` (models without one are absent). */
  valuesBefore(boardId: string, key: string, beforeIso: string): Map<string, string | null>;
  /** Every version of one record key seen in [fromIso, toIso), oldest first: the moves within a month. */
  versionsBetween(boardId: string, key: string, fromIso: string, toIso: string): LoopRecordVersionRow[];
  upsertUpdate(row: StakeholderUpdateRow): void;
  /** Every update logged to a board's stakeholders, oldest first. */
  listUpdates(boardId: string): StakeholderUpdateRow[];
}

/** The map key of one model's record. */
export function historyKey(idModel: string, key: string): string {
  return `${idModel}\u0000${key}`;
}

/** SQL for the loop_record_versions and stakeholder_updates tables. */
export function createLoopHistoryStore(db: Db): LoopHistoryStore {
  // SQLite takes the bare columns of a max() aggregate from the row holding the max: each model's newest value.
  const latest = db.prepare(
    "SELECT id_model AS idModel, key, value, max(seq) FROM loop_record_versions WHERE board_id = ? GROUP BY id_model, key",
  );
  const append = db.prepare(
    "INSERT INTO loop_record_versions (board_id, id_model, key, value, seen_at) VALUES (@boardId, @idModel, @key, @value, @seenAt)",
  );
  const before = db.prepare(
    `SELECT id_model AS idModel, value, max(seq) FROM loop_record_versions
     WHERE board_id = ? AND key = ? AND seen_at < ? GROUP BY id_model`,
  );
  const between = db.prepare(
    `SELECT board_id AS boardId, id_model AS idModel, key, value, seen_at AS seenAt FROM loop_record_versions
     WHERE board_id = ? AND key = ? AND seen_at >= ? AND seen_at < ? ORDER BY seq`,
  );
  const upsert = db.prepare(
    `INSERT INTO stakeholder_updates (id, board_id, card_id, at, channel, summary) VALUES (@id, @boardId, @cardId, @at, @channel, @summary)
     ON CONFLICT (board_id, card_id, id) DO UPDATE SET at = excluded.at, channel = excluded.channel, summary = excluded.summary`,
  );
  const updates = db.prepare(
    "SELECT id, board_id AS boardId, card_id AS cardId, at, channel, summary FROM stakeholder_updates WHERE board_id = ? ORDER BY at, id",
  );
  return {
    latestValues(boardId) {
      const rows = latest.all(boardId) as { idModel: string; key: string; value: string | null }[];
      return new Map(rows.map((row) => [historyKey(row.idModel, row.key), row.value]));
    },
    appendVersion: (row) => void append.run(row),
    valuesBefore(boardId, key, beforeIso) {
      const rows = before.all(boardId, key, beforeIso) as { idModel: string; value: string | null }[];
      return new Map(rows.map((row) => [row.idModel, row.value]));
    },
    versionsBetween: (boardId, key, fromIso, toIso) => between.all(boardId, key, fromIso, toIso) as LoopRecordVersionRow[],
    upsertUpdate: (row) => void upsert.run(row),
    listUpdates: (boardId) => updates.all(boardId) as StakeholderUpdateRow[],
  };
}

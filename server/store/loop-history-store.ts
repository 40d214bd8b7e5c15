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
  /**
   * Each record's newest version seen before `atIso` (`seenBefore`), and for the records first seen at or after it,
   * that first version (`firstSeenAfter`): the caller decides whether it held already (since its card was created).
   */
  versionsAround(boardId: string, atIso: string): { seenBefore: RecordVersion[]; firstSeenAfter: RecordVersion[] };
  /**
   * One model's record as it stood before `atIso`: its newest version seen before then, else its first version
   * (a record first seen later counted all along). Undefined when it has no version; null when removed.
   */
  recordAt(boardId: string, idModel: string, key: string, atIso: string): string | null | undefined;
  /** Every version of one record key seen in [fromIso, toIso), oldest first: the moves within a month. */
  versionsBetween(boardId: string, key: string, fromIso: string, toIso: string): LoopRecordVersionRow[];
  upsertUpdate(row: StakeholderUpdateRow): void;
  /** Every update logged to a board's stakeholders, oldest first. */
  listUpdates(boardId: string): StakeholderUpdateRow[];
  /** The updates logged to a board's stakeholders dated before `beforeIso`, oldest first. */
  listUpdatesBefore(boardId: string, beforeIso: string): StakeholderUpdateRow[];
}

export interface RecordVersion {
  idModel: string;
  key: string;
  /** The record's JSON, or null when the record was removed. */
  value: string | null;
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
  const seenBefore = db.prepare(
    `SELECT id_model AS idModel, key, value, max(seq) FROM loop_record_versions
     WHERE board_id = ? AND seen_at < ? GROUP BY id_model, key`,
  );
  const firstSeenAfter = db.prepare(
    `SELECT id_model AS idModel, key, value, min(seq) FROM loop_record_versions
     WHERE board_id = ? GROUP BY id_model, key HAVING min(seen_at) >= ?`,
  );
  const recordAt = db.prepare(
    `SELECT value FROM loop_record_versions WHERE board_id = ? AND key = ? AND id_model = ?
     ORDER BY seen_at < @at DESC, CASE WHEN seen_at < @at THEN -seq ELSE seq END LIMIT 1`,
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
  const updatesBefore = db.prepare(
    "SELECT id, board_id AS boardId, card_id AS cardId, at, channel, summary FROM stakeholder_updates WHERE board_id = ? AND at < ? ORDER BY at, id",
  );
  const versionOf = ({ idModel, key, value }: RecordVersion): RecordVersion => ({ idModel, key, value });
  return {
    latestValues(boardId) {
      const rows = latest.all(boardId) as { idModel: string; key: string; value: string | null }[];
      return new Map(rows.map((row) => [historyKey(row.idModel, row.key), row.value]));
    },
    appendVersion: (row) => void append.run(row),
    versionsAround: (boardId, atIso) => ({
      seenBefore: (seenBefore.all(boardId, atIso) as RecordVersion[]).map(versionOf),
      firstSeenAfter: (firstSeenAfter.all(boardId, atIso) as RecordVersion[]).map(versionOf),
    }),
    recordAt(boardId, idModel, key, atIso) {
      const row = recordAt.get(boardId, key, idModel, { at: atIso }) as { value: string | null } | undefined;
      return row?.value;
    },
    versionsBetween: (boardId, key, fromIso, toIso) =>
      between.all(boardId, key, fromIso, toIso) as LoopRecordVersionRow[],
    upsertUpdate: (row) => void upsert.run(row),
    listUpdates: (boardId) => updates.all(boardId) as StakeholderUpdateRow[],
    listUpdatesBefore: (boardId, beforeIso) => updatesBefore.all(boardId, beforeIso) as StakeholderUpdateRow[],
  };
}

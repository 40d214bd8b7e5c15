import type { ReportSnapshotMeta } from "../../shared/api/report-api";
import type { Audience } from "../../shared/loop/audience";

export type { ReportSnapshotMeta };
import type { Db } from "./open-database";

/** Who generated a snapshot: a Trello member id, or the month-close schedule. */
export const SCHEDULE_AUTHOR = "schedule";

/** A snapshot with the renderings stored when it was generated. */
export interface ReportSnapshot extends ReportSnapshotMeta {
  /** The JSON rendering, which is the report model itself. */
  modelJson: string;
  html: string;
  markdown: string;
}

export type NewReportSnapshot = Omit<ReportSnapshot, "version">;

export interface ReportSnapshotsStore {
  /**
   * Stores a snapshot as the next version of its board, month, audience and party (1, 2, …) and returns it. Returns
   * undefined, storing nothing, for a scheduled snapshot of a month the schedule has already produced.
   */
  insert(snapshot: NewReportSnapshot): ReportSnapshot | undefined;
  get(boardId: string, id: string): ReportSnapshot | undefined;
  /** The board's snapshots, newest first. */
  listBoard(boardId: string): ReportSnapshotMeta[];
  /** True when the schedule has produced this month for this audience (and party). */
  hasScheduled(boardId: string, month: string, audience: Audience, party?: string): boolean;
  /** The latest month the schedule produced for the board, whatever the audience: switching it must not redo months. */
  lastScheduledMonth(boardId: string): string | undefined;
  /** Members' (not the schedule's) snapshots of a board created at or after `since`: how many, and the oldest's time. */
  memberCreatedSince(boardId: string, since: string): { count: number; oldest: string | null };
}

interface Row {
  id: string;
  board_id: string;
  month: string;
  timezone: string;
  audience: Audience;
  party: string;
  version: number;
  content_hash: string;
  created_by: string;
  created_at: string;
  model_json?: string;
  html?: string;
  markdown?: string;
}

const META = "id, board_id, month, timezone, audience, party, version, content_hash, created_by, created_at";

function metaOf(row: Row): ReportSnapshotMeta {
  return {
    id: row.id,
    boardId: row.board_id,
    month: row.month,
    timezone: row.timezone,
    audience: row.audience,
    ...(row.party ? { party: row.party } : {}),
    version: row.version,
    contentHash: row.content_hash,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** SQL for the report_snapshots table: insert and read only (a trigger refuses UPDATE). */
export function createReportSnapshotsStore(db: Db): ReportSnapshotsStore {
  const nextVersion = db
    .prepare(
      "SELECT COALESCE(MAX(version), 0) + 1 FROM report_snapshots WHERE board_id = ? AND month = ? AND audience = ? AND party = ?",
    )
    .pluck();
  const insertRow = db.prepare(
    `INSERT INTO report_snapshots (id, board_id, month, timezone, audience, party, version, model_json, html, markdown, content_hash, created_by, created_at)
     VALUES (@id, @boardId, @month, @timezone, @audience, @party, @version, @modelJson, @html, @markdown, @contentHash, @createdBy, @createdAt)`,
  );
  const selectOne = db.prepare(
    `SELECT ${META}, model_json, html, markdown FROM report_snapshots WHERE board_id = ? AND id = ?`,
  );
  const selectBoard = db.prepare(
    `SELECT ${META} FROM report_snapshots WHERE board_id = ? ORDER BY created_at DESC, month DESC, version DESC`,
  );
  const scheduled = db
    .prepare(
      "SELECT 1 FROM report_snapshots WHERE board_id = ? AND month = ? AND audience = ? AND party = ? AND created_by = 'schedule'",
    )
    .pluck();
  const lastScheduled = db
    .prepare("SELECT MAX(month) FROM report_snapshots WHERE board_id = ? AND created_by = 'schedule'")
    .pluck();

  const memberSince = db.prepare(
    "SELECT count(*) AS count, min(created_at) AS oldest FROM report_snapshots WHERE board_id = ? AND created_at >= ? AND created_by <> 'schedule'",
  );

  // Immediate: the version is read and used under one write lock, so two generations never both take version n.
  const insert = db.transaction((snapshot: NewReportSnapshot): ReportSnapshot | undefined => {
    const party = snapshot.party ?? "";
    if (
      snapshot.createdBy === SCHEDULE_AUTHOR &&
      scheduled.get(snapshot.boardId, snapshot.month, snapshot.audience, party) !== undefined
    ) {
      return undefined;
    }
    const version = nextVersion.get(snapshot.boardId, snapshot.month, snapshot.audience, party) as number;
    insertRow.run({ ...snapshot, party, version });
    return { ...snapshot, version };
  });

  return {
    insert: (snapshot) => insert.immediate(snapshot),
    get(boardId, id) {
      const row = selectOne.get(boardId, id) as Row | undefined;
      if (!row) return undefined;
      return { ...metaOf(row), modelJson: row.model_json!, html: row.html!, markdown: row.markdown! };
    },
    listBoard: (boardId) => (selectBoard.all(boardId) as Row[]).map(metaOf),
    hasScheduled: (boardId, month, audience, party = "") =>
      scheduled.get(boardId, month, audience, party) !== undefined,
    lastScheduledMonth: (boardId) => (lastScheduled.get(boardId) as string | null) ?? undefined,
    memberCreatedSince: (boardId, since) => memberSince.get(boardId, since) as { count: number; oldest: string | null },
  };
}

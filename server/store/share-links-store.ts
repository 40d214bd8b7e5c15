import type { Db } from "./open-database";

/** A share link as members see it: never its token, which only its creator saw, once. */
export interface ShareLinkMeta {
  id: string;
  boardId: string;
  snapshotId: string;
  /** Who it was made for, in the PM's words (e.g. the recipient's name). */
  label: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
  revokedBy?: string;
  firstOpenedAt?: string;
  lastOpenedAt?: string;
  openCount: number;
}

export interface NewShareLink {
  id: string;
  boardId: string;
  snapshotId: string;
  tokenHash: string;
  label: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
}

export interface ShareLinksStore {
  insert(link: NewShareLink): ShareLinkMeta;
  /** The link whose token hashes to this, whatever its state. */
  byTokenHash(tokenHash: string): ShareLinkMeta | undefined;
  get(boardId: string, id: string): ShareLinkMeta | undefined;
  /** A snapshot's links, newest first. */
  listSnapshot(boardId: string, snapshotId: string): ShareLinkMeta[];
  /** Revokes a link once: a second revocation keeps the first one's time and member. */
  revoke(boardId: string, id: string, by: string, at: string): ShareLinkMeta | undefined;
  /** Counts an opening: the first sets first_opened_at, every one moves last_opened_at. */
  recordOpened(id: string, at: string): void;
}

interface Row {
  id: string;
  board_id: string;
  snapshot_id: string;
  label: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  first_opened_at: string | null;
  last_opened_at: string | null;
  open_count: number;
}

const META =
  "id, board_id, snapshot_id, label, created_by, created_at, expires_at, revoked_at, revoked_by, first_opened_at, last_opened_at, open_count";

function metaOf(row: Row): ShareLinkMeta {
  return {
    id: row.id,
    boardId: row.board_id,
    snapshotId: row.snapshot_id,
    label: row.label,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    ...(row.revoked_at ? { revokedAt: row.revoked_at, revokedBy: row.revoked_by ?? "" } : {}),
    ...(row.first_opened_at
      ? { firstOpenedAt: row.first_opened_at, lastOpenedAt: row.last_opened_at ?? row.first_opened_at }
      : {}),
    openCount: row.open_count,
  };
}

/** SQL for the share_links table. */
export function createShareLinksStore(db: Db): ShareLinksStore {
  const insertRow = db.prepare(
    `INSERT INTO share_links (id, board_id, snapshot_id, token_hash, label, created_by, created_at, expires_at)
     VALUES (@id, @boardId, @snapshotId, @tokenHash, @label, @createdBy, @createdAt, @expiresAt)`,
  );
  const byHash = db.prepare(`SELECT ${META} FROM share_links WHERE token_hash = ?`);
  const one = db.prepare(`SELECT ${META} FROM share_links WHERE board_id = ? AND id = ?`);
  const ofSnapshot = db.prepare(
    `SELECT ${META} FROM share_links WHERE board_id = ? AND snapshot_id = ? ORDER BY created_at DESC, id`,
  );
  const revokeRow = db.prepare(
    "UPDATE share_links SET revoked_at = ?, revoked_by = ? WHERE board_id = ? AND id = ? AND revoked_at IS NULL",
  );
  const opened = db.prepare(
    "UPDATE share_links SET first_opened_at = COALESCE(first_opened_at, @at), last_opened_at = @at, open_count = open_count + 1 WHERE id = @id",
  );
  const get = (boardId: string, id: string) => {
    const row = one.get(boardId, id) as Row | undefined;
    return row && metaOf(row);
  };
  return {
    insert(link) {
      insertRow.run(link);
      return get(link.boardId, link.id)!;
    },
    byTokenHash(tokenHash) {
      const row = byHash.get(tokenHash) as Row | undefined;
      return row && metaOf(row);
    },
    get,
    listSnapshot: (boardId, snapshotId) => (ofSnapshot.all(boardId, snapshotId) as Row[]).map(metaOf),
    revoke(boardId, id, by, at) {
      revokeRow.run(at, by, boardId, id);
      return get(boardId, id);
    },
    recordOpened: (id, at) => void opened.run({ id, at }),
  };
}
